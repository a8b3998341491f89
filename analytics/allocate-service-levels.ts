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
  return serviceAllocator(curves, targets)(targets.goal);
}

/**
 * {@link allocateServiceLevels} for one set of curves and group targets at any number of portfolio
 * goals: the hulls, the group prices and the price histogram do not depend on the goal, so they are
 * worked out once (the backtest's matched comparison allocates at a dozen goals).
 * @returns a function from the portfolio goal (or null) to the chosen candidate of each item.
 */
export function serviceAllocator(
  curves: ServiceCurves,
  groups: Omit<AllocationTargets, "goal">,
): (goal: number | null) => Int32Array {
  const { itemCount } = curves;
  const groupCount = groups.groupTargets.length;
  const members = groupMembers(groups.groupOf, itemCount, groupCount);
  const groupOf = Int32Array.from({ length: itemCount }, (_, i) => groups.groupOf[i] as number);
  const hulls = serviceHulls(curves);
  const groupPrices = new Float64Array(groupCount);
  const scratch = new Int32Array(itemCount);

  for (let group = 0; group < groupCount; group++) {
    const target = groups.groupTargets[group];
    const items = members[group] as Int32Array;
    if (target === null || target === undefined || items.length === 0) continue;
    const weight = totalWeight(curves, items);
    const alone = new Float64Array(groupCount);
    groupPrices[group] = lowestPrice(
      target * weight,
      bracket(curves, hulls, items, groupOf, alone),
      (price) => {
        alone[group] = price;
        return chooseAll(curves, hulls, items, groupOf, alone, 0, scratch);
      },
    );
  }

  const everyone = Int32Array.from({ length: itemCount }, (_, i) => i);
  let histogram: PriceBracket | undefined;
  return (goal) => {
    const chosen = new Int32Array(itemCount);
    let global = 0;
    if (goal !== null) {
      histogram ??= bracket(curves, hulls, everyone, groupOf, groupPrices);
      global = lowestPrice(goal * totalWeight(curves, everyone), histogram, (price) =>
        chooseAll(curves, hulls, everyone, groupOf, groupPrices, price, chosen),
      );
    }
    chooseAll(curves, hulls, everyone, groupOf, groupPrices, global, chosen);
    return chosen;
  };
}

/**
 * Each item's candidates that some price makes best: the upper concave hull of (value, weight ·
 * fill) from the floor up, with the price at which each hull step starts to pay
 * (Δvalue ÷ (weight · Δfill)); prices rise along the hull.
 */
interface ServiceHulls {
  readonly counts: Int32Array;
  readonly vertices: Int32Array;
  readonly prices: Float64Array;
}

function serviceHulls(curves: ServiceCurves): ServiceHulls {
  const { itemCount, width, counts, floors, fillRates, values, weights } = curves;
  const vertices = new Int32Array(itemCount * width);
  const prices = new Float64Array(itemCount * width);
  const sizes = new Int32Array(itemCount);
  for (let item = 0; item < itemCount; item++) {
    const base = item * width;
    const weight = weights[item] as number;
    const floor = floors[item] as number;
    vertices[base] = floor;
    let size = 1;
    for (let k = floor + 1; k < (counts[item] as number); k++) {
      const servedK = weight * (fillRates[base + k] as number);
      const valueK = values[base + k] as number;
      const last = vertices[base + size - 1] as number;
      if (servedK <= weight * (fillRates[base + last] as number)) continue;
      // Drop the last vertex while it lies on or below the chord from the one before it to k.
      while (size >= 2) {
        const a = base + (vertices[base + size - 2] as number);
        const b = base + (vertices[base + size - 1] as number);
        const servedA = weight * (fillRates[a] as number);
        const valueA = values[a] as number;
        const cross =
          ((values[b] as number) - valueA) * (servedK - servedA) -
          (weight * (fillRates[b] as number) - servedA) * (valueK - valueA);
        if (cross < 0) break;
        size--;
      }
      vertices[base + size] = k;
      size++;
    }
    for (let j = 1; j < size; j++) {
      const from = base + (vertices[base + j - 1] as number);
      const to = base + (vertices[base + j] as number);
      prices[base + j] =
        ((values[to] as number) - (values[from] as number)) /
        (weight * ((fillRates[to] as number) - (fillRates[from] as number)));
    }
    sizes[item] = size;
  }
  return { counts: sizes, vertices, prices };
}

