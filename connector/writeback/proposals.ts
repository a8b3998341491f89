/**
 * Reordering-rule proposals, one per product and warehouse stock location, from the warehouse's
 * plan: suggested min (the reorder point) and max, safety stock, the tier's target, the expected
 * change in inventory value and the reason. A proposal that changes nothing is not sent: one equal
 * to the pending suggestion, or (with none pending) equal to the current rule, or a zero rule where
 * there is none. The tier's max cover and minimum order value from Odoo are applied here.
 */
import type { ItemPlan, PeriodKind } from "../../analytics/index.js";
import type { TierCode } from "../../manifest/contract.js";
import { type PendingSuggestion, suggestionKey } from "../extract/pending-suggestions.js";
import type { WarehouseFacts } from "../extract/scope.js";
import type { TierSettings } from "../extract/settings.js";
import type { ProductData } from "../extract/snapshot.js";
import type { OdooPlanningInput } from "../sources/odoo/planning-input.js";
import type { ContractVals } from "./contract-vals.js";
import { round } from "./product-rows.js";

export type ProposalVals = ContractVals<"inventory.segment.suggestion">;

export interface Proposal {
  readonly vals: ProposalVals;
  readonly productId: number;
  readonly locationId: number;
  readonly tier: TierCode;
}

export interface ProposalOptions {
  readonly tiers: Readonly<Record<TierCode, TierSettings>>;
  readonly companyId: number;
  readonly period: PeriodKind;
  readonly pending: ReadonlyMap<string, PendingSuggestion>;
  readonly quantityDecimals: number;
  /** Propose only for these products (an incremental run); all when undefined. */
  readonly onlyProducts?: ReadonlySet<number> | undefined;
}

export interface WarehouseProposals {
  readonly proposals: Proposal[];
  /** Proposals left out because they would change nothing. */
  readonly unchanged: number;
  /**
   * Pending suggestions equal to this run's proposal in an auto-apply tier: a run cut off between
   * submitting and applying them left them waiting, so they are applied now.
   */
  readonly pendingToApply: number[];
}

/** Proposals for one warehouse, from its plan. */
export function warehouseProposals(
  warehouse: WarehouseFacts,
  input: OdooPlanningInput,
  items: readonly ItemPlan[],
  products: ReadonlyMap<number, ProductData>,
  options: ProposalOptions,
): WarehouseProposals {
  const proposals: Proposal[] = [];
  const pendingToApply: number[] = [];
  let unchanged = 0;
  const decimals = options.quantityDecimals;
  items.forEach((item, index) => {
    const productId = input.productIds[index] as number;
    const data = products.get(productId);
    if (!data || (options.onlyProducts && !options.onlyProducts.has(productId))) return;
    const tier = options.tiers[item.tier];
    const { minimum, maximum, notes } = applyTierKnobs(item, tier, input.items[index]);
    const suggestedMin = round(minimum, decimals);
    const suggestedMax = round(Math.max(maximum, minimum), decimals);
    const locationId = warehouse.stockLocationId;
    const rule = data.orderpoints.find((candidate) => candidate.locationId === locationId);
    const pending = options.pending.get(suggestionKey(productId, locationId));
    const same = (min: number, max: number) =>
      Math.abs(min - suggestedMin) < 0.5 * 10 ** -decimals &&
      Math.abs(max - suggestedMax) < 0.5 * 10 ** -decimals;
    const moot = pending
      ? same(pending.suggestedMin, pending.suggestedMax)
      : rule
        ? same(rule.minQty, rule.maxQty)
        : suggestedMax === 0;
    if (moot) {
      unchanged++;
      if (pending && tier.autoApply && !data.facts.stored.locked) pendingToApply.push(pending.id);
      return;
    }
    const onHand = data.onHand.find(([id]) => id === warehouse.id)?.[1] ?? 0;
    proposals.push({
      productId,
      locationId,
      tier: item.tier,
      vals: {
        product_id: productId,
        location_id: locationId,
        company_id: options.companyId,
        segment_id: tier.id,
        suggested_min: suggestedMin,
        suggested_max: suggestedMax,
        safety_stock: round(Math.max(0, item.safetyStock), decimals),
        service_target: item.serviceTarget,
        value_delta: round(valueDelta(item, rule, onHand), 2),
        reason: proposalReason(item, tier, warehouse, options.period, {
          minimum: suggestedMin,
          maximum: suggestedMax,
          notes,
        }),
      },
    });
  });
  return { proposals, unchanged, pendingToApply };
}

