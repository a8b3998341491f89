/**
 * The plant's master data in Odoo: product categories, vendors (`res.partner`, found again by
 * `ref` = vendor code), storable products (found again by `default_code` = SKU) created together
 * with their supplier infos, and, when mrp is installed, one bill of materials per made item.
 * Every record is found by its natural key before it is created, so re-runs create nothing twice.
 */
import type { OdooClient, OdooVals } from "../odoo/index.js";
import type {
  Bom,
  Plant,
  PlantProduct,
  PlantVendor,
  ProductKind,
  SupplierInfo,
} from "../sources/demo/index.js";
import { SeedIntegrityError } from "./errors.js";
import { indexBySku } from "./moves.js";
import { QUIET_CONTEXT, recordsByKey } from "./odoo-batches.js";
import { idOf, PACK_SIZE, type SeedSetup } from "./odoo-setup.js";
import type { ProductUnits } from "./units.js";

const CATEGORY_NAMES: Readonly<Record<ProductKind, string>> = {
  finished: "Finished goods",
  subassembly: "Sub-assemblies",
  component: "Components",
};

/** Sale price over standard cost for items that sell. */
const MARKUP = 1.6;
const CREATE_BATCH = 200;

/** The ids of the seeded master data, by plant position. */
export interface CatalogIds {
  /** `product.product` id of each plant product. */
  readonly productIds: readonly number[];
  readonly templateIds: readonly number[];
  /** `res.partner` id by vendor code. */
  readonly vendorIds: ReadonlyMap<string, number>;
}

function vendorVals(vendor: PlantVendor): OdooVals {
  return { name: vendor.name, ref: vendor.code, is_company: true, supplier_rank: 1 };
}

export interface ProductValsContext {
  readonly setup: SeedSetup;
  readonly units: readonly ProductUnits[];
  readonly categoryIds: Readonly<Record<ProductKind, number>>;
  readonly vendorIds: ReadonlyMap<string, number>;
}

/**
 * A storable product (Odoo 19: `type` consu + `is_storable`) with its vendors' offers. Pack items
 * list "Pack of 6" as a packaging and are quoted per pack (min quantity in packs, price per pack).
 */
export function productTemplateVals(
  product: PlantProduct,
  units: ProductUnits,
  offers: readonly SupplierInfo[],
  context: ProductValsContext,
): OdooVals {
  const { setup } = context;
  const route = product.purchased ? setup.routes.buy : setup.routes.manufacture;
  const sells = product.profile !== "dependent";
  const packUom = setup.uoms.pack;
  return {
    name: product.name,
    default_code: product.sku,
    type: "consu",
    is_storable: true,
    categ_id: context.categoryIds[product.kind],
    uom_id: setup.uoms[units.unit],
    standard_price: product.unitCost,
    list_price: sells ? Math.round(product.unitCost * MARKUP * 100) / 100 : undefined,
    sale_ok: sells,
    purchase_ok: product.purchased,
    route_ids: route === undefined ? undefined : [[6, 0, [route]]],
    uom_ids: units.packs ? [[6, 0, [packUom]]] : undefined,
    seller_ids: offers.map((offer) => [
      0,
      0,
      {
        partner_id: context.vendorIds.get(offer.vendorCode) as number,
        sequence: offer.sequence,
        delay: offer.delayDays,
        ...(units.packs
          ? {
              product_uom_id: packUom,
              min_qty: offer.minQty / PACK_SIZE,
              price: Math.round(offer.price * PACK_SIZE * 100) / 100,
            }
          : { min_qty: offer.minQty, price: offer.price }),
      },
    ]),
  };
}

/** A normal BoM making one unit of the item, with its manufacturing lead time. */
function bomVals(
  bom: Bom,
  product: PlantProduct,
  templateId: number,
  lineProduct: (sku: string) => { id: number; uom: number },
  setup: SeedSetup,
): OdooVals {
  return {
    product_tmpl_id: templateId,
    product_qty: 1,
    product_uom_id: setup.uoms.unit,
    type: "normal",
    produce_delay: product.manufactureDays,
    bom_line_ids: bom.lines.map((line) => {
      const component = lineProduct(line.sku);
      return [
        0,
        0,
        { product_id: component.id, product_qty: line.quantity, product_uom_id: component.uom },
      ];
    }),
  };
}

export interface CatalogResult {
  readonly ids: CatalogIds;
  readonly created: Record<string, number>;
}

