import { readFile } from "node:fs/promises";
import { type AnalyticsConfig, parseAnalyticsConfig } from "../../analytics/config.js";
import { ConfigFileError } from "./errors.js";

/** A configuration read from a file, and whether the file chose the analysis period itself. */
export interface LoadedConfig {
  readonly config: AnalyticsConfig;
  readonly periodFromFile: boolean;
}

/**
 * Reads a JSON configuration file through the analytics schema, defaults filled in.
 * @param path the file, or undefined for all defaults.
 * @throws {ConfigFileError} naming the file and, for a wrong value, its JSON path
 *   (`cfg.json: tiers.standard.serviceTarget: Too big: expected number to be <=0.9999`).
 */
export async function loadConfigFile(path: string | undefined): Promise<LoadedConfig> {
  let input: unknown;
  if (path !== undefined) {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ConfigFileError(
        path,
        code === "ENOENT" ? "no such file" : (error as Error).message,
      );
    }
    try {
      input = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch (error) {
      throw new ConfigFileError(path, `not valid JSON: ${(error as Error).message}`);
    }
  }
  const result = parseAnalyticsConfig(input);
  if (!result.ok) {
    const problems = result.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw new ConfigFileError(path ?? "configuration", problems.join("; "));
  }
  const periodFromFile =
    typeof input === "object" && input !== null && Object.hasOwn(input, "period");
  return { config: result.config, periodFromFile };
}
