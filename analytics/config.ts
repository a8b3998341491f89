/**
 * The one configuration of the analytics: every knob, its default and why. Sources, the CLI and the
 * Odoo connector parse user input with {@link parseAnalyticsConfig}; everything downstream takes the
 * parsed {@link AnalyticsConfig} with all defaults filled in.
 */
import { z } from "zod";

/** How a service target is measured. */
export const SERVICE_MEASURES = ["cycle", "fill"] as const;
/**
 * `cycle`: the probability of no stockout in a replenishment cycle (P1, "cycle service level").
 * `fill`: the share of demand served from stock on hand (P2, "fill rate"). Source: Silver, Pyke &
 * Thomas (2017), Inventory and Production Management in Supply Chains, 4th ed., §6.7.
 */
export type ServiceMeasure = (typeof SERVICE_MEASURES)[number];

/**
 * Whether a tier's target binds every item (`item`: a floor no item of the tier falls below) or the
 * tier as a whole (`tier`: the allocator decides which items carry more or less of it). A tier-wide
 * fill-rate target is met by the tier's demand-weighted expected fill rate; a tier-wide cycle-service
 * target asks for the fill rate the tier would have with every item at that cycle service — the
 * service of the uniform rule, bought at the least inventory value.
 */
export const TARGET_SCOPES = ["item", "tier"] as const;
export type TargetScope = (typeof TARGET_SCOPES)[number];

const fraction = z.number().min(0).max(1);
const positive = z.number().positive();
const nonNegative = z.number().min(0);

function tierPolicy(defaults: {
  serviceTarget: number;
  serviceMeasure: ServiceMeasure;
  targetScope: TargetScope;
  reviewDays: number;
  autoApply: boolean;
}) {
  return z
    .object({
      /** The target in `serviceMeasure`, 0–0.9999; 0 means "no service" (buy to order). */
      serviceTarget: z.number().min(0).max(0.9999).default(defaults.serviceTarget),
      serviceMeasure: z.enum(SERVICE_MEASURES).default(defaults.serviceMeasure),
      targetScope: z.enum(TARGET_SCOPES).default(defaults.targetScope),
      /** Days between reviews of an item's stock; never shorter than one analysis period. */
      reviewDays: positive.default(defaults.reviewDays),
      /** Whether suggestions of this tier may be applied without a planner's review. */
      autoApply: z.boolean().default(defaults.autoApply),
    })
    .prefault({});
}

/**
 * The analytics configuration. Every field has a default; an empty object is a valid configuration.
 *
 * Defaults, and where they come from:
 * - `period` `"week"`: the analysis period (DESIGN.md "Methods").
 * - `abc` A 0.80 / B 0.95 of cumulative annual consumption value; `xyz` X ≤ 0.5 / Y ≤ 1.0 demand CV.
 * - `pattern` ADI 1.32 and CV² 0.49: Syntetos, Boylan & Croston (2005), JORS 56(5) 495–503.
 *   `newItemMonths` 3: an item whose first demand is more recent has too little history to classify.
 * - `obsoleteAfterMonths` 12: no demand in the last 12 months makes an item obsolete.
 * - `tiers`: critical 99 % and essential 97 % cycle service on every item (DESIGN.md); standard
 *   93 % fill rate across the tier, spread by the allocator so that cheap fast items carry more of it
 *   and expensive slow ones less; obsolete 0 (buy to order). Review every 7 / 14 / 30 / 90 days.
 * - `criticality`: points per risk signal, essential from 40 and critical from 65 points.
 * - `hysteresisRuns` 3: a tier is lowered only after 3 consecutive runs computed a lower one.
 * - `defaults` order cost 50, holding 25 %/year of unit cost, lead time 14 ± 0 days, no MOQ, order
 *   multiple 1, whole units: used for items whose master does not say.
 * - `forecast` TSB with α = β = 0.1 for intermittent and lumpy items (Teunter, Syntetos & Babai
 *   2011, EJOR 214); `"sba"` (Syntetos & Boylan 2005, IJF 21) is the alternative. TSB is the default
 *   because, on a holdout inside the AUTO training months (fit on months 1–12, replay 13–18), it
 *   served as much as the uniform baseline at equal promised service (93.88 %, at 0.832 of its
 *   inventory) where SBA fell short (93.10 %; at equal achieved service it needs 0.847), and because
 *   it lets the rate of a dying item decay.
 *   `driftHorizonMonths` 6: the last block of history held out to measure how far demand levels
 *   drift beyond their noise (see `analytics/_lib/level-drift.ts`).
 * - `leadTimeDemand.intermittent` `"negative-binomial"`; `"bootstrap"` uses Willemain et al. (2004).
 *   Either way, parts drawn in production lots use their history's windows (`window-lead-time-demand.ts`).
 * - `allocator.fillRateGoal` none: no portfolio-wide goal beyond the tier targets.
 * - `bootstrap` seed 1, 1000 samples; `leadTime.minReceipts` 3.
 * - `costServiceTargets`: the service levels at which each tier's cost–service curve is drawn.
 */