/** Finds or creates the catalogue; `onProgress` counts products. */
export async function seedCatalog(
  odoo: OdooClient,
  plant: Plant,
  setup: SeedSetup,
  units: readonly ProductUnits[],
  onProgress: (done: number, total: number) => void,
): Promise<CatalogResult> {
  const created: Record<string, number> = {};
  const count = (model: string, n: number) => {
    if (n > 0) created[model] = (created[model] ?? 0) + n;
  };
  const categoryIds = await categories(odoo, count);
  const vendorIds = await vendors(odoo, plant.vendors, count);

  const skus = plant.products.map((product) => product.sku);
  let variants = await recordsByKey(odoo, "product.product", "default_code", skus, [
    "product_tmpl_id",
  ]);
  const offersBySku = new Map<string, SupplierInfo[]>();
  for (const offer of plant.supplierInfos) {
    offersBySku.set(offer.sku, [...(offersBySku.get(offer.sku) ?? []), offer]);
  }
  const missing = plant.products.flatMap((product, index) =>
    variants.has(product.sku) ? [] : [index],
  );
  const context = { setup, units, categoryIds, vendorIds };
  for (let start = 0; start < missing.length; start += CREATE_BATCH) {
    const batch = missing.slice(start, start + CREATE_BATCH).map((index) => {
      const product = plant.products[index] as PlantProduct;
      return productTemplateVals(
        product,
        units[index] as ProductUnits,
        offersBySku.get(product.sku) ?? [],
        context,
      );
    });
    await odoo.create("product.template", batch, { context: QUIET_CONTEXT });
    count("product.template", batch.length);
    count(
      "product.supplierinfo",
      batch.reduce((sum, vals) => sum + (vals.seller_ids as unknown[]).length, 0),
    );
    onProgress(
      plant.products.length - missing.length + start + batch.length,
      plant.products.length,
    );
  }
  if (missing.length > 0) {
    variants = await recordsByKey(odoo, "product.product", "default_code", skus, [
      "product_tmpl_id",
    ]);
  }
  const productIds: number[] = [];
  const templateIds: number[] = [];
  for (const sku of skus) {
    const variant = variants.get(sku);
    const template = idOf(variant?.product_tmpl_id);
    if (!variant || template === undefined) {
      throw new SeedIntegrityError(`product ${sku} was created but cannot be found again`);
    }
    productIds.push(variant.id);
    templateIds.push(template);
  }
  onProgress(plant.products.length, plant.products.length);
  const ids = { productIds, templateIds, vendorIds };
  if (setup.mrp) await billsOfMaterials(odoo, plant, setup, units, ids, count);
  return { ids, created };
}

async function categories(
  odoo: OdooClient,
  count: (model: string, n: number) => void,
): Promise<Record<ProductKind, number>> {
  const names = Object.values(CATEGORY_NAMES);
  const found = await recordsByKey(
    odoo,
    "product.category",
    "name",
    names,
    [],
    [["parent_id", "=", false]],
  );
  const missing = names.filter((name) => !found.has(name));
  const createdIds = await odoo.create(
    "product.category",
    missing.map((name) => ({ name })),
  );
  count("product.category", createdIds.length);
  const idOfName = new Map<string, number>([
    ...[...found].map(([name, record]) => [name, record.id] as const),
    ...missing.map((name, index) => [name, createdIds[index] as number] as const),
  ]);
  return {
    finished: idOfName.get(CATEGORY_NAMES.finished) as number,
    subassembly: idOfName.get(CATEGORY_NAMES.subassembly) as number,
    component: idOfName.get(CATEGORY_NAMES.component) as number,
  };
}

async function vendors(
  odoo: OdooClient,
  plantVendors: readonly PlantVendor[],
  count: (model: string, n: number) => void,
): Promise<Map<string, number>> {
  const codes = plantVendors.map((vendor) => vendor.code);
  const found = await recordsByKey(odoo, "res.partner", "ref", codes);
  const missing = plantVendors.filter((vendor) => !found.has(vendor.code));
  const createdIds = await odoo.create("res.partner", missing.map(vendorVals), {
    batchSize: CREATE_BATCH,
    context: QUIET_CONTEXT,
  });
  count("res.partner", createdIds.length);
  const ids = new Map([...found].map(([code, record]) => [code, record.id]));
  missing.forEach((vendor, index) => {
    ids.set(vendor.code, createdIds[index] as number);
  });
  return ids;
}

async function billsOfMaterials(
  odoo: OdooClient,
  plant: Plant,
  setup: SeedSetup,
  units: readonly ProductUnits[],
  ids: CatalogIds,
  count: (model: string, n: number) => void,
): Promise<void> {
  const indexOfSku = indexBySku(plant);
  const templates = plant.boms.map((bom) => ids.templateIds[indexOfSku.get(bom.sku) as number]);
  const existing = new Set<number>();
  for (let start = 0; start < templates.length; start += 2000) {
    const records = await odoo.searchRead(
      "mrp.bom",
      [["product_tmpl_id", "in", templates.slice(start, start + 2000) as number[]]],
      { fields: ["product_tmpl_id"], context: { active_test: false } },
    );
    for (const record of records) {
      const template = idOf(record.product_tmpl_id);
      if (template !== undefined) existing.add(template);
    }
  }
  const lineProduct = (sku: string) => {
    const index = indexOfSku.get(sku) as number;
    return {
      id: ids.productIds[index] as number,
      uom: setup.uoms[(units[index] as ProductUnits).unit],
    };
  };
  const vals = plant.boms.flatMap((bom, position) => {
    const template = templates[position] as number;
    if (existing.has(template)) return [];
    const product = plant.products[indexOfSku.get(bom.sku) as number] as PlantProduct;
    return [bomVals(bom, product, template, lineProduct, setup)];
  });
  await odoo.create("mrp.bom", vals, { batchSize: CREATE_BATCH, context: QUIET_CONTEXT });
  count("mrp.bom", vals.length);
  count(
    "mrp.bom.line",
    vals.reduce((sum, bom) => sum + (bom.bom_line_ids as unknown[]).length, 0),
  );
}
