/**
 * An incremental run's reads: what changed since the last done run's cursor, and the facts of the
 * products it touches, merged into that run's snapshot. A product is affected by a new or edited
 * done move (demand, receipt, adjustment), a changed reordering rule or vendor line of its
 * template, or a change to the product itself. Affected products are re-read whole (by product
 * subset), so a change read twice is harmless. When a new analysis period has completed since the
 * last run, that period's demand and receipts are read for every product.
 */
import { type BomRead, bomsChanged, readBomUses } from "../extract/boms.js";
import { changedSince, changedSinceStamp, cursorClock, readCursor } from "../extract/cursor.js";
import { type DemandEntry, type DemandReadMode, readDemand } from "../extract/demand.js";
import {
  type ExtractContext,
  type ExtractPhase,
  extractProductData,
  type PhaseProgress,
} from "../extract/extract.js";
import { readProducts } from "../extract/products.js";
import { readReceipts } from "../extract/receipts.js";
import type { IssueLog } from "../extract/record-issues.js";
import type { ProductData, Snapshot } from "../extract/snapshot.js";
import { type Domain, domainAnd, type OdooClient } from "../odoo/index.js";

export interface IncrementalOptions {
  readonly log: IssueLog;
  readonly demandMode?: DemandReadMode;
  readonly onProgress?: PhaseProgress<ExtractPhase>;
  /** How far before the cursor to read (default `CURSOR_OVERLAP_SECONDS`). */
  readonly overlapSeconds?: number | undefined;
}

export interface IncrementalResult {
  readonly snapshot: Snapshot;
  /** Products whose facts were read again. */
  readonly affected: ReadonlySet<number>;
}

/**
 * Brings `previous` up to date.
 * @param context this run's context (its window may end one or more periods later).
 */
export async function updateSnapshot(
  odoo: OdooClient,
  context: ExtractContext,
  previous: Snapshot,
  options: IncrementalOptions,
): Promise<IncrementalResult> {
  const { scope, window } = context;
  const { log } = options;
  const since = previous.cursor;
  const changed = (model: string) => changedSince(since, model, options.overlapSeconds);
  const cursor = await readCursor(odoo, scope);
  const movedProductIds = async (): Promise<number[]> => {
    const groups = await odoo.formattedReadGroup(
      "stock.move",
      domainAnd([["state", "=", "done"]], changed("stock.move")),
      ["product_id"],
      ["__count"],
      { context: scope.context },
    );
    return groups.flatMap((group) =>
      Array.isArray(group.product_id) && typeof group.product_id[0] === "number"
        ? [group.product_id[0]]
        : [],
    );
  };
  const idsOf = async (model: string, field: string, domain: Domain): Promise<number[]> => {
    const records = await odoo.searchRead(model, domain, {
      fields: [field],
      context: { ...scope.context, active_test: false },
    });
    return records.flatMap((record) => {
      const value = record[field];
      return Array.isArray(value) && typeof value[0] === "number" ? [value[0]] : [];
    });
  };
  const [moved, changedRules, changedVendorTemplates, vendorIds, changedProducts, bom] =
    await Promise.all([
      movedProductIds(),
      idsOf("stock.warehouse.orderpoint", "product_id", changed("stock.warehouse.orderpoint")),
      idsOf("product.supplierinfo", "product_tmpl_id", changed("product.supplierinfo")),
      odoo.search("product.supplierinfo", [], { context: scope.context }),
      readProducts(odoo, scope.context, changed("product.product"), log, {
        withHistory: false,
      }),
      readBomsIfChanged(odoo, context, previous, options.overlapSeconds, log),
    ]);
  options.onProgress?.("products", 1, 1);

  // Vendor lines deleted since: their templates are affected too.
  const liveVendorIds = new Set(vendorIds);
  const vendorTemplates = new Set(changedVendorTemplates);
  for (const [templateId, lines] of previous.vendorLines) {
    if (lines.some((line) => !liveVendorIds.has(line.id))) vendorTemplates.add(templateId);
  }

  const products = new Map<number, ProductData>(previous.products);
  const skipped = new Map(previous.skipped.map((product) => [product.id, product]));
  const affected = new Set<number>([...moved, ...changedRules]);
  for (const facts of changedProducts.products) {
    const before = products.get(facts.id);
    // The connector's own write-back changes products too: keep the stored history it wrote.
    const values = { ...before?.facts.stored.values, ...facts.stored.values };
    const merged = { ...facts, stored: { ...facts.stored, values } };
    skipped.delete(facts.id);
    if (before) products.set(facts.id, { ...before, facts: merged });
    else {
      products.set(facts.id, {
        facts: merged,
        demand: [],
        receipts: [],
        onHand: [],
        orderpoints: [],
      });
      affected.add(facts.id);
    }
  }
  for (const product of changedProducts.skipped) {
    products.delete(product.id);
    skipped.set(product.id, product);
  }
  for (const data of products.values()) {
    if (vendorTemplates.has(data.facts.templateId)) affected.add(data.facts.id);
  }
  const toRead = [...affected].flatMap((id) => {
    const data = products.get(id);
    return data ? [data.facts] : [];
  });
  const vendorLines = new Map(previous.vendorLines);
  if (toRead.length > 0) {
    const read = await extractProductData(odoo, context, toRead, {
      log,
      ...(options.demandMode !== undefined && { demandMode: options.demandMode }),
      ...(options.onProgress && { onProgress: options.onProgress }),
    });
    for (const [id, data] of read.products) products.set(id, data);
    const readTemplates = new Set(toRead.map((facts) => facts.templateId));
    for (const templateId of readTemplates) {
      const lines = read.vendorLines.get(templateId);
      if (lines) vendorLines.set(templateId, lines);
      else vendorLines.delete(templateId);
    }
  }

  await readCompletedPeriods(odoo, context, previous, products, affected, options);

  // Receipts older than the (moved) window no longer count.
  for (const [id, data] of products) {
    const receipts = data.receipts.filter((receipt) => receipt.receivedOn >= window.fromDatetime);
    if (receipts.length !== data.receipts.length) products.set(id, { ...data, receipts });
  }
  return {
    snapshot: {
      companyId: previous.companyId,
      window,
      warehouses: scope.warehouses,
      units: context.units,
      products,
      skipped: [...skipped.values()].sort((a, b) => a.id - b.id),
      vendorLines,
      bom,
      cursor,
    },
    affected,
  };
}

