/**
 * The demo plant's structure: products, vendors, who supplies what, and the bills of materials.
 * Finished goods are made of sub-assemblies and components, sub-assemblies of components; a few
 * popular components go into many products, most into one or two.
 */
import type { Random } from "../../../analytics/random.js";
import { productName, vendorName } from "./names.js";
import type {
  DemandProfile,
  LeadTimeShift,
  PlantVendor,
  ProductKind,
  SupplierInfo,
} from "./plant.js";

/** A product while the plant is being built; indices refer to `Catalog.products`. */
export interface CatalogProduct {
  readonly sku: string;
  readonly name: string;
  readonly kind: ProductKind;
  unitCost: number;
  profile: DemandProfile;
  /** Typical size of a week's independent demand. */
  readonly typicalSize: number;
  readonly manufactureDays?: number;
  readonly orderMultiple?: number;
  readonly minOrderQty?: number;
  /** BoM lines of a made item: child index and units per unit made. */
  readonly lines: Array<{ readonly child: number; readonly quantity: number }>;
  parentCount: number;
  /** Supplier infos of a bought item, preferred first (indices into `Catalog.supplierInfos`). */
  readonly offers: number[];
}

export interface Catalog {
  readonly products: CatalogProduct[];
  readonly vendors: PlantVendor[];
  readonly supplierInfos: SupplierInfo[];
  /** Index of each vendor's code, for offers. */
  readonly vendorIndex: ReadonlyMap<string, number>;
}

export interface CatalogOptions {
  readonly productCount: number;
  readonly vendorCount: number;
  readonly shift: Omit<LeadTimeShift, "vendorCode" | "day">;
}

const FINISHED_SHARE = 0.2;
const SUBASSEMBLY_SHARE = 0.1;
/** Components sold only as spare parts, never built into anything. */
const SERVICE_PART_SHARE = 0.15;
/** Components built into products that also sell as spare parts. */
const SPARE_SALES_SHARE = 0.2;

const FINISHED_PROFILES: ReadonlyArray<readonly [DemandProfile, number]> = [
  ["smooth", 0.22],
  ["erratic", 0.16],
  ["intermittent", 0.16],
  ["lumpy", 0.16],
  ["seasonal", 0.09],
  ["trending", 0.09],
  ["new", 0.06],
  ["dead", 0.06],
];
const SPARE_PROFILES: ReadonlyArray<readonly [DemandProfile, number]> = [
  ["intermittent", 0.3],
  ["lumpy", 0.3],
  ["smooth", 0.12],
  ["erratic", 0.12],
  ["new", 0.06],
  ["dead", 0.1],
];
/** Parts in at least this many BoMs count as widely used. */
const WIDELY_USED_PARENTS = 3;
const SHIFTING_VENDOR_SHARE = 0.25;
const PROMISED_DAYS = [5, 7, 10, 14, 14, 21, 21, 28, 35, 45, 60];
const ORDER_MULTIPLES = [5, 10, 12, 20, 25, 50, 100];

/** Builds the plant's structure; costs of made items roll up from their BoMs. */
export function buildCatalog(options: CatalogOptions, random: Random): Catalog {
  const finishedCount = Math.max(1, Math.round(options.productCount * FINISHED_SHARE));
  const subassemblyCount = Math.max(1, Math.round(options.productCount * SUBASSEMBLY_SHARE));
  const componentCount = options.productCount - finishedCount - subassemblyCount;
  const products: CatalogProduct[] = [];
  const width = Math.max(5, String(options.productCount).length);
  const code = (prefix: string, index: number) =>
    `${prefix}-${String(index + 1).padStart(width, "0")}`;

  for (let index = 0; index < finishedCount; index++) {
    products.push(
      madeProduct(code("FG", index), productName("finished", index), "finished", random),
    );
  }
  for (let index = 0; index < subassemblyCount; index++) {
    products.push(
      madeProduct(code("SA", index), productName("subassembly", index), "subassembly", random),
    );
  }
  const firstComponent = products.length;
  for (let index = 0; index < componentCount; index++) {
    products.push(component(code("CP", index), productName("component", index), random));
  }

  linkBoms(products, finishedCount, subassemblyCount, firstComponent, random);
  assignProfiles(products, random);
  rollUpCosts(products, firstComponent);
  const vendors = buildVendors(options, random);
  const vendorIndex = new Map(vendors.map((vendor, index) => [vendor.code, index]));
  const supplierInfos = buildSupplierInfos(products, firstComponent, vendors, random);
  return { products, vendors, supplierInfos, vendorIndex };
}

