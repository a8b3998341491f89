import {
  type AbcClass,
  abcClasses,
  type DemandMatrix,
  type ItemMaster,
  type LeadTimeSummary,
  type PeriodKind,
  periodLabel,
  periodOfDay,
  type Receipt,
  summarizeLeadTimes,
} from "../../../analytics/index.js";
import type { PlanningInput } from "../planning-input.js";
import { DEMAND_EVENT_KINDS, isoDay, type Plant, type PlantProduct } from "./plant.js";

const RETURN = DEMAND_EVENT_KINDS.indexOf("return");

/** Options of {@link plantPlanningInput}. */
export interface PlantInputOptions {
  /** The analysis period. Default `week`. */
  readonly period?: PeriodKind;
  /** ABC cut-offs for the BoM parents' classes (`bomParentBestAbc`). Default A 0.80, B 0.95. */
  readonly abc?: { readonly a: number; readonly b: number };
}

/**
 * The demo plant as planning input, as the odoo source would extract it from the same plant loaded
 * into Odoo: demand = deliveries + production consumption − customer returns, bucketed into the
 * analysis period over the whole history; lead times from the purchase receipts; sourcing counts
 * from the supplier infos; BoM parents and their best ABC class from the BoMs; stock on hand at the
 * end.
 */
export function plantPlanningInput(plant: Plant, options: PlantInputOptions = {}): PlanningInput {
  const demand = plantDemand(plant, options.period ?? "week");
  const classes = abcClasses(annualConsumptionValues(plant, demand), options.abc);
  return { demand, items: plantItems(plant, classes) };
}

/** Each product's demand over the history, annualised, × unit cost (net returns count as none). */
function annualConsumptionValues(plant: Plant, demand: DemandMatrix): Float64Array {
  const periods = demand.periodLabels.length;
  const years = (plant.endDay - plant.startDay + 1) / 365.25;
  const values = new Float64Array(plant.products.length);
  plant.products.forEach((product, row) => {
    let total = 0;
    for (let t = row * periods; t < (row + 1) * periods; t++) {
      total += Math.max(0, demand.quantities[t] as number);
    }
    values[row] = (total / years) * product.unitCost;
  });
  return values;
}

/**
 * Buckets the plant's columnar events straight into the grid. (analytics' `bucketDailyDemand` does
 * the same from one record per event; millions of events are cheaper without the records.)
 */
function plantDemand(plant: Plant, period: PeriodKind): DemandMatrix {
  const first = periodOfDay(plant.startDay, period);
  const periodCount = periodOfDay(plant.endDay, period) - first + 1;
  const columnOfDay = new Int32Array(plant.endDay - plant.startDay + 1);
  for (let day = plant.startDay; day <= plant.endDay; day++) {
    columnOfDay[day - plant.startDay] = periodOfDay(day, period) - first;
  }
  const quantities = new Float64Array(plant.products.length * periodCount);
  const { demand } = plant;
  for (let event = 0; event < demand.count; event++) {
    const column = columnOfDay[(demand.day[event] as number) - plant.startDay] as number;
    const cell = (demand.product[event] as number) * periodCount + column;
    const quantity = demand.quantity[event] as number;
    quantities[cell] =
      (quantities[cell] as number) + (demand.kind[event] === RETURN ? -quantity : quantity);
  }
  return {
    period,
    periodLabels: Array.from({ length: periodCount }, (_, offset) =>
      periodLabel(first + offset, period),
    ),
    skus: plant.products.map((product) => product.sku),
    quantities,
  };
}

function plantItems(plant: Plant, classes: readonly AbcClass[]): ItemMaster[] {
  const vendorCount = new Map<string, number>();
  const minOrderQty = new Map<string, number>();
  for (const info of plant.supplierInfos) {
    vendorCount.set(info.sku, (vendorCount.get(info.sku) ?? 0) + 1);
    if (info.sequence === 1 && info.minQty > 0) minOrderQty.set(info.sku, info.minQty);
  }
  const rowOf = new Map(plant.products.map((product, row) => [product.sku, row]));
  const parentCount = new Map<string, number>();
  const bestParentClass = new Map<string, AbcClass>();
  for (const bom of plant.boms) {
    const parentClass = classes[rowOf.get(bom.sku) as number] as AbcClass;
    for (const line of bom.lines) {
      parentCount.set(line.sku, (parentCount.get(line.sku) ?? 0) + 1);
      const best = bestParentClass.get(line.sku);
      // "A" < "B" < "C": the smaller letter is the better class.
      if (best === undefined || parentClass < best) bestParentClass.set(line.sku, parentClass);
    }
  }
  const leadTimes = receiptLeadTimes(plant);
  const launches = launchDays(plant);
  return plant.products.map((product, row): ItemMaster => {
    const bomParentCount = parentCount.get(product.sku) ?? 0;
    const bomParentBestAbc = bestParentClass.get(product.sku);
    const moq = minOrderQty.get(product.sku);
    return {
      sku: product.sku,
      unitCost: product.unitCost,
      ...leadTimeFields(product, leadTimes.get(product.sku)),
      ...(moq !== undefined && { minOrderQty: moq }),
      ...(product.orderMultiple !== undefined && { orderMultiple: product.orderMultiple }),
      ...(product.purchased && { vendorCount: vendorCount.get(product.sku) ?? 0 }),
      ...(bomParentCount > 0 && { bomParentCount }),
      ...(bomParentBestAbc !== undefined && { bomParentBestAbc }),
      ...(launches[row] !== undefined && { introducedOn: isoDay(launches[row]) }),
      onHand: product.onHand,
    };
  });
}