export const analyticsConfigSchema = z
  .object({
    period: z.enum(["week", "month"]).default("week"),
    abc: z
      .object({ a: fraction.default(0.8), b: fraction.default(0.95) })
      .refine((abc) => abc.a <= abc.b, { message: "abc.a must not exceed abc.b", path: ["a"] })
      .prefault({}),
    xyz: z
      .object({ x: nonNegative.default(0.5), y: nonNegative.default(1.0) })
      .refine((xyz) => xyz.x <= xyz.y, { message: "xyz.x must not exceed xyz.y", path: ["x"] })
      .prefault({}),
    pattern: z
      .object({
        adiCutoff: positive.default(1.32),
        cv2Cutoff: nonNegative.default(0.49),
        newItemMonths: nonNegative.default(3),
      })
      .prefault({}),
    obsoleteAfterMonths: positive.default(12),
    tiers: z
      .object({
        critical: tierPolicy({
          serviceTarget: 0.99,
          serviceMeasure: "cycle",
          targetScope: "item",
          reviewDays: 7,
          autoApply: false,
        }),
        essential: tierPolicy({
          serviceTarget: 0.97,
          serviceMeasure: "cycle",
          targetScope: "item",
          reviewDays: 14,
          autoApply: false,
        }),
        standard: tierPolicy({
          serviceTarget: 0.93,
          serviceMeasure: "fill",
          targetScope: "tier",
          reviewDays: 30,
          autoApply: true,
        }),
        obsolete: tierPolicy({
          serviceTarget: 0,
          serviceMeasure: "fill",
          targetScope: "item",
          reviewDays: 90,
          autoApply: false,
        }),
      })
      .prefault({}),
    criticality: z
      .object({
        essentialScore: nonNegative.default(40),
        criticalScore: nonNegative.default(65),
        points: z
          .object({
            /** A-class by consumption value; B earns half. */
            valueA: nonNegative.default(20),
            /** Z-class demand variability; Y earns half. */
            variabilityZ: nonNegative.default(10),
            /** Lead-time exposure, mean × (1 + CV), at or beyond `leadTimeExposureDays`. */
            leadTime: nonNegative.default(20),
            /** 3 points per BoM parent, up to this many. */
            bomParents: nonNegative.default(15),
            /** A parent of class A; a best parent of class B earns half. */
            bomParentA: nonNegative.default(10),
            singleSource: nonNegative.default(10),
            activeEvent: nonNegative.default(25),
          })
          .prefault({}),
        /** Lead-time exposure in days that earns the full lead-time points (linear below). */
        leadTimeExposureDays: positive.default(120),
      })
      .refine((c) => c.essentialScore <= c.criticalScore, {
        message: "criticality.essentialScore must not exceed criticality.criticalScore",
        path: ["essentialScore"],
      })
      .prefault({}),
    hysteresisRuns: z.int().min(1).default(3),
    defaults: z
      .object({
        orderCost: nonNegative.default(50),
        holdingRate: nonNegative.default(0.25),
        leadTimeDays: nonNegative.default(14),
        leadTimeSdDays: nonNegative.default(0),
        minOrderQty: nonNegative.default(0),
        orderMultiple: positive.default(1),
        /** The smallest quantity an item is counted in (1 = whole units, 0 = continuous). */
        unitRounding: nonNegative.default(1),
      })
      .prefault({}),
    forecast: z
      .object({
        intermittentRate: z.enum(["sba", "tsb"]).default("tsb"),
        /** Smoothing of demand sizes (SBA and TSB) and of intervals (SBA). */
        alpha: z.number().gt(0).max(1).default(0.1),
        /** TSB smoothing of the demand probability. */
        beta: z.number().gt(0).max(1).default(0.1),
        driftHorizonMonths: positive.default(6),
      })
      .prefault({}),
    leadTimeDemand: z
      .object({
        intermittent: z.enum(["negative-binomial", "bootstrap"]).default("negative-binomial"),
      })
      .prefault({}),
    allocator: z
      .object({
        /** Portfolio-wide expected fill rate to reach at least; null for none beyond the tiers. */
        fillRateGoal: z.number().min(0).max(0.9999).nullable().default(null),
        /** In tiers with a tier-wide target, the lowest expected fill rate any single item may get. */
        minItemFillRate: fraction.default(0.8),
      })
      .prefault({}),
    bootstrap: z
      .object({ seed: z.int().default(1), samples: z.int().min(100).max(100_000).default(1000) })
      .prefault({}),
    leadTime: z.object({ minReceipts: z.int().min(1).default(3) }).prefault({}),
    costServiceTargets: z
      .array(z.number().gt(0).max(0.9999))
      .min(1)
      .default([0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99, 0.995]),
  })
  .strict();