/** Where the served demand crosses each level, by price: a histogram over log-price buckets. */
interface PriceBracket {
  /** Served demand at price 0 (every item at its group's price, or its floor). */
  readonly base: number;
  /** Served demand added by the hull steps whose price falls in each bucket. */
  readonly added: Float64Array;
}

const BUCKETS = 2048;
const BUCKET_WIDTH = (LOG_HIGH - LOG_LOW) / BUCKETS;

/**
 * One pass over the hull steps of `items`: how much served demand each log-price bucket adds when
 * the global price rises through it (steps below an item's group price are already taken).
 */
function bracket(
  curves: ServiceCurves,
  hulls: ServiceHulls,
  items: Int32Array,
  groupOf: Int32Array,
  groupPrices: Float64Array,
): PriceBracket {
  const { width, fillRates, weights } = curves;
  const { counts, vertices, prices } = hulls;
  const added = new Float64Array(BUCKETS + 1);
  let base = 0;
  for (let n = 0; n < items.length; n++) {
    const item = items[n] as number;
    const offset = item * width;
    const weight = weights[item] as number;
    const floorPrice = groupPrices[groupOf[item] as number] as number;
    let previous = weight * (fillRates[offset + (vertices[offset] as number)] as number);
    base += previous;
    for (let j = 1; j < (counts[item] as number); j++) {
      const served = weight * (fillRates[offset + (vertices[offset + j] as number)] as number);
      const price = prices[offset + j] as number;
      const step = served - previous;
      previous = served;
      if (price <= floorPrice) {
        base += step;
        continue;
      }
      const bucket = Math.min(
        BUCKETS,
        Math.max(0, Math.floor((Math.log(price) - LOG_LOW) / BUCKET_WIDTH)),
      );
      added[bucket] = (added[bucket] as number) + step;
    }
  }
  return { base, added };
}

/**
 * The smallest price at which `served(price)` (served demand, Σ weight · fill) reaches `target`:
 * the price histogram narrows the search to one bucket, then bisection on the logarithm of the price
 * finds it to a relative precision of 1e-4 (the served fill changes in steps, so finer is pointless).
 */
function lowestPrice(
  target: number,
  histogram: PriceBracket,
  served: (price: number) => number,
): number {
  const tolerance = 1e-9 * Math.max(1, Math.abs(target));
  if (histogram.base >= target - tolerance) return 0;
  let cumulative = histogram.base;
  let bucket = 0;
  while (
    bucket <= BUCKETS &&
    cumulative + (histogram.added[bucket] as number) < target - tolerance
  ) {
    cumulative += histogram.added[bucket] as number;
    bucket++;
  }
  if (bucket > BUCKETS) return Math.exp(LOG_HIGH);
  let low = LOG_LOW + bucket * BUCKET_WIDTH;
  let high = Math.min(LOG_HIGH, low + BUCKET_WIDTH);
  if (served(Math.exp(high)) < target - tolerance) high = LOG_HIGH;
  while (high - low > 1e-4) {
    const middle = (low + high) / 2;
    if (served(Math.exp(middle)) >= target - tolerance) high = middle;
    else low = middle;
  }
  return Math.exp(high);
}

/**
 * Each item's best candidate at its price (the higher of its group's and the global one): the last
 * hull vertex whose step price does not exceed it. Returns Σ weight · fill over the items.
 */
function chooseAll(
  curves: ServiceCurves,
  hulls: ServiceHulls,
  items: Int32Array,
  groupOf: Int32Array,
  groupPrices: Float64Array,
  globalPrice: number,
  chosen: Int32Array,
): number {
  const { width, fillRates, weights } = curves;
  const { counts, vertices, prices } = hulls;
  let served = 0;
  for (let n = 0; n < items.length; n++) {
    const item = items[n] as number;
    const base = item * width;
    const price = Math.max(groupPrices[groupOf[item] as number] as number, globalPrice);
    // Binary search for the last hull step whose price does not exceed the item's price.
    let low = 0;
    let high = (counts[item] as number) - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((prices[base + middle] as number) <= price) low = middle;
      else high = middle - 1;
    }
    const best = vertices[base + low] as number;
    chosen[item] = best;
    served += (weights[item] as number) * (fillRates[base + best] as number);
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
