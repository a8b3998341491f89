import { describe, expect, it } from "vitest";
import {
  allocateServiceLevels,
  type ServiceCurves,
} from "../../analytics/allocate-service-levels.js";
import { createRandom } from "../../analytics/random.js";

function curves(
  items: Array<{ weight: number; candidates: Array<[number, number]>; floor?: number }>,
): ServiceCurves {
  const width = Math.max(...items.map((item) => item.candidates.length));
  const table: ServiceCurves = {
    itemCount: items.length,
    width,
    counts: Int32Array.from(items, (item) => item.candidates.length),
    floors: Int32Array.from(items, (item) => item.floor ?? 0),
    fillRates: new Float64Array(items.length * width),
    values: new Float64Array(items.length * width),
    weights: Float64Array.from(items, (item) => item.weight),
  };
  for (const [i, item] of items.entries()) {
    for (const [k, [fill, value]] of item.candidates.entries()) {
      table.fillRates[i * width + k] = fill;
      table.values[i * width + k] = value;
    }
  }
  return table;
}

const served = (table: ServiceCurves, chosen: Int32Array, items: number[]) => {
  let sum = 0;
  let weight = 0;
  for (const i of items) {
    sum +=
      (table.weights[i] as number) *
      (table.fillRates[i * table.width + (chosen[i] as number)] as number);
    weight += table.weights[i] as number;
  }
  return sum / weight;
};
const cost = (table: ServiceCurves, chosen: Int32Array) =>
  Array.from(chosen).reduce((sum, k, i) => sum + (table.values[i * table.width + k] as number), 0);

describe("allocateServiceLevels", () => {
  it("buys service where it is cheap (hand example)", () => {
    const table = curves([
      {
        weight: 1,
        candidates: [
          [0.8, 10],
          [0.99, 12],
        ],
      },
      {
        weight: 1,
        candidates: [
          [0.8, 100],
          [0.99, 200],
        ],
      },
    ]);
    const chosen = allocateServiceLevels(table, {
      groupOf: [0, 0],
      groupTargets: [null],
      goal: 0.895,
    });
    expect(Array.from(chosen)).toEqual([1, 0]);
  });

  it("respects floors and meets group targets and the goal", () => {
    const table = curves([
      {
        weight: 2,
        candidates: [
          [0.5, 1],
          [0.9, 2],
          [0.99, 3],
        ],
      },
      {
        weight: 1,
        candidates: [
          [0.5, 50],
          [0.9, 80],
          [0.99, 120],
        ],
        floor: 1,
      },
      {
        weight: 1,
        candidates: [
          [0.6, 5],
          [0.95, 9],
        ],
      },
    ]);
    const chosen = allocateServiceLevels(table, {
      groupOf: [0, 0, 1],
      groupTargets: [null, 0.9],
      goal: 0.9,
    });
    expect(chosen[1]).toBeGreaterThanOrEqual(1);
    expect(served(table, chosen, [2])).toBeGreaterThanOrEqual(0.9);
    expect(served(table, chosen, [0, 1, 2])).toBeGreaterThanOrEqual(0.9);
    // Hand: item 2 needs 0.95 for its group; then (2·0.9 + 0.9 + 0.95)/4 = 0.9125 meets the goal
    // with item 0 at 0.9 — (2·0.5 + 0.9 + 0.95)/4 = 0.7125 would not.
    expect(Array.from(chosen)).toEqual([1, 1, 1]);
  });

  it("is as good as exhaustive search up to one item's step (Lagrangian bound), on random cases", () => {
    const random = createRandom(5);
    for (let trial = 0; trial < 40; trial++) {
      const items = Array.from({ length: 5 }, () => {
        let fill = 0.3 + 0.3 * random.next();
        let value = 1 + 10 * random.next();
        return {
          weight: 0.5 + 10 * random.next(),
          candidates: Array.from({ length: 4 }, () => {
            const candidate: [number, number] = [fill, value];
            fill = Math.min(0.9999, fill + (1 - fill) * (0.3 + 0.5 * random.next()));
            value += 1 + 20 * random.next();
            return candidate;
          }),
        };
      });
      const table = curves(items);
      const goal = 0.6 + 0.35 * random.next();
      const chosen = allocateServiceLevels(table, {
        groupOf: [0, 0, 0, 0, 0],
        groupTargets: [null],
        goal,
      });
      let best = Number.POSITIVE_INFINITY;
      let largestStep = 0;
      for (let combination = 0; combination < 4 ** 5; combination++) {
        const pick = Int32Array.from({ length: 5 }, (_, i) => Math.floor(combination / 4 ** i) % 4);
        if (served(table, pick, [0, 1, 2, 3, 4]) >= goal - 1e-12)
          best = Math.min(best, cost(table, pick));
      }
      for (let i = 0; i < 5; i++) {
        largestStep = Math.max(
          largestStep,
          (table.values[i * 4 + 3] as number) - (table.values[i * 4] as number),
        );
      }
      if (!Number.isFinite(best)) continue;
      expect(served(table, chosen, [0, 1, 2, 3, 4])).toBeGreaterThanOrEqual(goal - 1e-9);
      expect(cost(table, chosen)).toBeLessThanOrEqual(best + largestStep + 1e-9);
    }
  });

  it("keeps every item at its floor without targets", () => {
    const table = curves([
      {
        weight: 1,
        candidates: [
          [0.5, 1],
          [0.9, 2],
        ],
        floor: 1,
      },
      {
        weight: 1,
        candidates: [
          [0.5, 1],
          [0.9, 2],
        ],
      },
    ]);
    expect(
      Array.from(
        allocateServiceLevels(table, { groupOf: [0, 0], groupTargets: [null], goal: null }),
      ),
    ).toEqual([1, 0]);
  });
});
