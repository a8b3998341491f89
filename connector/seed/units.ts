/**
 * Units of measure in the seeded plant, chosen so that the connector's UoM conversion is exercised
 * the way real databases need it:
 * - components sold by the dozen (order multiple of 12) are bought in "Pack of 6": their supplier
 *   infos, purchase lines and receipt moves are in packs, and whole-pack deliveries go out in packs;
 * - a few other components are stocked in kg, and production consumes them in g.
 * Plant quantities are in the product's own unit (units or kg); Odoo gets the same stock either way.
 */
import type { Plant } from "../sources/demo/index.js";
import { PACK_SIZE, type UomKey } from "./odoo-setup.js";

export interface ProductUnits {
  /** The product's unit (`uom_id`). */
  readonly unit: "unit" | "kg";
  /** Bought in packs of 6. */
  readonly packs: boolean;
}

/** One component in this many (by position in the catalogue) is stocked in kg. */
const KG_STRIDE = 37;
const KG_OFFSET = 5;
const GRAMS_PER_KG = 1000;

/** Each product's units, in the order of `plant.products`. */
export function productUnits(plant: Plant): ProductUnits[] {
  return plant.products.map((product, index) => {
    const packs =
      product.kind === "component" &&
      product.orderMultiple !== undefined &&
      product.orderMultiple % PACK_SIZE === 0;
    const kg = product.kind === "component" && !packs && index % KG_STRIDE === KG_OFFSET;
    return { unit: kg ? "kg" : "unit", packs };
  });
}

/** How a quantity of the product's unit travels in a move. */
export interface MovedQuantity {
  readonly uom: UomKey;
  readonly quantity: number;
}

/** What a move is for, as far as its unit is concerned. */
export type MoveFlow = "delivery" | "consumption" | "other";

/** The unit and quantity a move of `quantity` (product unit) is recorded in. */
export function movedQuantity(
  units: ProductUnits,
  flow: MoveFlow,
  quantity: number,
): MovedQuantity {
  if (units.unit === "kg") {
    return flow === "consumption"
      ? { uom: "g", quantity: quantity * GRAMS_PER_KG }
      : { uom: "kg", quantity };
  }
  if (units.packs && flow === "delivery" && quantity % PACK_SIZE === 0) {
    return { uom: "pack", quantity: quantity / PACK_SIZE };
  }
  return { uom: "unit", quantity };
}

/** A purchase of `quantity` (product unit): in packs for pack products when it is whole packs. */
export function purchasedQuantity(units: ProductUnits, quantity: number): MovedQuantity {
  return units.packs && quantity % PACK_SIZE === 0
    ? { uom: "pack", quantity: quantity / PACK_SIZE }
    : { uom: units.unit, quantity };
}
