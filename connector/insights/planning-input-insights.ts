/**
 * The insights of the `csv` and `demo` sources, which have no reordering rules in force: today's
 * rules reorder nothing, and the "suggested" scenario follows the plan's min/max (every item's
 * policy accepted). The demo plant adds what the csv files lack — vendors, their offers,
 * receipts, purchase values and purchases still on order — the same facts the odoo source reads
 * from the plant once it is seeded into Odoo. Vendor keys are the plant's vendor codes.
 */
import type {
  OpenOrder,
  PortfolioPlan,
  SupplierOffer,
  VendorReceipt,
} from "../../analytics/index.js";
import { shiftDay } from "../events/escalations.js";
import { isoDay, type Plant } from "../sources/demo/index.js";
import type { PlanningInput } from "../sources/planning-input.js";
import { arrivalWeek, type InsightsInput, type StockPosition } from "./insights-input.js";

const DAYS_PER_PERIOD = { week: 7, month: 365.25 / 12 } as const;

export interface PlanningInsightsOptions {
  /** The day the plan is for, `YYYY-MM-DD` (the day after the last period of history). */
  readonly asOfDay: string;
  readonly holdingRate: number;
  /** The demo plant behind the input, for its vendors, receipts and open orders. */
  readonly plant?: Plant | undefined;
}

export function planningInsightsInput(
  input: PlanningInput,
  plan: PortfolioPlan,
  options: PlanningInsightsOptions,
): InsightsInput {
  const { plant, asOfDay } = options;
  const periodDays = DAYS_PER_PERIOD[plan.period];
  const preferred = new Map<string, string>();
  for (const offer of plant?.supplierInfos ?? []) {
    if (offer.sequence === 1) preferred.set(offer.sku, offer.vendorCode);
  }
  const openOrders = new Map<string, OpenOrder[]>();
  for (const order of plant?.purchaseOrders ?? []) {
    if (order.receiptDay !== undefined) continue;
    const list = openOrders.get(order.sku) ?? [];
    list.push({ week: arrivalWeek(isoDay(order.plannedDay), asOfDay), quantity: order.quantity });
    openOrders.set(order.sku, list);
  }
  const items = plan.items.map((itemPlan, row) => ({
    plan: itemPlan,
    master: input.items[row] ?? { sku: itemPlan.sku, unitCost: itemPlan.unitCost },
    vendor: preferred.get(itemPlan.sku) ?? null,
  }));
  const positions: StockPosition[] = [];
  items.forEach(({ plan: itemPlan, master }, item) => {
    const orders = openOrders.get(itemPlan.sku) ?? [];
    const onHand = master.onHand ?? 0;
    const weeklyDemand = (itemPlan.demandPerPeriod * 7) / periodDays;
    const stocked = itemPlan.maxStock > 0;
    if (onHand === 0 && orders.length === 0 && weeklyDemand === 0 && !stocked) return;
    positions.push({
      item,
      place: 0,
      onHand,
      weeklyDemand,
      openOrders: orders,
      currentRule: null,
      ...(stocked && { suggestedRule: { min: itemPlan.reorderPoint, max: itemPlan.maxStock } }),
    });
  });
  return {
    asOfDay,
    periodDays,
    holdingRate: options.holdingRate,
    vendorNames: new Map(plant?.vendors.map((vendor) => [vendor.code, vendor.name]) ?? []),
    offers:
      plant?.supplierInfos.map(
        (offer): SupplierOffer => ({
          vendor: offer.vendorCode,
          sku: offer.sku,
          promisedDays: offer.delayDays,
        }),
      ) ?? [],
    receipts: plant ? plantReceipts(plant) : [],
    purchaseValues: plant ? plantPurchaseValues(plant, asOfDay) : new Map(),
    items,
    positions,
  };
}

function plantReceipts(plant: Plant): VendorReceipt[] {
  return plant.purchaseOrders.flatMap((order) =>
    order.receiptDay === undefined
      ? []
      : [
          {
            vendor: order.vendorCode,
            sku: order.sku,
            orderedOn: isoDay(order.approveDay),
            receivedOn: isoDay(order.receiptDay),
            promisedOn: isoDay(order.plannedDay),
          },
        ],
  );
}

/** Orders confirmed in the 365 days before the as-of day, quantity × price, per vendor. */
function plantPurchaseValues(plant: Plant, asOfDay: string): Map<string, number> {
  const from = shiftDay(asOfDay, -365);
  const values = new Map<string, number>();
  for (const order of plant.purchaseOrders) {
    const day = isoDay(order.approveDay);
    if (day < from || day >= asOfDay) continue;
    values.set(
      order.vendorCode,
      (values.get(order.vendorCode) ?? 0) + order.quantity * order.price,
    );
  }
  return values;
}
