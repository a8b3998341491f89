/**
 * The public surface of the analytics: pure, deterministic functions from plain typed inputs to plain
 * records. No I/O, no clock, no Odoo names. Internals live in `_lib/` and are not exported.
 */
export { type BacktestOptions, backtestPortfolio } from "./backtest-portfolio.js";
export {
  type BucketOptions,
  bucketDailyDemand,
  type DailyDemand,
  type DemandInputCode,
  DemandInputError,
} from "./bucket-daily-demand.js";
export {
  type AnalyticsConfig,
  type AnalyticsConfigInput,
  analyticsConfigSchema,
  type ConfigIssue,
  defaultAnalyticsConfig,
  type ParseConfigResult,
  parseAnalyticsConfig,
  SERVICE_MEASURES,
  type ServiceMeasure,
  TARGET_SCOPES,
  type TargetScope,
  type TierPolicy,
} from "./config.js";
export {
  type LabelKind,
  type ParsedPeriod,
  type PeriodKind,
  PeriodLabelError,
  parsePeriod,
  periodLabel,
  periodOfDay,
  toPeriodOrdinal,
} from "./periods.js";
export { type PlanInputCode, PlanInputError } from "./plan-input-error.js";
export { type PlanOptions, planPortfolio } from "./plan-portfolio.js";
export { createRandom, type Random } from "./random.js";
export {
  LeadTimeInputError,
  type LeadTimeOptions,
  type LeadTimeSummary,
  type Receipt,
  summarizeLeadTimes,
} from "./summarize-lead-times.js";
export * from "./types.js";
