import { describe, expect, it } from "vitest";
import { createRandom } from "../../analytics/random.js";

function moments(draw: () => number, count: number): { mean: number; variance: number } {
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < count; i++) {
    const value = draw();
    sum += value;
    sumSquares += value * value;
  }
  const mean = sum / count;
  return { mean, variance: sumSquares / count - mean * mean };
}

describe("createRandom", () => {
  it("repeats its stream for a seed and differs between seeds", () => {
    const first = createRandom(7);
    const second = createRandom(7);
    const other = createRandom(8);
    const a = Array.from({ length: 5 }, () => first.next());
    expect(Array.from({ length: 5 }, () => second.next())).toEqual(a);
    expect(Array.from({ length: 5 }, () => other.next())).not.toEqual(a);
    for (const value of a) expect(value >= 0 && value < 1).toBe(true);
  });

  // Expected moments are the textbook ones: U(0,1) 1/2 and 1/12, N(0,1) 0 and 1,
  // Gamma(k,1) k and k, Poisson(λ) λ and λ. Tolerances are ~5 standard errors at n = 200,000.
  it.each([
    ["uniform", (r: ReturnType<typeof createRandom>) => r.next(), 0.5, 1 / 12],
    ["normal", (r: ReturnType<typeof createRandom>) => r.normal(), 0, 1],
    ["gamma(0.5)", (r: ReturnType<typeof createRandom>) => r.gamma(0.5), 0.5, 0.5],
    ["gamma(3)", (r: ReturnType<typeof createRandom>) => r.gamma(3), 3, 3],
    ["poisson(4)", (r: ReturnType<typeof createRandom>) => r.poisson(4), 4, 4],
    ["poisson(50)", (r: ReturnType<typeof createRandom>) => r.poisson(50), 50, 50],
  ])("draws %s with the right mean and variance", (_name, draw, mean, variance) => {
    const random = createRandom(123);
    const observed = moments(() => draw(random), 200_000);
    expect(observed.mean).toBeCloseTo(mean, 1);
    expect(Math.abs(observed.variance - variance) / variance).toBeLessThan(0.03);
  });

  it("rejects impossible parameters", () => {
    const random = createRandom(1);
    expect(() => random.gamma(0)).toThrow(/shape must be > 0/);
    expect(() => random.poisson(-1)).toThrow(/mean must be ≥ 0/);
  });
});
