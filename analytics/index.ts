/**
 * The public surface of the analytics: pure, deterministic functions from plain typed inputs to plain
 * records. No I/O, no clock, no Odoo names. Internals live in `_lib/` and are not exported.
 */
export { type AbcCutoffs, abcClasses } from "./abc-classes.js";
export {
  type AllocationTargets,
  allocateServiceLevels,
  type ServiceCurves,
} from "./allocate-service-levels.js";
export {
  assignTier,
  type TierAssignment,
  type TierInput,
  type TierOptions,
} from "./assign-tier.js";
export { type BacktestOptions, backtestPortfolio } from "./backtest-portfolio.js";
export { type BootstrapOptions, bootstrapLeadTimeDemand } from "./bootstrap-lead-time-demand.js";
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
  type CriticalityOptions,
  type CriticalityScore,
  type CriticalitySignals,
  criticalityScore,
  describeScore,
  type ScorePart,
} from "./criticality-score.js";
export { demandPattern, type PatternOptions } from "./demand-pattern.js";
export { type DemandStatistics, demandStatistics } from "./demand-statistics.js";
export * from "./detectors/index.js";
export * from "./feedback/index.js";
export {
  type InventoryProjection,
  type MinMaxRule,
  type OpenOrder,
  PROJECTION_SCENARIOS,
  type ProjectionItem,
  type ProjectionOptions,
  type ProjectionScenario,
  projectInventory,
  type ScenarioSeries,
} from "./finance/project-inventory.js";
export { type ProjectionTotals, sumProjection } from "./finance/sum-projection.js";
export { sbaDemandRate, tsbDemandRate } from "./intermittent-demand-rate.js";
export {
  type DemandModel,
  type LeadTimeDemandInput,
  leadTimeDemandModel,
} from "./lead-time-demand.js";
export { economicOrderQuantity, type OrderRules, orderQuantity } from "./order-quantity.js";
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
export { RULES, recommendActions } from "./procurement/recommendations/recommend-actions.js";
export {
  type Audience,
  PRIORITIES,
  type Priority,
  RECOMMENDATION_RULES,
  type Recommendation,
  type RecommendationItem,
  type RecommendationOptions,
  type RecommendationRule,
} from "./procurement/recommendations/types.js";
export {
  EXPOSURE_UNITS,
  RISK_FACTORS,
  type RiskFactor,
  type RiskPart,
  type SupplierExposure,
  type SupplierRisk,
  type SupplierRiskOptions,
  supplierRisk,
} from "./procurement/supplier-risk.js";
export {
  type ScorecardExposure,
  type ScorecardInput,
  ScorecardInputError,
  type ScorecardOptions,
  type SupplierOffer,
  type SupplierScorecard,
  supplierScorecards,
  type VendorReceipt,
} from "./procurement/supplier-scorecards.js";
export {
  PerformanceInputError,
  type PerformanceOptions,
  type PerformanceReceipt,
  type VendorPerformance,
  vendorPerformance,
} from "./procurement/vendor-performance.js";
export { createRandom, type Random } from "./random.js";
export {
  expectedCycleService,
  expectedFillRate,
  expectedOnHand,
  type PolicyDemand,
  reorderPointForCycleService,
  reorderPointForFillRate,
  roundUp,
} from "./service-level.js";
export {
  type LeadTimeDraws,
  type SimulationPolicy,
  type SimulationResult,
  type SimulationWindow,
  simulatePolicy,
} from "./simulate-policy.js";
export {
  LeadTimeInputError,
  type LeadTimeOptions,
  type LeadTimeSummary,
  type Receipt,
  summarizeLeadTimes,
} from "./summarize-lead-times.js";
export * from "./types.js";
export { type XyzCutoffs, xyzClass } from "./xyz-class.js";
