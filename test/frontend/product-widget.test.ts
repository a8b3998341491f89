// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { summarizeDemand } from "../../frontend/product_widget/demand-history.js";
import {
  ProductSegmentField,
  type ProductSegmentRecord,
  type SuggestionValue,
} from "../../frontend/product_widget/product_segment_field.js";
import { type Mounted, mountComponent, text } from "./support.js";
import { registry } from "./web/core/registry.js";

const suggestion: SuggestionValue = {
  id: 7,
  display_name: "[BRK-1] Brake disc at WH/Stock",
  current_min: 10,
  current_max: 30,
  suggested_min: 14,
  suggested_max: 28,
  safety_stock: 5,
  service_target: 0.99,
  reason: "Critical at 99%: lead-time demand 9 + safety stock 5.",
  warehouse_id: { id: 1, display_name: "Main Warehouse" },
};

function record(data: Partial<ProductSegmentRecord["data"]> = {}): ProductSegmentRecord {
  return {
    data: {
      segment_suggestion_id: suggestion,
      segment_id: { id: 1, display_name: "Critical" },
      segment_code: "critical",
      segment_reason:
        "Critical: class AY, lead time 27 ± 6 days from a single vendor, in 9 bills of materials.",
      segment_locked: false,
      abc_class: "A",
      xyz_class: "Y",
      demand_pattern: "erratic",
      demand_history: { period: "week", start: "2024-W52", values: [4, 0, 6, 2, 8] },
      uom_id: { id: 1, display_name: "Units" },
      ...data,
    },
    fields: {
      demand_pattern: {
        selection: [
          ["erratic", "Erratic"],
          ["smooth", "Smooth"],
        ],
      },
    },
  };
}

describe("product segmentation summary", () => {
  let mounted: Mounted<ProductSegmentField> | undefined;
  afterEach(() => mounted?.destroy());

  const mountWith = async (data: Partial<ProductSegmentRecord["data"]> = {}) => {
    mounted = await mountComponent(ProductSegmentField, {
      props: { name: "segment_suggestion_id", record: record(data), readonly: true },
      respond: () => {
        throw new Error("the summary reads nothing itself");
      },
    });
    return mounted.target;
  };

  it("is a many2one field widget that loads the suggestion's figures with the form", () => {
    const entry = registry.category("fields").get("inventory_segmentation_product_segment") as {
      supportedTypes: string[];
      relatedFields: { name: string }[];
      fieldDependencies: { name: string }[];
    };
    expect(entry.supportedTypes).toEqual(["many2one"]);
    expect(entry.relatedFields.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        "current_min",
        "current_max",
        "suggested_min",
        "suggested_max",
        "reason",
      ]),
    );
    expect(entry.fieldDependencies.map((f) => f.name)).toEqual(
      expect.arrayContaining(["demand_history", "segment_id", "segment_reason"]),
    );
  });

  it("shows the tier, classes, demand sparkline, current against suggested policy and the reason", async () => {
    const target = await mountWith();
    expect(text(target.querySelector(".o_segmentation_tier_badge"))).toBe("Critical");
    expect(text(target.querySelector(".o_segmentation_product_classes"))).toBe("AY");
    expect(text(target.querySelector(".o_segmentation_product_head"))).toContain("Erratic demand");
    // 360×72 box, 2 px inset, from zero: x = 2 + 89·i, y = 70 − 68·value/8.
    expect(
      target.querySelector(".o_segmentation_product_demand polyline")?.getAttribute("points"),
    ).toBe("2,36 91,70 180,19 269,53 358,2");
    expect(text(target)).toContain("Weekly demand, 2024-W52 to 2025-W04");
    expect(text(target)).toContain("Average 4.00 Units, peak 8, 1 of 5 periods without demand");
    const rows = Array.from(
      target.querySelectorAll(".o_segmentation_product_policy tbody tr"),
      (row) => Array.from(row.querySelectorAll("td"), text),
    );
    expect(rows).toEqual([
      ["10", "14"],
      ["30", "28"],
    ]);
    expect(target.querySelector(".o_segmentation_suggested_min .fa-caret-up")).not.toBeNull();
    expect(target.querySelector(".o_segmentation_suggested_max .fa-caret-down")).not.toBeNull();
    expect(text(target)).toContain("service target 99% in Main Warehouse.");
    expect(text(target.querySelector(".o_segmentation_product_reason"))).toContain(
      "lead time 27 ± 6 days from a single vendor",
    );
  });

  it("says when no suggestion is pending and when there is no usable history", async () => {
    const target = await mountWith({
      segment_suggestion_id: false,
      demand_history: { period: "week", start: "2024-01", values: [1, 2] },
    });
    expect(text(target.querySelector(".o_segmentation_product_no_suggestion"))).toContain(
      "the reordering rule matches the tier's policy",
    );
    // The contract's schema accepts this payload's shape; its start is a month on a week grid.
    expect(text(target)).toContain("Weekly demand from 2024-01");
    mounted?.destroy();
    const broken = await mountWith({ demand_history: { period: "day", values: [1] } });
    expect(text(broken.querySelector(".o_segmentation_product_no_history"))).toContain(
      "No demand history",
    );
  });

  it("explains an unsegmented product", async () => {
    const target = await mountWith({
      segment_id: false,
      segment_code: false,
      segment_reason: false,
    });
    expect(text(target.querySelector(".o_segmentation_product_unsegmented"))).toContain(
      "Not segmented yet",
    );
    expect(target.querySelector(".o_segmentation_product_reason")).toBeNull();
  });
});

describe("demand summary", () => {
  it("ends the window as many periods after its start as there are values", () => {
    expect(summarizeDemand({ period: "week", start: "2024-W52", values: [1, 2, 3] }).last).toBe(
      "2025-W02",
    );
    expect(summarizeDemand({ period: "month", start: "2024-11", values: [1, 2, 3] }).last).toBe(
      "2025-01",
    );
    expect(
      summarizeDemand({ period: "week", start: "2024-W60", values: [1] }).last,
    ).toBeUndefined();
  });
});
