/**
 * What a run knows about the company after reading Odoo: the planning facts per product, the
 * vendors, the BoM structure and the cursor the next incremental run starts from. It is kept
 * between runs (see `connector/sync/state-file.ts`) so that an incremental run re-reads only
 * the products that changed.
 */
import type { SyncCursor } from "../../manifest/contract.js";
import type { BomRead } from "./boms.js";
import type { DemandEntry } from "./demand.js";
import type { HistoryWindow } from "./history-window.js";
import type { ProductFacts, SkippedProduct } from "./products.js";
import type { ReceiptFacts } from "./receipts.js";
import type { WarehouseFacts } from "./scope.js";
import type { OnHandEntry, OrderpointFacts } from "./stock.js";
import type { UnitTable } from "./units.js";
import type { VendorLine } from "./vendors.js";

/** Everything read about one product. */
export interface ProductData {
  readonly facts: ProductFacts;
  /** Net demand per warehouse and day, in the product's unit. */
  readonly demand: readonly DemandEntry[];
  /** Purchase receipts, oldest order first. */
  readonly receipts: readonly ReceiptFacts[];
  readonly onHand: readonly OnHandEntry[];
  readonly orderpoints: readonly OrderpointFacts[];
}

export interface Snapshot {
  readonly companyId: number;
  readonly window: HistoryWindow;
  readonly warehouses: readonly WarehouseFacts[];
  readonly units: UnitTable;
  /** The planned products, by id. */
  readonly products: ReadonlyMap<number, ProductData>;
  readonly skipped: readonly SkippedProduct[];
  /** Vendor lines by template id. */
  readonly vendorLines: ReadonlyMap<number, readonly VendorLine[]>;
  readonly bom: BomRead;
  /** Where the next incremental run starts: the newest change seen per model before reading. */
  readonly cursor: SyncCursor;
}
