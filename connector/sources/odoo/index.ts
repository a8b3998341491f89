/**
 * The `odoo` source: a live Odoo 19 read into the same planning input as the csv and demo sources,
 * with the analytics configuration from the segmentation settings in Odoo.
 */
import type {
  AnalyticsConfig,
  AnalyticsConfigInput,
  PeriodKind,
} from "../../../analytics/index.js";
import { type ExtractPhase, extractSnapshot, type PhaseProgress } from "../../extract/extract.js";
import { asOfDayAfter, utcDay } from "../../extract/history-window.js";
import { IssueLog, type RecordIssue } from "../../extract/record-issues.js";
import { companyContext } from "../../extract/scope.js";
import { readSettings } from "../../extract/settings.js";
import type { OdooClient } from "../../odoo/index.js";
import { companyPlanningInput, type OdooPlanningInput } from "./planning-input.js";

export { type OdooConnection, openOdoo } from "./connection.js";
export {
  companyPlanningInput,
  type OdooPlanningInput,
  warehousePlanningInput,
} from "./planning-input.js";

export interface OdooInputOptions {
  /** The analysis period, over Odoo's setting. */
  readonly period?: PeriodKind | undefined;
  /** The day to plan for (default: today, UTC). */
  readonly asOfDay?: string | undefined;
  /** Or the last period to plan on, a label (`2025-W10`, `2025-03`, a day): wins over `asOfDay`. */
  readonly through?: string | undefined;
  readonly companyId?: number | undefined;
  /** Local analytics knobs Odoo does not hold. */
  readonly analytics?: AnalyticsConfigInput | undefined;
  readonly onProgress?: PhaseProgress<ExtractPhase>;
}

export interface OdooInput {
  readonly input: OdooPlanningInput;
  readonly config: AnalyticsConfig;
  readonly issues: readonly RecordIssue[];
}

/** Reads Odoo into planning input (nothing is written). */
export async function loadOdooInput(
  odoo: OdooClient,
  options: OdooInputOptions = {},
): Promise<OdooInput> {
  const log = new IssueLog();
  let settings = await readSettings(
    odoo,
    options.companyId === undefined ? {} : companyContext(options.companyId),
    options.analytics,
  );
  // Odoo's analysis period wins over a local configuration's; `--period` wins over Odoo's.
  if (options.period !== undefined && settings.config.period !== options.period) {
    settings = { ...settings, config: { ...settings.config, period: options.period } };
  }
  const { snapshot } = await extractSnapshot(odoo, {
    settings,
    asOfDay:
      options.through !== undefined
        ? asOfDayAfter(options.through, settings.config.period)
        : (options.asOfDay ?? utcDay(Date.now())),
    log,
    ...(options.onProgress && { onProgress: options.onProgress }),
  });
  return {
    input: companyPlanningInput(snapshot, { config: settings.config }),
    config: settings.config,
    issues: log.issues,
  };
}
