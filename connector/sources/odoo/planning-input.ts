/**
 * A snapshot of Odoo as planning input, the same `PlanningInput` the csv and demo sources give:
 * company-wide demand for the segments (one tier per product), and each warehouse's own demand for
 * its reordering policies (see `connector/sync/README.md`, "Granularity").
 */
import {
  type AbcClass,
  type AnalyticsConfig,
  type ItemMaster,
  planPortfolio,
  type Tier,
} from "../../../analytics/index.js";
import type { MemoryOf } from "../../extract/products.js";
import type { ProductData, Snapshot } from "../../extract/snapshot.js";
import type { PlanningInput } from "../planning-input.js";
import { demandGrid } from "./demand-grid.js";
import { type ItemSourcing, itemMaster } from "./item-master.js";

/** Planning input with, row for row, the Odoo product behind each item. */
export interface OdooPlanningInput extends PlanningInput {
  readonly productIds: readonly number[];
  readonly sourcing: readonly ItemSourcing[];
}

export interface CompanyInputOptions {
  readonly config: AnalyticsConfig;
  /** The memory to plan from when it is not the stored one (a resumed run's baseline). */
  readonly memoryOf?: MemoryOf | undefined;
  /**
   * Escalate at once but never count towards a de-escalation: for incremental runs, so that
   * frequent small runs do not lower tiers faster than the scheduled full runs.
   */
  readonly holdDeescalation?: boolean | undefined;
  /**
   * Take the BoM parents' ABC classes from what the last run wrote on the products instead of a
   * first plan of the portfolio: for incremental runs, where they rarely change and time counts.
   */
  readonly storedParentClasses?: boolean | undefined;
}

/**
 * Company-wide planning input: every planned product, its demand over all warehouses.
 * The BoM parents' best ABC class comes from a first plan of the same portfolio (or, when asked,
 * from the classes stored on the products).
 */
export function companyPlanningInput(
  snapshot: Snapshot,
  options: CompanyInputOptions,
): OdooPlanningInput {
  const rows = [...snapshot.products.values()].sort((a, b) => a.facts.id - b.facts.id);
  const skus = skuNames(rows);
  const demand = demandGrid(
    snapshot.window,
    skus,
    rows.map((row) => row.demand),
  );
  const parents = bomParents(snapshot);
  const built = rows.map((data, row) => {
    const memory = options.memoryOf?.(data.facts.id) ?? {
      tier: data.facts.stored.tier,
      streak: data.facts.stored.deescalationStreak,
    };
    const locked = data.facts.stored.locked && data.facts.stored.tier !== null;
    return itemMaster(data, {
      sku: skus[row] as string,
      vendorLines: snapshot.vendorLines.get(data.facts.templateId) ?? [],
      units: snapshot.units,
      asOfDay: snapshot.window.asOfDay,
      minReceipts: options.config.leadTime.minReceipts,
      bomParentCount: parents.get(data.facts.id)?.size ?? 0,
      ...(locked && { pinnedTier: data.facts.stored.tier ?? undefined }),
      ...(memory.tier !== null && {
        previousTier: memory.tier,
        deescalationStreak: options.holdDeescalation ? 0 : memory.streak,
      }),
      onHand: data.onHand.reduce((sum, [, quantity]) => sum + quantity, 0),
    });
  });
  let items = built.map((entry) => entry.item);
  if (parents.size > 0 && rows.length > 0) {
    const classOf = (row: number): AbcClass | undefined => {
      if (!options.storedParentClasses) return undefined;
      const stored = rows[row]?.facts.stored.values.abc_class;
      return stored === "A" || stored === "B" || stored === "C" ? stored : undefined;
    };
    const first = options.storedParentClasses
      ? null
      : planPortfolio(demand, items, options.config).items;
    const classOfTemplate = new Map<number, AbcClass>();
    rows.forEach((data, row) => {
      const abc = first ? first[row]?.abc : classOf(row);
      const current = classOfTemplate.get(data.facts.templateId);
      if (abc !== undefined && (current === undefined || abc < current)) {
        classOfTemplate.set(data.facts.templateId, abc);
      }
    });
    items = items.map((item, row) => {
      const best = bestParentClass(parents.get(rows[row]?.facts.id ?? 0), classOfTemplate);
      return best === undefined ? item : { ...item, bomParentBestAbc: best };
    });
  }
  return {
    demand,
    items,
    productIds: rows.map((row) => row.facts.id),
    sourcing: built.map((entry) => entry.sourcing),
  };
}