function madeProduct(sku: string, name: string, kind: ProductKind, random: Random): CatalogProduct {
  return {
    sku,
    name,
    kind,
    unitCost: 0,
    profile: "dependent",
    typicalSize: Math.round(Math.exp(Math.log(12) + 0.8 * random.normal())),
    manufactureDays: 2 + random.int(9),
    lines: [],
    parentCount: 0,
    offers: [],
  };
}

function component(sku: string, name: string, random: Random): CatalogProduct {
  // Log-normal costs from a few cents to thousands: five orders of magnitude.
  const unitCost = roundCost(Math.min(5000, Math.exp(Math.log(6) + 1.7 * random.normal())));
  const orderMultiple =
    random.next() < 0.3
      ? (ORDER_MULTIPLES[random.int(ORDER_MULTIPLES.length)] as number)
      : undefined;
  let minOrderQty: number | undefined;
  if (random.next() < 0.4) {
    // Cheap parts come with large minimums.
    minOrderQty = niceNumber((40 + 160 * random.next()) / Math.sqrt(Math.max(unitCost, 0.5)));
    if (orderMultiple !== undefined)
      minOrderQty = Math.ceil(minOrderQty / orderMultiple) * orderMultiple;
  }
  return {
    sku,
    name,
    kind: "component",
    unitCost,
    profile: "dependent",
    typicalSize: Math.round(Math.exp(Math.log(6) + 0.8 * random.normal()) * (unitCost < 2 ? 3 : 1)),
    ...(orderMultiple !== undefined && { orderMultiple }),
    ...(minOrderQty !== undefined && { minOrderQty }),
    lines: [],
    parentCount: 0,
    offers: [],
  };
}

function linkBoms(
  products: CatalogProduct[],
  finishedCount: number,
  subassemblyCount: number,
  firstComponent: number,
  random: Random,
): void {
  const componentCount = products.length - firstComponent;
  const serviceParts = Math.round(componentCount * SERVICE_PART_SHARE);
  const builtIn = componentCount - serviceParts;
  // Squaring a uniform skews the choice: the first components are the popular ones.
  const pickComponent = () =>
    firstComponent + serviceParts + Math.floor(builtIn * random.next() ** 2);
  const addLine = (parent: CatalogProduct, child: number) => {
    if (parent.lines.some((line) => line.child === child)) return;
    const childProduct = products[child] as CatalogProduct;
    const cost = childProduct.unitCost;
    const quantity =
      childProduct.kind !== "component" || cost >= 20
        ? 1 + (random.next() < 0.2 ? 1 : 0)
        : cost >= 1
          ? 1 + random.int(4)
          : [2, 4, 6, 8, 12][random.int(5)];
    parent.lines.push({ child, quantity: quantity as number });
    childProduct.parentCount++;
  };
  for (let index = 0; index < subassemblyCount; index++) {
    const subassembly = products[finishedCount + index] as CatalogProduct;
    const lineCount = 2 + random.int(3);
    while (subassembly.lines.length < lineCount && builtIn > 0)
      addLine(subassembly, pickComponent());
    // Every sub-assembly goes into at least one finished good.
    addLine(products[random.int(finishedCount)] as CatalogProduct, finishedCount + index);
  }
  for (let index = 0; index < finishedCount; index++) {
    const finished = products[index] as CatalogProduct;
    if (random.next() < 0.4) addLine(finished, finishedCount + random.int(subassemblyCount));
    const lineCount = finished.lines.length + 1 + random.int(3);
    while (finished.lines.length < lineCount && builtIn > 0) addLine(finished, pickComponent());
  }
}

