/**
 * Planning a snapshot at both granularities (README "Granularity"): one company-wide plan gives
 * every product its tier, classes and metrics; each warehouse then gets its own plan on its own
 * demand, with every product pinned to its company tier, for the reordering policy at that
 * warehouse's stock location. With a single warehouse holding all the demand, the company plan is
 * that warehouse's plan.
 */
import type { AnalyticsConfig, ItemMaster, PortfolioPlan, Tier } from "../../analytics/index.js";
import { planPortfolio } from "../../analytics/index.js";
import type { MemoryOf } from "../extract/products.js";
import type { WarehouseFacts } from "../extract/scope.js";
import type { Snapshot } from "../extract/snapshot.js";
import {
  companyPlanningInput,
  type OdooPlanningInput,
  warehousePlanningInput,
} from "../sources/odoo/planning-input.js";

export interface PlannedScope {
  readonly input: OdooPlanningInput;
  readonly plan: PortfolioPlan;
}

export interface SyncPlan {
  readonly company: PlannedScope;
  /** Per warehouse id, for the warehouses with something to plan. */
  readonly warehouses: ReadonlyMap<number, PlannedScope & { readonly warehouse: WarehouseFacts }>;
}

export interface PlanSnapshotOptions {
  readonly config: AnalyticsConfig;
  readonly memoryOf?: MemoryOf | undefined;
  readonly holdDeescalation?: boolean;
  /** Changes to some products' item masters: escalations by events (`connector/events`). */
  readonly itemOverrides?: ReadonlyMap<number, Partial<ItemMaster>> | undefined;
  /** Only these warehouses get a policy plan (a run limited with `--warehouse`). */
  readonly warehouseIds?: readonly number[] | undefined;
  readonly onProgress?: (done: number, total: number) => void;
}

export function planSnapshot(snapshot: Snapshot, options: PlanSnapshotOptions): SyncPlan {
  const input = withOverrides(
    companyPlanningInput(snapshot, {
      config: options.config,
      memoryOf: options.memoryOf,
      holdDeescalation: options.holdDeescalation,
      // An incremental run takes the parents' classes the last run stored (one plan, not two).
      storedParentClasses: options.holdDeescalation,
    }),
    options.itemOverrides,
  );
  const plan = planPortfolio(input.demand, input.items, options.config, {
    ...(options.onProgress && { onProgress: options.onProgress }),
  });
  const tiers = new Map<number, Tier>(
    input.productIds.map((id, row) => [id, plan.items[row]?.tier ?? "standard"]),
  );
  const warehouses = new Map<number, PlannedScope & { warehouse: WarehouseFacts }>();
  const chosen = snapshot.warehouses.filter(
    (warehouse) =>
      options.warehouseIds === undefined || options.warehouseIds.includes(warehouse.id),
  );
  const single =
    snapshot.warehouses.length === 1 && allDemandAt(snapshot, snapshot.warehouses[0]?.id);
  for (const warehouse of chosen) {
    if (single) {
      warehouses.set(warehouse.id, { input, plan, warehouse });
      continue;
    }
    const local = warehousePlanningInput(snapshot, input, tiers, warehouse.id);
    if (local === null) continue;
    const localPlan = planPortfolio(local.demand, local.items, options.config);
    warehouses.set(warehouse.id, { input: local, plan: localPlan, warehouse });
  }
  return { company: { input, plan }, warehouses };
}

function withOverrides(
  input: OdooPlanningInput,
  overrides: ReadonlyMap<number, Partial<ItemMaster>> | undefined,
): OdooPlanningInput {
  if (!overrides || overrides.size === 0) return input;
  const items = input.items.map((item, row) => {
    const change = overrides.get(input.productIds[row] as number);
    return change ? { ...item, ...change } : item;
  });
  return { ...input, items };
}

function allDemandAt(snapshot: Snapshot, warehouseId: number | undefined): boolean {
  for (const data of snapshot.products.values()) {
    if (data.demand.some(([warehouse]) => warehouse !== warehouseId)) return false;
  }
  return true;
}