/** The parsed configuration, every default filled in. */
export type AnalyticsConfig = z.output<typeof analyticsConfigSchema>;
/** What a user may write: any subset of the configuration. */
export type AnalyticsConfigInput = z.input<typeof analyticsConfigSchema>;
/** One tier's policy. */
export type TierPolicy = AnalyticsConfig["tiers"]["standard"];

/** One problem in a configuration: where (`tiers.standard.serviceTarget`) and what. */
export interface ConfigIssue {
  readonly path: string;
  readonly message: string;
}

/** The result of {@link parseAnalyticsConfig}: the configuration, or every problem found. */
export type ParseConfigResult =
  | { readonly ok: true; readonly config: AnalyticsConfig }
  | { readonly ok: false; readonly issues: readonly ConfigIssue[] };

/**
 * Validates a user's configuration and fills in the defaults. Never throws on bad input.
 * @param input parsed JSON, or undefined for all defaults.
 * @returns `{ ok: true, config }`, or `{ ok: false, issues }` with one readable issue per problem.
 * @example
 * const result = parseAnalyticsConfig({ period: "month", tiers: { standard: { serviceTarget: 0.95 } } });
 * if (result.ok) result.config.tiers.standard.serviceTarget; // 0.95
 * parseAnalyticsConfig({ abc: { a: 2 } });
 * // { ok: false, issues: [{ path: "abc.a", message: "Too big: expected number to be <=1" }] }
 */
export function parseAnalyticsConfig(input: unknown): ParseConfigResult {
  const parsed = analyticsConfigSchema.safeParse(input ?? {});
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.length > 0 ? issue.path.map(String).join(".") : "(root)",
      message: issue.message,
    })),
  };
}

/**
 * The configuration with every default, for callers that need no user input.
 * @example
 * defaultAnalyticsConfig().abc.a; // 0.8
 */
export function defaultAnalyticsConfig(): AnalyticsConfig {
  return analyticsConfigSchema.parse({});
}
