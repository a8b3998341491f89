/**
 * Candidate policies per item: for each item a short ascending list of reorder points with the
 * expected fill rate and inventory value each would give. Flat typed arrays, item-major:
 * candidate `k` of item `i` sits at `i * width + k`.
 */
export interface ServiceCurves {
  readonly itemCount: number;
  readonly width: number;
  /** Candidates of each item (1 ≤ count ≤ width). */
  readonly counts: Int32Array;
  /** The first candidate each item may take (its floor). */
  readonly floors: Int32Array;
  readonly fillRates: Float64Array;
  /** Expected inventory value, rising with k. */
  readonly values: Float64Array;
  /** Demand per period: the weight of the item in a fill rate over many items. */
  readonly weights: Float64Array;
}

/** The targets the allocation has to meet. */
export interface AllocationTargets {
  /** The group (tier index) of each item. */
  readonly groupOf: ArrayLike<number>;
  /**
   * Per group, a fill-rate target for the group as a whole (its demand-weighted expected fill
   * rate), or null when the group has no such target (its items only keep their floors).
   */
  readonly groupTargets: readonly (number | null)[];
  /** A fill-rate goal over all items, or null. */
  readonly goal: number | null;
}

const LOG_LOW = -40;
const LOG_HIGH = 50;

/**
 * Sets per-item service levels that minimise inventory value subject to fill-rate targets for
 * groups and for the whole portfolio, never going below an item's floor. The constrained problem
 * is solved through its Lagrangian (Everett 1963, Operations Research 11(3) 399–417): at a price m
 * per unit of served demand, each item independently takes the candidate maximising
 * m · weight · fill − value; the price is raised by bisection until the target is met. This is
 * marginal analysis without sorting: an item takes another step of service exactly while the demand
 * it serves per unit of inventory value exceeds 1/m, so cheap fast movers get high service and
 * expensive slow ones less (Sherbrooke 2004, Optimal Inventory Modeling of Systems, ch. 2; Teunter,
 * Babai & Syntetos 2010, POMS 19(3) 343–352). A group target needs a price of its own; its items
 * then trade at the higher of that price and the portfolio's.
 * @param curves the candidates of every item.
 * @param targets group targets and the portfolio goal.
 * @returns the chosen candidate of each item (≥ its floor); targets that no candidate can reach are
 *   approached as closely as the candidates allow.
 * @example
 * // Two items with candidates (fill, value): cheap one [(0.8, 10), (0.99, 12)], dear one
 * // [(0.8, 100), (0.99, 200)], equal demand; goal 0.895 → the cheap item takes 0.99, the dear 0.8.
 */
export function allocateServiceLevels(
  curves: ServiceCurves,
  targets: AllocationTargets,
): Int32Array {
  const { itemCount } = curves;
  const groupCount = targets.groupTargets.length;
  const members = groupMembers(targets.groupOf, itemCount, groupCount);
  const groupOf = Int32Array.from({ length: itemCount }, (_, i) => targets.groupOf[i] as number);
  const groupPrices = new Float64Array(groupCount);
  const chosen = new Int32Array(itemCount);

  for (let group = 0; group < groupCount; group++) {
    const target = targets.groupTargets[group];
    const items = members[group] as Int32Array;
    if (target === null || target === undefined || items.length === 0) continue;
    const weight = totalWeight(curves, items);
    const alone = new Float64Array(groupCount);
    groupPrices[group] = lowestPrice(target, (price) => {
      alone[group] = price;
      return chooseAll(curves, items, groupOf, alone, 0, chosen) / weight;
    });
  }

  const everyone = Int32Array.from({ length: itemCount }, (_, i) => i);
  let global = 0;
  if (targets.goal !== null) {
    const weight = totalWeight(curves, everyone);
    global = lowestPrice(
      targets.goal,
      (price) => chooseAll(curves, everyone, groupOf, groupPrices, price, chosen) / weight,
    );
  }
  chooseAll(curves, everyone, groupOf, groupPrices, global, chosen);
  return chosen;
}

/**
 * The smallest price at which `served(price)` reaches `target`: bisection on the logarithm of the
 * price, to a relative precision of 1e-4 (the served fill changes in steps, so finer is pointless).
 */
function lowestPrice(target: number, served: (price: number) => number): number {
  if (served(0) >= target) return 0;
  let low = LOG_LOW;
  let high = LOG_HIGH;
  if (served(Math.exp(high)) < target) return Math.exp(high);
  while (high - low > 1e-4) {
    const middle = (low + high) / 2;
    if (served(Math.exp(middle)) >= target) high = middle;
    else low = middle;
  }
  return Math.exp(high);
}

/**
 * Each item's best candidate at its price (the higher of its group's and the global one); returns
 * Σ weight · fill over the items.
 */
function chooseAll(
  curves: ServiceCurves,
  items: Int32Array,
  groupOf: Int32Array,
  groupPrices: Float64Array,
  globalPrice: number,
  chosen: Int32Array,
): number {
  const { width, counts, floors, fillRates, values, weights } = curves;
  let served = 0;
  for (let n = 0; n < items.length; n++) {
    const item = items[n] as number;
    const base = item * width;
    const weight = weights[item] as number;
    const groupPrice = groupPrices[groupOf[item] as number] as number;
    const price = Math.max(groupPrice, globalPrice) * weight;
    let best = floors[item] as number;
    let bestGain = price * (fillRates[base + best] as number) - (values[base + best] as number);
    const count = counts[item] as number;
    for (let k = best + 1; k < count; k++) {
      const gain = price * (fillRates[base + k] as number) - (values[base + k] as number);
      if (gain > bestGain) {
        bestGain = gain;
        best = k;
      }
    }
    chosen[item] = best;
    served += weight * (fillRates[base + best] as number);
  }
  return served;
}

function totalWeight(curves: ServiceCurves, items: Int32Array): number {
  let total = 0;
  for (let n = 0; n < items.length; n++) total += curves.weights[items[n] as number] as number;
  return total > 0 ? total : 1;
}

function groupMembers(
  groupOf: ArrayLike<number>,
  itemCount: number,
  groupCount: number,
): Int32Array[] {
  const sizes = new Int32Array(groupCount);
  for (let i = 0; i < itemCount; i++) {
    const group = groupOf[i] as number;
    sizes[group] = (sizes[group] as number) + 1;
  }
  const members = Array.from(
    { length: groupCount },
    (_, group) => new Int32Array(sizes[group] as number),
  );
  const filled = new Int32Array(groupCount);
  for (let i = 0; i < itemCount; i++) {
    const group = groupOf[i] as number;
    const slot = filled[group] as number;
    (members[group] as Int32Array)[slot] = i;
    filled[group] = slot + 1;
  }
  return members;
}
