/**
 * The committed bundle as Odoo 19's asset pipeline reads it (odoo/tools/js_transpiler.py): it turns
 * `import { a, b as c } from "x";` lines into `require("x")` of Odoo's own modules with regular
 * expressions, so each import must be on one line in that form, and only Odoo's modules may be
 * imported (a bundled OWL or Chart.js would be a second copy in the page).
 */
import { describe, expect, it } from "vitest";
import { repoFile } from "./support.js";

const dist = "addon/inventory_segmentation/static/src/dist/inventory_segmentation";
const bundle = repoFile(`${dist}.js`);

describe("the built bundle", () => {
  it("imports only @odoo/owl and @web modules, each on one line the transpiler converts", () => {
    const importLines = bundle.split("\n").filter((line) => /^\s*import\b/.test(line));
    expect(importLines.length).toBeGreaterThan(5);
    for (const line of importLines) {
      expect(line).toMatch(/^import \{[\s\w$,]+\} from "(@odoo\/owl|@web\/[\w/]+)";$/);
    }
    expect(importLines.some((line) => line.includes('"@odoo/owl"'))).toBe(true);
  });

  it("takes _t under its own name, so that Odoo binds it to the addon's translations", () => {
    expect(bundle).toMatch(/^import \{ _t \} from "@web\/core\/l10n\/translation";$/m);
    expect(bundle).not.toMatch(/_t as _t\d/);
  });

  it("carries no OWL, no Chart.js, no exports and no @odoo-module header", () => {
    expect(bundle).not.toMatch(/^\s*export\b/m);
    expect(bundle).not.toContain("@odoo-module");
    expect(bundle).not.toMatch(/class ComponentNode|function createBlock|Chart\.register\(/);
    expect(bundle).toContain('loadBundle("web.chartjs_lib")');
  });

  it("is loaded by the manifest into the backend, with its templates and styles", () => {
    const manifest = repoFile("addon/inventory_segmentation/__manifest__.py");
    expect(manifest).toMatch(
      /"web\.assets_backend": \[\s*"inventory_segmentation\/static\/src\/dist\/\*",\s*\]/,
    );
    const templates = repoFile(`${dist}.xml`);
    for (const name of ["SegmentationDashboard", "AbcXyzHeatmap", "ProductSegmentField"]) {
      expect(templates).toContain(`t-name="inventory_segmentation.${name}"`);
    }
    expect(repoFile(`${dist}.scss`)).toContain(".o_segmentation_heat_cell");
  });
});
