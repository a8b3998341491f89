// Bundles the TypeScript CLI into dist/invseg.js so `npx invseg` runs without a TS loader.
// Runtime dependencies stay external: they are installed from package.json.
import { build } from "esbuild";

await build({
  entryPoints: ["connector/cli/invseg.ts"],
  outfile: "dist/invseg.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  banner: { js: "#!/usr/bin/env node" },
  logLevel: "warning",
});