/**
 * The day each product launched during the history. The generator launches its `new` products with
 * their first week of sales, so their first delivery dates the launch, as a product's creation date
 * dates it in Odoo. A part made only for launched products came with the first of them (its BoM
 * lines were created then). Every other product predates the history (undefined).
 */
function launchDays(plant: Plant): Array<number | undefined> {
  const rowOf = new Map(plant.products.map((product, row) => [product.sku, row]));
  const launches: Array<number | undefined> = new Array(plant.products.length);
  const { demand } = plant;
  // Events come in day order: the first event of a product is its first delivery.
  for (let event = 0; event < demand.count; event++) {
    const product = demand.product[event] as number;
    if (launches[product] === undefined && plant.products[product]?.profile === "new") {
      launches[product] = demand.day[event] as number;
    }
  }
  const parents = plant.products.map((): number[] => []);
  for (const bom of plant.boms) {
    const parent = rowOf.get(bom.sku) as number;
    for (const line of bom.lines) parents[rowOf.get(line.sku) as number]?.push(parent);
  }
  // Finished goods come before sub-assemblies, sub-assemblies before components: parents first.
  plant.products.forEach((product, row) => {
    const used = parents[row] as number[];
    if (product.profile !== "dependent" || used.length === 0) return;
    const parentLaunches = used.map((parent) => launches[parent]);
    if (parentLaunches.every((day) => day !== undefined)) {
      launches[row] = Math.min(...(parentLaunches as number[]));
    }
  });
  return launches;
}

/** What the receipts say about an item's lead time from its preferred vendor. */
interface ItemLeadTime {
  readonly summary: LeadTimeSummary;
  /** Observed lead times in days, oldest order first. */
  readonly historyDays: readonly number[];
}

/**
 * Lead times of each bought item from its preferred vendor (the one most orders go to), through
 * analytics' `summarizeLeadTimes`: with fewer than 3 receipts, the vendor's promised delay.
 */
function receiptLeadTimes(plant: Plant): Map<string, ItemLeadTime> {
  const preferred = new Map<string, { vendorCode: string; delayDays: number }>();
  for (const info of plant.supplierInfos) {
    if (info.sequence === 1) preferred.set(info.sku, info);
  }
  const receipts = new Map<string, Receipt[]>();
  const historyDays = new Map<string, number[]>();
  // Purchase orders come in order of approval, so histories are oldest first.
  for (const order of plant.purchaseOrders) {
    if (
      order.receiptDay === undefined ||
      preferred.get(order.sku)?.vendorCode !== order.vendorCode
    ) {
      continue;
    }
    const list = receipts.get(order.sku) ?? [];
    list.push({
      orderedOn: isoDay(order.approveDay),
      receivedOn: isoDay(order.receiptDay),
      promisedOn: isoDay(order.plannedDay),
    });
    receipts.set(order.sku, list);
    const days = historyDays.get(order.sku) ?? [];
    days.push(order.receiptDay - order.approveDay);
    historyDays.set(order.sku, days);
  }
  const leadTimes = new Map<string, ItemLeadTime>();
  for (const [sku, info] of preferred) {
    leadTimes.set(sku, {
      summary: summarizeLeadTimes(receipts.get(sku) ?? [], info.delayDays),
      historyDays: historyDays.get(sku) ?? [],
    });
  }
  return leadTimes;
}

/** Bought items: from receipts. Made items: the manufacturing lead time, which does not vary. */
function leadTimeFields(
  product: PlantProduct,
  leadTime: ItemLeadTime | undefined,
): Pick<ItemMaster, "leadTimeDays" | "leadTimeSdDays" | "leadTimeHistoryDays"> {
  if (leadTime === undefined) {
    return product.manufactureDays === undefined
      ? {}
      : { leadTimeDays: product.manufactureDays, leadTimeSdDays: 0 };
  }
  return {
    leadTimeDays: leadTime.summary.meanDays,
    leadTimeSdDays: leadTime.summary.sdDays,
    ...(leadTime.historyDays.length > 0 && { leadTimeHistoryDays: leadTime.historyDays }),
  };
}