/** The BoM structure: read again only when a BoM or line changed or went. */
async function readBomsIfChanged(
  odoo: OdooClient,
  context: ExtractContext,
  previous: Snapshot,
  overlapSeconds: number | undefined,
  log: IssueLog,
): Promise<BomRead> {
  const clock = cursorClock(previous.cursor);
  const since = clock === null ? null : changedSinceStamp(clock, overlapSeconds);
  if (since !== null && !(await bomsChanged(odoo, context.scope, previous.bom, since))) {
    return previous.bom;
  }
  return readBomUses(odoo, context.scope, log);
}

/**
 * When the window ends later than the previous run's (a period completed since), reads the
 * demand and receipts of the new days for the products not re-read whole.
 */
async function readCompletedPeriods(
  odoo: OdooClient,
  context: ExtractContext,
  previous: Snapshot,
  products: Map<number, ProductData>,
  alreadyRead: ReadonlySet<number>,
  options: IncrementalOptions,
): Promise<void> {
  const { window } = context;
  if (window.untilDatetime <= previous.window.untilDatetime) return;
  const gap = { ...window, fromDatetime: previous.window.untilDatetime };
  const others = [...products.values()].filter((data) => !alreadyRead.has(data.facts.id));
  if (others.length === 0) return;
  const ids = others.map((data) => data.facts.id);
  const [demand, receipts] = await Promise.all([
    readDemand(
      odoo,
      context.scope,
      gap,
      context.units,
      others.map((data) => data.facts),
      options.log,
      {
        ...(options.demandMode !== undefined && { mode: options.demandMode }),
      },
    ),
    readReceipts(odoo, context.scope, gap, ids, options.log),
  ]);
  for (const data of others) {
    const days: readonly DemandEntry[] = demand.demand.get(data.facts.id) ?? [];
    const received = receipts.get(data.facts.id) ?? [];
    if (days.length === 0 && received.length === 0) continue;
    products.set(data.facts.id, {
      ...data,
      demand: [...data.demand, ...days],
      receipts: [...data.receipts, ...received],
    });
  }
}
