/**
 * A sync's snapshot and plan as `InsightsInput`: vendors are partner ids (as strings), items the
 * company plan's SKUs. Offers are the vendor lines in force on the as-of day; receipts those the
 * extraction read; the cash projection takes each product at each warehouse with stock, open
 * purchases, a rule, a pending suggestion or demand there, its forecast from that warehouse's plan
 * and the rules and pending suggestions as Odoo holds them after the run's writes.
 */
import type { MinMaxRule, SupplierOffer, VendorReceipt } from "../../analytics/index.js";
import type { PendingSuggestion } from "../extract/pending-suggestions.js";
import { suggestionKey } from "../extract/pending-suggestions.js";
import type { Snapshot } from "../extract/snapshot.js";
import type { OrderpointFacts } from "../extract/stock.js";
import { applicableVendorLines } from "../extract/vendors.js";
import type { SyncPlan } from "../sync/planning.js";
import {
  arrivalWeek,
  type InsightItem,
  type InsightsInput,
  type StockPosition,
} from "./insights-input.js";
import type { OpenPurchase } from "./open-purchases.js";
import type { VendorName } from "./partners.js";

/** What a run reads besides the snapshot for its insights. */
export interface OdooInsightReads {
  readonly openPurchases: ReadonlyMap<number, readonly OpenPurchase[]>;
  /** By vendor id. */
  readonly purchaseValues: ReadonlyMap<number, number>;
  readonly vendorNames: ReadonlyMap<number, VendorName>;
  /** The rules and pending suggestions in force after the run's writes. */
  readonly orderpoints: ReadonlyMap<number, readonly OrderpointFacts[]>;
  readonly pending: ReadonlyMap<string, PendingSuggestion>;
}

/** The insights input, and the product id behind each SKU. */
export interface OdooInsights {
  readonly input: InsightsInput;
  readonly productIdOf: ReadonlyMap<string, number>;
}

const DAYS_PER_PERIOD = { week: 7, month: 365.25 / 12 } as const;

export function odooInsightsInput(
  snapshot: Snapshot,
  plan: SyncPlan,
  holdingRate: number,
  reads: OdooInsightReads,
): OdooInsights {
  const { input: company, plan: companyPlan } = plan.company;
  const asOfDay = snapshot.window.asOfDay;
  const periodDays = DAYS_PER_PERIOD[snapshot.window.period];
  const productIdOf = new Map<string, number>();
  const offers: SupplierOffer[] = [];
  const receipts: VendorReceipt[] = [];
  const items = company.productIds.map((productId, row): InsightItem => {
    const itemPlan = companyPlan.items[row];
    const master = company.items[row];
    if (itemPlan === undefined || master === undefined) {
      throw new Error(`company plan has no row ${row} for product ${productId}`);
    }
    const sku = itemPlan.sku;
    productIdOf.set(sku, productId);
    const data = snapshot.products.get(productId);
    if (data) {
      const lines = snapshot.vendorLines.get(data.facts.templateId) ?? [];
      for (const line of applicableVendorLines(lines, productId, asOfDay)) {
        offers.push({ vendor: String(line.vendorId), sku, promisedDays: line.delayDays });
      }
      for (const receipt of data.receipts) {
        receipts.push({
          vendor: String(receipt.vendorId),
          sku,
          orderedOn: receipt.orderedOn,
          receivedOn: receipt.receivedOn,
          promisedOn: receipt.promisedOn ?? undefined,
        });
      }
    }
    const vendorId = company.sourcing[row]?.vendorId ?? null;
    return { plan: itemPlan, master, vendor: vendorId === null ? null : String(vendorId) };
  });
  const vendorNames = new Map<string, string>();
  for (const [id, name] of reads.vendorNames) vendorNames.set(String(id), name.name);
  const purchaseValues = new Map(
    [...reads.purchaseValues].map(([id, value]) => [String(id), value] as const),
  );
  return {
    input: {
      asOfDay,
      periodDays,
      holdingRate,
      vendorNames,
      offers,
      receipts,
      purchaseValues,
      items,
      positions: stockPositions(snapshot, plan, reads, periodDays),
    },
    productIdOf,
  };
}

/** Every product at every warehouse where it has something the projection moves. */
function stockPositions(
  snapshot: Snapshot,
  plan: SyncPlan,
  reads: OdooInsightReads,
  periodDays: number,
): StockPosition[] {
  const asOfDay = snapshot.window.asOfDay;
  const weeklyDemand = new Map<string, number>();
  for (const [warehouseId, scoped] of plan.warehouses) {
    scoped.input.productIds.forEach((productId, row) => {
      const rate = scoped.plan.items[row]?.demandPerPeriod ?? 0;
      weeklyDemand.set(`${productId}:${warehouseId}`, (rate * 7) / periodDays);
    });
  }
  const stockLocationOf = new Map(snapshot.warehouses.map((w) => [w.id, w.stockLocationId]));
  const positions: StockPosition[] = [];
  plan.company.input.productIds.forEach((productId, item) => {
    const data = snapshot.products.get(productId);
    const onHand = new Map(data?.onHand ?? []);
    const open = reads.openPurchases.get(productId) ?? [];
    const rules = reads.orderpoints.get(productId) ?? [];
    const places = new Set<number>([
      ...onHand.keys(),
      ...open.map((order) => order.warehouseId),
      ...rules.map((rule) => rule.warehouseId),
      ...plan.warehouses.keys(),
    ]);
    for (const place of [...places].sort((a, b) => a - b)) {
      const location = stockLocationOf.get(place);
      const rule =
        rules.find((candidate) => candidate.locationId === location) ??
        rules.find((candidate) => candidate.warehouseId === place);
      const pending =
        location === undefined ? undefined : reads.pending.get(suggestionKey(productId, location));
      const demand = weeklyDemand.get(`${productId}:${place}`) ?? 0;
      const stock = onHand.get(place) ?? 0;
      const orders = open.filter((order) => order.warehouseId === place);
      if (stock === 0 && orders.length === 0 && !rule && !pending && demand === 0) continue;
      positions.push({
        item,
        place,
        onHand: stock,
        weeklyDemand: demand,
        openOrders: orders.map((order) => ({
          week: arrivalWeek(order.expectedOn, asOfDay),
          quantity: order.quantity,
        })),
        currentRule: rule ? ruleOf(rule.minQty, rule.maxQty) : null,
        ...(pending && { suggestedRule: ruleOf(pending.suggestedMin, pending.suggestedMax) }),
      });
    }
  });
  return positions;
}

function ruleOf(min: number, max: number): MinMaxRule {
  return { min, max: Math.max(min, max) };
}
