/**
 * Extraction: reading Odoo into a `Snapshot`. `extractSnapshot` reads the whole company;
 * `extractProductData` reads the facts of a subset of products, for incremental runs and watch mode
 * (the same reads, restricted by product).
 */
import type { OdooClient } from "../odoo/index.js";
import { readBomUses } from "./boms.js";
import { readCursor } from "./cursor.js";
import { type DemandReadMode, readDemand } from "./demand.js";
import { type HistoryWindow, historyWindow } from "./history-window.js";
import { type ProductFacts, readProducts } from "./products.js";
import { readReceipts } from "./receipts.js";
import type { IssueLog } from "./record-issues.js";
import { type CompanyScope, readCompanyScope } from "./scope.js";
import type { SegmentationSettings } from "./settings.js";
import type { ProductData, Snapshot } from "./snapshot.js";
import { readOnHand, readOrderpoints } from "./stock.js";
import { readUnits, type UnitTable } from "./units.js";
import { readVendorLines, type VendorLine } from "./vendors.js";

/** The phases of an extraction, for progress bars. */
export type ExtractPhase =
  | "scope"
  | "products"
  | "demand"
  | "receipts"
  | "stock"
  | "vendors"
  | "boms";

/** Progress of a phase: `done` of `total` units of work. */
export type PhaseProgress<P extends string = string> = (
  phase: P,
  done: number,
  total: number,
) => void;

export interface ExtractOptions {
  readonly settings: SegmentationSettings;
  /** The day the run plans for, `YYYY-MM-DD` (UTC today by default at the caller). */
  readonly asOfDay: string;
  readonly demandMode?: DemandReadMode;
  readonly onProgress?: PhaseProgress<ExtractPhase>;
  readonly log: IssueLog;
}

/** What every read of a run shares. */
export interface ExtractContext {
  readonly scope: CompanyScope;
  readonly window: HistoryWindow;
  readonly units: UnitTable;
}

/** Reads the company, its units and the history window of a run. */
export async function readExtractContext(
  odoo: OdooClient,
  options: Pick<ExtractOptions, "settings" | "asOfDay" | "log">,
): Promise<ExtractContext> {
  const { settings, log } = options;
  const scope = await readCompanyScope(odoo, settings.companyId, log);
  const units = await readUnits(odoo, scope.context, log);
  const window = historyWindow(options.asOfDay, settings.config.period, settings.historyMonths);
  return { scope, window, units };
}

export interface ProductDataOptions {
  readonly demandMode?: DemandReadMode;
  readonly onProgress?: PhaseProgress<ExtractPhase>;
  readonly log: IssueLog;
}

/**
 * Reads demand, receipts, stock on hand and reordering rules of `products`, and the vendor lines
 * of their templates. Products with none of these still get an entry.
 */
export async function extractProductData(
  odoo: OdooClient,
  context: ExtractContext,
  products: readonly ProductFacts[],
  options: ProductDataOptions,
): Promise<{
  products: Map<number, ProductData>;
  vendorLines: Map<number, VendorLine[]>;
  demandMode: DemandReadMode;
}> {
  const { scope, window, units } = context;
  const { log, onProgress } = options;
  const ids = products.map((product) => product.id);
  const templateIds = [...new Set(products.map((product) => product.templateId))];
  const step = <T>(phase: ExtractPhase, work: Promise<T>): Promise<T> =>
    work.then((value) => {
      onProgress?.(phase, 1, 1);
      return value;
    });
  const [demand, receipts, onHand, orderpoints, vendorLines] = await Promise.all([
    readDemand(odoo, scope, window, units, products, log, {
      ...(options.demandMode !== undefined && { mode: options.demandMode }),
      ...(onProgress && { onProgress: (done, total) => onProgress("demand", done, total) }),
    }),
    step("receipts", readReceipts(odoo, scope, window, ids, log)),
    step("stock", readOnHand(odoo, scope, ids, log)),
    readOrderpoints(odoo, scope, ids, log),
    step("vendors", readVendorLines(odoo, scope, templateIds, log)),
  ]);
  const data = new Map<number, ProductData>();
  for (const facts of products) {
    data.set(facts.id, {
      facts,
      demand: demand.demand.get(facts.id) ?? [],
      receipts: receipts.get(facts.id) ?? [],
      onHand: onHand.get(facts.id) ?? [],
      orderpoints: orderpoints.get(facts.id) ?? [],
    });
  }
  return { products: data, vendorLines, demandMode: demand.mode };
}

/**
 * Reads everything a full run needs.
 * @param context the run's context when the caller already read it.
 */
export async function extractSnapshot(
  odoo: OdooClient,
  options: ExtractOptions,
  context?: ExtractContext,
): Promise<{ snapshot: Snapshot; context: ExtractContext; demandMode: DemandReadMode }> {
  const { log, onProgress } = options;
  if (!context) {
    context = await readExtractContext(odoo, options);
    onProgress?.("scope", 1, 1);
  }
  // The cursor is taken before the data, so a change made during the reads is seen next time.
  const cursor = await readCursor(odoo, context.scope);
  const read = await readProducts(odoo, context.scope.context, [], log);
  onProgress?.("products", 1, 1);
  const [data, bom] = await Promise.all([
    extractProductData(odoo, context, read.products, {
      log,
      ...(options.demandMode !== undefined && { demandMode: options.demandMode }),
      ...(onProgress && { onProgress }),
    }),
    readBomUses(odoo, context.scope, log).then((value) => {
      onProgress?.("boms", 1, 1);
      return value;
    }),
  ]);
  return {
    snapshot: {
      companyId: context.scope.companyId,
      window: context.window,
      warehouses: context.scope.warehouses,
      units: context.units,
      products: data.products,
      skipped: read.skipped,
      vendorLines: data.vendorLines,
      bom,
      cursor,
    },
    context,
    demandMode: data.demandMode,
  };
}