/** What an order must respect whatever the tier's knobs: the vendor's MOQ and multiple. */
export interface OrderConstraints {
  readonly minOrderQty?: number | undefined;
  readonly orderMultiple?: number | undefined;
}

/**
 * The tier's minimum order value (an order at least worth it: max − min ≥ value ÷ cost) and max
 * cover (max stock at most this many days of average demand, never below the reorder point). The
 * order quantity they leave (max − min) stays a multiple of the order multiple and at least the
 * MOQ: a vendor does not sell less because the cover is short; the note says so.
 */
export function applyTierKnobs(
  item: ItemPlan,
  tier: Pick<TierSettings, "maxCoverDays" | "minOrderValue">,
  order: OrderConstraints = {},
): { minimum: number; maximum: number; notes: string[] } {
  const minimum = item.reorderPoint;
  let maximum = item.maxStock;
  const notes: string[] = [];
  const multiple =
    order.orderMultiple !== undefined && order.orderMultiple > 0 ? order.orderMultiple : 0;
  // A tolerance so that 12.000000001 units of a multiple of 6 stay 12.
  const up = (quantity: number) =>
    multiple > 0 ? Math.ceil(quantity / multiple - 1e-9) * multiple : quantity;
  const down = (quantity: number) =>
    multiple > 0 ? Math.floor(quantity / multiple + 1e-9) * multiple : quantity;
  const smallestOrder = up(Math.max(0, order.minOrderQty ?? 0));
  if (tier.minOrderValue > 0 && item.unitCost > 0 && item.averageDailyDemand > 0) {
    const quantity = up(Math.ceil(tier.minOrderValue / item.unitCost));
    if (maximum - minimum < quantity) {
      maximum = minimum + quantity;
      notes.push(`orders raised to the tier's minimum order value (${quantity} units)`);
    }
  }
  if (tier.maxCoverDays > 0 && item.averageDailyDemand > 0) {
    const cap = Math.ceil(item.averageDailyDemand * tier.maxCoverDays);
    if (maximum > cap) {
      const quantity = Math.max(smallestOrder, down(Math.max(0, cap - minimum)));
      maximum = minimum + quantity;
      notes.push(
        minimum + quantity > cap
          ? `max at the vendor's minimum order above the tier's ${tier.maxCoverDays} days of cover`
          : `max capped at ${tier.maxCoverDays} days of cover`,
      );
    }
  }
  return { minimum, maximum, notes };
}

/**
 * Expected inventory value under the proposal minus under today's rule: the policy's expected
 * average stock (safety stock + half an order) at unit cost, against the same for the current
 * min/max, or against today's stock value where there is no rule.
 */
function valueDelta(
  item: ItemPlan,
  rule: { minQty: number; maxQty: number } | undefined,
  onHand: number,
): number {
  const current = rule
    ? Math.max(0, rule.minQty - item.leadTimeDemandMean) + (rule.maxQty - rule.minQty) / 2
    : Math.max(0, onHand);
  return item.expectedInventoryValue - current * item.unitCost;
}

function proposalReason(
  item: ItemPlan,
  tier: TierSettings,
  warehouse: WarehouseFacts,
  period: PeriodKind,
  policy: { minimum: number; maximum: number; notes: readonly string[] },
): string {
  const percent = (value: number) => `${(value * 100).toFixed(value >= 0.995 ? 1 : 0)}%`;
  const target =
    item.serviceTarget > 0
      ? `${percent(item.serviceTarget)} ${item.serviceMeasure === "fill" ? "fill rate" : "cycle service"}`
      : "no service target (buy to order)";
  const parts = [
    `${tier.name} at ${warehouse.code}: ${target}`,
    item.pattern === "none"
      ? "no demand"
      : `${format(item.demandPerPeriod)}/${period} ${item.pattern} demand`,
    `lead time ${format(item.leadTimeDays)} ± ${format(item.leadTimeSdDays)} days`,
    `safety stock ${format(Math.max(0, item.safetyStock))}, reorder at ${format(policy.minimum)}, up to ${format(policy.maximum)}`,
    ...policy.notes,
  ];
  return `${parts.join("; ")}.`;
}

function format(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
}
