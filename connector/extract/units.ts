/**
 * Units of measure, Odoo 19 style: no categories; each unit has a stored absolute `factor`
 * (`relative_factor × relative_uom_id.factor`), and a quantity converts as
 * `qty_in_B = qty_in_A × A.factor ÷ B.factor` (`uom/models/uom_uom.py`, `_compute_quantity`).
 * Two units convert only when they hang off the same root unit (Dozens → Units, not Hours → Units),
 * which Odoo 19 no longer checks itself; we do, and report the record instead of inventing a number.
 */
import { z } from "zod";
import { isOdooError, type OdooClient, type OdooContext } from "../odoo/index.js";
import { many2one, optionalText, recordId } from "./odoo-values.js";
import { type IssueLog, parseRecords } from "./record-issues.js";

export interface UnitFacts {
  readonly id: number;
  readonly name: string;
  readonly factor: number;
  /** The unit at the top of its `relative_uom_id` chain (itself for a root). */
  readonly rootId: number;
  /** Smallest step Odoo stores in this unit (the "Product Unit" precision). */
  readonly rounding: number;
}

/** Thrown when a quantity cannot be converted: the message says between which units. */
export class UnitMismatchError extends Error {
  override readonly name = "UnitMismatchError";
}

export class UnitTable {
  readonly #units: ReadonlyMap<number, UnitFacts>;
  /** The root of Odoo's "Units" (`uom.product_uom_unit`), when known: counted in whole numbers. */
  readonly countUnitRootId: number | null;

  constructor(units: readonly UnitFacts[], countUnitId: number | null) {
    this.#units = new Map(units.map((unit) => [unit.id, unit]));
    this.countUnitRootId =
      countUnitId === null ? null : (this.#units.get(countUnitId)?.rootId ?? null);
  }

  get(id: number): UnitFacts | undefined {
    return this.#units.get(id);
  }

  /** All units, for the sync state file. */
  list(): UnitFacts[] {
    return [...this.#units.values()];
  }

  /**
   * Converts `quantity` from unit `fromId` to unit `toId`, unrounded.
   * @throws {UnitMismatchError} when a unit is unknown or the two are of different kinds.
   */
  convert(quantity: number, fromId: number, toId: number): number {
    if (fromId === toId) return quantity;
    const from = this.#units.get(fromId);
    const to = this.#units.get(toId);
    if (!from || !to)
      throw new UnitMismatchError(`unknown unit of measure ${from ? toId : fromId}`);
    if (from.rootId !== to.rootId) {
      throw new UnitMismatchError(`cannot convert ${from.name} into ${to.name}: different kinds`);
    }
    return (quantity * from.factor) / to.factor;
  }

  /**
   * The smallest quantity an item in unit `id` is counted in: 1 for units counted in pieces
   * (Units, Pack of 6, Dozens), else the unit's rounding (kg, m, L are continuous).
   */
  countingStep(id: number): number {
    const unit = this.#units.get(id);
    if (!unit) return 1;
    return unit.rootId === this.countUnitRootId ? 1 : unit.rounding;
  }
}

const uomSchema = z.object({
  id: recordId,
  name: z.string(),
  factor: z.number().finite().positive(),
  relative_uom_id: many2one,
  rounding: z.number().finite().positive(),
});

/** Reads every unit, archived ones included (old moves may use them). */
export async function readUnits(
  odoo: OdooClient,
  context: OdooContext,
  log: IssueLog,
): Promise<UnitTable> {
  const records = await odoo.searchRead("uom.uom", [], {
    fields: ["name", "factor", "relative_uom_id", "rounding"],
    context: { ...context, active_test: false },
  });
  const units = parseRecords("uom.uom", uomSchema, records, log);
  const parentOf = new Map(units.map((unit) => [unit.id, unit.relative_uom_id]));
  const rootOf = (id: number): number => {
    let current = id;
    // A chain is short; the bound guards against a corrupt cycle.
    for (let step = 0; step < 32; step++) {
      const parent = parentOf.get(current);
      if (parent === null || parent === undefined) return current;
      current = parent;
    }
    return current;
  };
  const countUnitId = await findCountUnit(odoo, context);
  return new UnitTable(
    units.map((unit) => ({
      id: unit.id,
      name: unit.name,
      factor: unit.factor,
      rootId: rootOf(unit.id),
      rounding: unit.rounding,
    })),
    countUnitId,
  );
}

const xmlIdSchema = z.object({ res_id: z.number().int(), name: optionalText });

/** The id of `uom.product_uom_unit`, or null when it cannot be read (then nothing counts as pieces). */
async function findCountUnit(odoo: OdooClient, context: OdooContext): Promise<number | null> {
  try {
    const [found] = await odoo.searchRead(
      "ir.model.data",
      [
        ["module", "=", "uom"],
        ["name", "=", "product_uom_unit"],
      ],
      { fields: ["res_id", "name"], limit: 1, context },
    );
    const parsed = xmlIdSchema.safeParse(found);
    return parsed.success ? parsed.data.res_id : null;
  } catch (error) {
    // A user without access to external ids still gets a run, with continuous quantities.
    if (isOdooError(error) && error.code === "access") return null;
    throw error;
  }
}
