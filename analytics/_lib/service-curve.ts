/**
 * Builds the candidate policies of one item for the allocator and the cost–service curves: a short
 * ascending list of reorder points with the expected fill rate, cycle service and stock on hand of
 * each, written into flat typed arrays without allocating per item.
 */
import type { ServiceCurves } from "../allocate-service-levels.js";
import {
  evaluatePolicy,
  type PolicyDemand,
  type PolicyOutcome,
  positionAfterReview,
  roundUp,
} from "../service-level.js";

/** The candidates of every item, plus what the plan reads back from the chosen one. */
export interface CandidateTable extends ServiceCurves {
  readonly reorderPoints: Float64Array;
  readonly cycleServices: Float64Array;
  readonly onHand: Float64Array;
}

/** Candidate slots per item. */
export const CANDIDATES = 16;
/** Reorder points at mean + z·sd of protection-interval demand, besides 0 and the floor. */
const Z_GRID = [-1, -0.5, 0, 0.5, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];

export function createCandidateTable(itemCount: number): CandidateTable {
  const size = itemCount * CANDIDATES;
  return {
    itemCount,
    width: CANDIDATES,
    counts: new Int32Array(itemCount),
    floors: new Int32Array(itemCount),
    fillRates: new Float64Array(size),
    values: new Float64Array(size),
    weights: new Float64Array(itemCount),
    reorderPoints: new Float64Array(size),
    cycleServices: new Float64Array(size),
    onHand: new Float64Array(size),
  };
}

/** One item's inputs to its candidates. */
export interface CandidateInput {
  readonly demand: PolicyDemand;
  readonly orderQuantity: number;
  readonly unitCost: number;
  /** Demand per period (the item's weight). */
  readonly weight: number;
  /** The lowest reorder point the item may take. */
  readonly floorReorderPoint: number;
  /** Beyond the floor, the lowest expected fill rate the item may take (0 for none). */
  readonly minFillRate: number;
  /** Only the floor is a candidate (items that are not stocked, or have no demand). */
  readonly fixed: boolean;
}

const scratch = new Float64Array(CANDIDATES);
const evaluation: PolicyOutcome = { fillRate: 0, cycleService: 0, onHand: 0 };

/**
 * Writes item `item`'s candidates: every lattice point from 0 when few enough, else 0, the floor and
 * mean + z·sd for the z grid, rounded up to the lattice, sorted and deduplicated.
 */
export function fillCandidates(table: CandidateTable, item: number, input: CandidateInput): void {
  const { demand, orderQuantity, floorReorderPoint } = input;
  const lattice = demand.lattice;
  let count = 0;
  if (input.fixed) {
    scratch[count++] = floorReorderPoint;
  } else {
    const mean = demand.protection.mean;
    const sd = Math.sqrt(demand.protection.variance);
    const top = Math.max(floorReorderPoint, roundUp(mean + 4 * sd, lattice));
    if (lattice > 0 && top / lattice < CANDIDATES - 0.5) {
      for (let s = 0; s <= top + 1e-9 && count < CANDIDATES; s += lattice) scratch[count++] = s;
    } else {
      scratch[count++] = 0;
      scratch[count++] = floorReorderPoint;
      for (const z of Z_GRID) {
        const s = mean + z * sd;
        if (s > 0) scratch[count++] = roundUp(s, lattice);
      }
      count = sortUnique(scratch, count);
    }
  }
  const base = item * CANDIDATES;
  let floor = -1;
  const position = positionAfterReview(demand, orderQuantity);
  for (let k = 0; k < count; k++) {
    const s = scratch[k] as number;
    const outcome = evaluatePolicy(demand, position, s, s + orderQuantity, evaluation);
    table.reorderPoints[base + k] = s;
    table.fillRates[base + k] = outcome.fillRate;
    table.cycleServices[base + k] = outcome.cycleService;
    table.onHand[base + k] = outcome.onHand;
    table.values[base + k] = outcome.onHand * input.unitCost;
    if (floor < 0 && s >= floorReorderPoint - 1e-9) floor = k;
  }
  if (floor < 0) floor = count - 1;
  if (input.minFillRate > 0) {
    while (floor < count - 1 && (table.fillRates[base + floor] as number) < input.minFillRate)
      floor++;
  }
  table.counts[item] = count;
  table.floors[item] = floor;
  table.weights[item] = input.weight;
}

/** Sorts the first `count` values ascending in place (insertion sort: count ≤ 24) and drops repeats. */
function sortUnique(values: Float64Array, count: number): number {
  for (let i = 1; i < count; i++) {
    const value = values[i] as number;
    let j = i - 1;
    while (j >= 0 && (values[j] as number) > value) {
      values[j + 1] = values[j] as number;
      j--;
    }
    values[j + 1] = value;
  }
  let unique = count > 0 ? 1 : 0;
  for (let i = 1; i < count; i++) {
    if ((values[i] as number) > (values[unique - 1] as number) + 1e-9)
      values[unique++] = values[i] as number;
  }
  return unique;
}
