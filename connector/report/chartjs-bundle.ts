/**
 * The chart.js UMD build, read from the installed `chart.js` package to be inlined in the report
 * (one self-contained file that opens offline). The package's `exports` do not list its UMD file,
 * so it is found next to the CommonJS entry point that `require.resolve` returns.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** chart.js could not be found or read; the message says what to install. */
export class ChartLibraryError extends Error {
  override readonly name = "ChartLibraryError";
}

let cached: Promise<string> | undefined;

/** The UMD build's source, with `</script` made harmless for inlining in a `<script>` element. */
export function chartJsSource(): Promise<string> {
  cached ??= load();
  return cached;
}

async function load(): Promise<string> {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve("chart.js");
  } catch (error) {
    throw new ChartLibraryError(
      `the report needs the chart.js package (npm install chart.js): ${(error as Error).message}`,
    );
  }
  const path = join(dirname(entry), "chart.umd.min.js");
  let source: string;
  try {
    source = await readFile(path, "utf8");
  } catch (error) {
    throw new ChartLibraryError(
      `cannot read chart.js's UMD build at ${path}: ${(error as Error).message}`,
    );
  }
  return source.replace(/<\/script/gi, "<\\/script");
}