/**
 * One warehouse's planning input: the products it had demand for or holds a reordering rule
 * for, on its own demand, each pinned to its company-wide tier.
 * @param tiers the company plan's tier per product id.
 * @returns null when the warehouse has nothing to plan.
 */
export function warehousePlanningInput(
  snapshot: Snapshot,
  company: OdooPlanningInput,
  tiers: ReadonlyMap<number, Tier>,
  warehouseId: number,
): OdooPlanningInput | null {
  const rowsOf: number[] = [];
  company.productIds.forEach((productId, row) => {
    const data = snapshot.products.get(productId);
    if (
      data !== undefined &&
      (data.demand.some(([warehouse]) => warehouse === warehouseId) ||
        data.orderpoints.some((rule) => rule.warehouseId === warehouseId))
    ) {
      rowsOf.push(row);
    }
  });
  if (rowsOf.length === 0) return null;
  const productIds = rowsOf.map((row) => company.productIds[row] as number);
  const items = rowsOf.map((row): ItemMaster => {
    const {
      previousTier: _previous,
      deescalationStreak: _streak,
      ...item
    } = company.items[row] as ItemMaster;
    const productId = company.productIds[row] as number;
    const data = snapshot.products.get(productId) as ProductData;
    const onHand = Math.max(
      0,
      data.onHand.find(([warehouse]) => warehouse === warehouseId)?.[1] ?? 0,
    );
    const tier = tiers.get(productId);
    return { ...item, onHand, ...(tier !== undefined && { lockedTier: tier }) };
  });
  const demand = demandGrid(
    snapshot.window,
    items.map((item) => item.sku),
    productIds.map((id) => snapshot.products.get(id)?.demand ?? []),
    warehouseId,
  );
  return {
    demand,
    items,
    productIds,
    sourcing: rowsOf.map((row) => company.sourcing[row] as ItemSourcing),
  };
}

/** SKUs for the analytics and for `plan` output: the internal reference when unique, else `#id`. */
function skuNames(rows: readonly ProductData[]): string[] {
  const seen = new Map<string, number>();
  for (const { facts } of rows) {
    if (facts.code !== null) seen.set(facts.code, (seen.get(facts.code) ?? 0) + 1);
  }
  return rows.map(({ facts }) =>
    facts.code !== null && seen.get(facts.code) === 1 && !facts.code.startsWith("#")
      ? facts.code
      : `#${facts.id}`,
  );
}

/** Parent templates per component id. */
function bomParents(snapshot: Snapshot): Map<number, Set<number>> {
  const parents = new Map<number, Set<number>>();
  for (const [component, parent] of snapshot.bom.uses) {
    const set = parents.get(component) ?? new Set<number>();
    set.add(parent);
    parents.set(component, set);
  }
  return parents;
}

function bestParentClass(
  parents: ReadonlySet<number> | undefined,
  classOfTemplate: ReadonlyMap<number, AbcClass> | undefined,
): AbcClass | undefined {
  if (!parents || !classOfTemplate) return undefined;
  let best: AbcClass | undefined;
  for (const template of parents) {
    const abc = classOfTemplate.get(template);
    // "A" < "B" < "C": the smaller letter is the better class.
    if (abc !== undefined && (best === undefined || abc < best)) best = abc;
  }
  return best;
}
