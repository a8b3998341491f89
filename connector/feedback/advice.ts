/**
 * The refinement advice of a run as `inventory.segment.advice` records, recorded through the
 * addon's idempotent `record_advice` (a known `dedup_key` returns the existing advice; a proposal
 * a manager dismissed is not made again). The key names the subject and the last KPI window's end,
 * so every run of a day proposes the same advice once.
 */
import { z } from "zod";
import type { RefinementAdvice } from "../../analytics/index.js";
import { contract, type TierCode } from "../../manifest/contract.js";
import type { CompanyScope } from "../extract/scope.js";
import type { TierSettings } from "../extract/settings.js";
import type { OdooClient, OdooValue } from "../odoo/index.js";
import type { ContractVals } from "../writeback/contract-vals.js";

export type AdviceVals = ContractVals<"inventory.segment.advice">;

const RECORD = contract.methods["inventory.segment.advice.record_advice"];

/** The analytics' parameter names as the addon's (a tier field, or a setting's key). */
const PARAMETERS: Record<RefinementAdvice["parameter"], string> = {
  service_target: "service_target",
  xyz_cutoff_x: "inventory_segmentation.xyz_cutoff_x",
};

export function adviceVals(
  advice: readonly RefinementAdvice[],
  options: {
    readonly tiers: Readonly<Record<TierCode, TierSettings>>;
    readonly companyId: number;
    readonly date: string;
    /** The as-of day the KPI windows end before. */
    readonly windowEnd: string;
  },
): AdviceVals[] {
  return advice.map((item) => ({
    date: options.date,
    kind: item.kind,
    segment_id: item.tier === undefined ? false : options.tiers[item.tier].id,
    parameter: PARAMETERS[item.parameter],
    current_value: item.currentValue,
    proposed_value: item.proposedValue,
    evidence: item.evidence as OdooValue,
    message: item.message,
    company_id: options.companyId,
    dedup_key: `advice:${item.kind}:${item.tier ?? item.parameter}:${options.windowEnd}`,
  }));
}

/** Records advice with the run; returns how many are pending now (new or kept). */
export async function recordAdvice(
  odoo: OdooClient,
  scope: CompanyScope,
  advice: readonly AdviceVals[],
  runId: number,
): Promise<number> {
  if (advice.length === 0) return 0;
  const ids = z.array(z.union([z.number().int(), z.literal(false)])).parse(
    await odoo.call(RECORD.model, RECORD.name, {
      kwargs: { vals_list: advice.map((vals) => ({ ...vals, run_id: runId })) as OdooValue },
      context: scope.context,
      idempotent: true,
    }),
  );
  return ids.filter((id) => id !== false).length;
}