function assignProfiles(products: CatalogProduct[], random: Random): void {
  for (const product of products) {
    if (product.kind === "finished") {
      product.profile = weighted(FINISHED_PROFILES, random);
    } else if (product.parentCount === 0) {
      // Service parts, and anything no BoM uses, sell on their own or would have no demand.
      product.profile = weighted(SPARE_PROFILES, random);
    } else if (random.next() < (product.kind === "component" ? SPARE_SALES_SHARE : 0.1)) {
      product.profile = weighted(SPARE_PROFILES, random);
    }
  }
}

function rollUpCosts(products: CatalogProduct[], firstComponent: number): void {
  // Sub-assemblies come after finished goods, so walk backwards: children are costed first.
  for (let index = firstComponent - 1; index >= 0; index--) {
    const product = products[index] as CatalogProduct;
    let materials = 0;
    for (const line of product.lines) {
      materials += (products[line.child] as CatalogProduct).unitCost * line.quantity;
    }
    // Labour and overhead on top of materials.
    product.unitCost = roundCost(materials * 1.35 + 5);
  }
}

function buildVendors(options: CatalogOptions, random: Random): PlantVendor[] {
  const vendors: PlantVendor[] = [];
  const width = Math.max(4, String(options.vendorCount).length);
  for (let index = 0; index < options.vendorCount; index++) {
    const code = `V${String(index + 1).padStart(width, "0")}`;
    const name = vendorName(random, index);
    if (index === 0) {
      // The vendor whose lead time jumps: steady and on time until the shift.
      const promisedDays = options.shift.beforeDays;
      vendors.push({ code, name, promisedDays, leadTime: { meanDays: promisedDays, sdDays: 1.5 } });
      continue;
    }
    const promisedDays = PROMISED_DAYS[random.int(PROMISED_DAYS.length)] as number;
    // Most vendors deliver a little later than they promise, some much later.
    const meanDays = promisedDays * (0.9 + 0.35 * random.next());
    vendors.push({
      code,
      name,
      promisedDays,
      leadTime: {
        meanDays: round1(meanDays),
        sdDays: round1(meanDays * (0.08 + 0.27 * random.next())),
      },
    });
  }
  return vendors;
}

function buildSupplierInfos(
  products: CatalogProduct[],
  firstComponent: number,
  vendors: PlantVendor[],
  random: Random,
): SupplierInfo[] {
  const supplierInfos: SupplierInfo[] = [];
  for (let index = firstComponent; index < products.length; index++) {
    const product = products[index] as CatalogProduct;
    const draw = random.next();
    const sourceCount = Math.min(vendors.length, draw < 0.6 ? 1 : draw < 0.9 ? 2 : 3);
    // The shifting vendor is the preferred source of a quarter of the widely used parts (in three
    // or more BoMs), so that its trouble reaches the parts whose shortage stops the most products.
    const chosen: number[] =
      product.parentCount >= WIDELY_USED_PARENTS && random.next() < SHIFTING_VENDOR_SHARE
        ? [0]
        : [];
    while (chosen.length < sourceCount) {
      const vendor = random.int(vendors.length);
      if (!chosen.includes(vendor)) chosen.push(vendor);
    }
    chosen.forEach((vendorPosition, rank) => {
      const vendor = vendors[vendorPosition] as PlantVendor;
      product.offers.push(supplierInfos.length);
      supplierInfos.push({
        vendorCode: vendor.code,
        sku: product.sku,
        delayDays: vendor.promisedDays,
        minQty: product.minOrderQty ?? 0,
        price:
          rank === 0
            ? product.unitCost
            : roundCost(product.unitCost * (0.95 + 0.15 * random.next())),
        sequence: rank + 1,
      });
    });
  }
  return supplierInfos;
}

function weighted<T>(choices: ReadonlyArray<readonly [T, number]>, random: Random): T {
  let draw = random.next();
  for (const [choice, weight] of choices) {
    draw -= weight;
    if (draw < 0) return choice;
  }
  return (choices[choices.length - 1] as readonly [T, number])[0];
}

function roundCost(cost: number): number {
  return Math.max(0.05, Math.round(cost * 100) / 100);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Rounds to 1, 2 or 5 × a power of ten, as minimum order quantities are quoted. */
function niceNumber(value: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(1, value)));
  const mantissa = value / power;
  return (mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : mantissa < 7.5 ? 5 : 10) * power;
}
