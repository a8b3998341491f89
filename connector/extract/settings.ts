/**
 * The segmentation settings a run starts from, read from Odoo in one call
 * (`inventory.segment.get_segmentation_settings`): the configuration parameters and the tiers in
 * force for the company, then turned into the analytics configuration. Odoo is the source of
 * truth for what a manager can edit there; a local configuration file only fills in the knobs
 * Odoo does not hold (criticality points, forecast smoothing...).
 */
import { z } from "zod";
import {
  type AnalyticsConfig,
  type AnalyticsConfigInput,
  parseAnalyticsConfig,
  TIERS,
  type Tier,
} from "../../analytics/index.js";
import { contract, type TierCode } from "../../manifest/contract.js";
import type { OdooClient, OdooContext } from "../odoo/index.js";
import { recordId } from "./odoo-values.js";

const P = "inventory_segmentation.";
const SETTINGS_METHOD = contract.methods["inventory.segment.get_segmentation_settings"];

const tierSchema = z.object({
  id: recordId,
  name: z.string(),
  sequence: z.number().int(),
  service_target: z.number().min(0).lt(1),
  service_measure: z.enum(["cycle", "fill"]),
  review_days: z.number().int().min(0),
  max_cover_days: z.number().int().min(0),
  min_order_value: z.number().min(0),
  auto_apply: z.boolean(),
  tag_id: z.union([z.literal(false), recordId]).transform((id) => (id === false ? null : id)),
});

const settingsSchema = z.object({
  company_id: recordId,
  parameters: z.object({
    [`${P}abc_cutoff_a`]: z.number().min(0).max(1),
    [`${P}abc_cutoff_b`]: z.number().min(0).max(1),
    [`${P}xyz_cutoff_x`]: z.number().min(0),
    [`${P}xyz_cutoff_y`]: z.number().min(0),
    [`${P}history_months`]: z.number().int().min(1).max(240),
    [`${P}analysis_period`]: z.enum(["week", "month"]),
    [`${P}obsolete_after_months`]: z.number().int().min(1),
    [`${P}hysteresis_runs`]: z.number().int().min(1),
    [`${P}carrying_cost_rate`]: z.number().min(0),
  }),
  tiers: z.object(
    Object.fromEntries(TIERS.map((code) => [code, tierSchema])) as Record<Tier, typeof tierSchema>,
  ),
});

/** One tier as configured in Odoo. */
export interface TierSettings {
  readonly code: TierCode;
  readonly id: number;
  readonly name: string;
  readonly serviceTarget: number;
  readonly serviceMeasure: "cycle" | "fill";
  readonly reviewDays: number;
  /** Caps max stock at this many days of average demand; 0 = no cap. */
  readonly maxCoverDays: number;
  /** Smallest order worth placing, in company currency; 0 = none. */
  readonly minOrderValue: number;
  readonly autoApply: boolean;
  readonly tagId: number | null;
}

export interface SegmentationSettings {
  readonly companyId: number;
  readonly historyMonths: number;
  readonly tiers: Readonly<Record<TierCode, TierSettings>>;
  readonly config: AnalyticsConfig;
}

/** The settings cannot be used: the message says which and where to fix them. */
export class SettingsError extends Error {
  override readonly name = "SettingsError";
}

/**
 * Reads the settings of the company in `context` (the user's current company by default).
 * @param base a local analytics configuration for the knobs Odoo does not hold.
 * @throws {SettingsError} when Odoo's answer does not fit the contract or gives an invalid config.
 */
export async function readSettings(
  odoo: OdooClient,
  context: OdooContext,
  base: AnalyticsConfigInput = {},
): Promise<SegmentationSettings> {
  const raw = await odoo.call(SETTINGS_METHOD.model, SETTINGS_METHOD.name, {
    context,
    idempotent: true,
  });
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new SettingsError(
      `the segmentation settings read from Odoo do not fit the contract (${problems.join("; ")}); is the addon up to date?`,
    );
  }
  const { parameters, tiers, company_id: companyId } = parsed.data;
  const tierSettings = Object.fromEntries(
    TIERS.map((code) => {
      const tier = tiers[code];
      return [
        code,
        {
          code,
          id: tier.id,
          name: tier.name,
          serviceTarget: tier.service_target,
          serviceMeasure: tier.service_measure,
          reviewDays: tier.review_days,
          maxCoverDays: tier.max_cover_days,
          minOrderValue: tier.min_order_value,
          autoApply: tier.auto_apply,
          tagId: tier.tag_id,
        } satisfies TierSettings,
      ];
    }),
  ) as Record<TierCode, TierSettings>;
  const config = analyticsConfigFrom(parameters, tierSettings, base);
  return {
    companyId,
    historyMonths: parameters[`${P}history_months`],
    tiers: tierSettings,
    config,
  };
}

function analyticsConfigFrom(
  parameters: z.output<typeof settingsSchema>["parameters"],
  tiers: Readonly<Record<TierCode, TierSettings>>,
  base: AnalyticsConfigInput,
): AnalyticsConfig {
  const baseTiers = base.tiers ?? {};
  const input: AnalyticsConfigInput = {
    ...base,
    period: parameters[`${P}analysis_period`],
    abc: { a: parameters[`${P}abc_cutoff_a`], b: parameters[`${P}abc_cutoff_b`] },
    xyz: { x: parameters[`${P}xyz_cutoff_x`], y: parameters[`${P}xyz_cutoff_y`] },
    obsoleteAfterMonths: parameters[`${P}obsolete_after_months`],
    hysteresisRuns: parameters[`${P}hysteresis_runs`],
    defaults: { ...base.defaults, holdingRate: parameters[`${P}carrying_cost_rate`] },
    tiers: Object.fromEntries(
      TIERS.map((code) => {
        const tier = tiers[code];
        const local = baseTiers[code] ?? {};
        // Odoo does not hold the scope: a local configuration may set it, else the analytics'
        // default (critical and essential bind every item; standard is met by the tier as a whole,
        // which lets the allocator buy its service at the least stock value).
        const scope = local.targetScope;
        return [
          code,
          {
            ...local,
            serviceTarget: Math.min(tier.serviceTarget, 0.9999),
            serviceMeasure: tier.serviceMeasure,
            ...(scope !== undefined && { targetScope: scope }),
            // Odoo allows 0 days ("review continuously"); the analytics need a positive period.
            reviewDays: Math.max(1, tier.reviewDays),
            autoApply: tier.autoApply,
          },
        ];
      }),
    ),
  };
  const result = parseAnalyticsConfig(input);
  if (!result.ok) {
    throw new SettingsError(
      `the segmentation settings give an invalid configuration: ${result.issues
        .map((issue) => `${issue.path}: ${issue.message}`)
        .join("; ")}`,
    );
  }
  return result.config;
}
