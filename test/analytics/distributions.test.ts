import { describe, expect, it } from "vitest";
import {
  GammaModel,
  NormalModel,
  negativeBinomialModel,
  poissonModel,
} from "../../analytics/_lib/demand-model.js";
import { logGamma, upperRegularizedGamma } from "../../analytics/_lib/gamma-function.js";
import {
  erfc,
  normalCdf,
  normalPdf,
  normalQuantile,
  normalSurvival,
  normalSurvivalFromDensity,
} from "../../analytics/_lib/normal.js";

// Every expected value below was printed by SciPy 1.17.1 (scipy.special / scipy.stats; the loss
// integrals by scipy.integrate.quad) unless the comment says "hand".
describe("standard normal", () => {
  it.each([
    [-3, 1.9999779095030015],
    [0.3, 0.6713732405408726],
    [0.47, 0.5062549491139179],
    [1, 0.15729920705028516],
    [2.5, 0.00040695201744495886],
    [5, 1.5374597944280347e-12],
    [10, 2.0884875837625446e-45],
  ])("erfc(%f) matches scipy.special.erfc", (x, expected) => {
    expect(erfc(x)).toBeCloseTo(expected, 15);
    expect(Math.abs(erfc(x) - expected) / expected).toBeLessThan(1e-13);
  });

  it.each([
    [1e-10, -6.361340902404056],
    [0.02, -2.053748910631823],
    [0.3, -0.5244005127080409],
    [0.93, 1.475791028179171],
    [0.9999, 3.719016485455709],
  ])("Φ⁻¹(%f) matches scipy.stats.norm.ppf", (p, expected) => {
    expect(normalQuantile(p)).toBeCloseTo(expected, 12);
    expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 14);
  });

  it("has the first- and second-order loss functions of scipy (quad)", () => {
    const standard = new NormalModel(0, 1);
    expect(standard.loss(-0.5)).toBeCloseTo(0.6977965574013061, 14);
    expect(standard.loss(1)).toBeCloseTo(0.08331547058768629, 14);
    expect(standard.loss(2.5)).toBeCloseTo(0.0020041371791282066, 14);
    expect(standard.loss2(0)).toBeCloseTo(0.25, 14);
    expect(standard.loss2(1)).toBeCloseTo(0.03766989167188538, 13);
    expect(standard.loss2(2)).toBeCloseTo(0.0028843633572599664, 13);
  });

  it("gives the same tail from a shared density as from erfc", () => {
    for (let z = -8; z <= 8; z += 0.0625) {
      const direct = normalSurvival(z);
      expect(Math.abs(normalSurvivalFromDensity(z, normalPdf(z)) - direct) / direct).toBeLessThan(
        1e-13,
      );
    }
  });

  it("rejects probabilities outside [0, 1]", () => {
    expect(() => normalQuantile(1.2)).toThrow(RangeError);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe("gamma functions", () => {
  it("matches scipy.special.gammaln, gammainc (as 1 − Q) and gammaincc", () => {
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 13);
    expect(logGamma(2.5)).toBeCloseTo(0.2846828704729192, 13);
    expect(logGamma(100.3)).toBeCloseTo(360.5147057290581, 10);
    expect(1 - upperRegularizedGamma(0.3, 0.1)).toBeCloseTo(0.5459128495917965, 13);
    expect(upperRegularizedGamma(0.3, 5)).toBeCloseTo(0.0006513187507184515, 15);
    expect(1 - upperRegularizedGamma(5.5, 4)).toBeCloseTo(0.28669617036996786, 13);
    expect(upperRegularizedGamma(50, 70)).toBeCloseTo(0.0051405024585059085, 13);
    expect(1 - upperRegularizedGamma(1000, 1010)).toBeCloseTo(0.6276789447369947, 10);
  });
});

describe("demand models", () => {
  // Gamma with mean 4 and variance 6: shape 16/6, scale 1.5 (scipy.stats.gamma(a=8/3, scale=1.5)).
  const gamma = new GammaModel(4, 6);

  it("gives the gamma's distribution, loss, second-order loss and quantile", () => {
    expect(gamma.cdf(4)).toBeCloseTo(0.581457420561239, 13);
    expect(gamma.loss(4)).toBeCloseTo(0.9472732594575475, 12);
    expect(gamma.loss2(4)).toBeCloseTo(1.966082682909443, 12);
    expect(gamma.loss(0)).toBe(4);
    expect(gamma.quantile(0.9)).toBeCloseTo(7.282819559556641, 10);
    expect(gamma.quantile(0.99)).toBeCloseTo(11.752130885275633, 9);
  });

  it("averages the gamma's loss over an interval, continuously and over whole units", () => {
    // quad(G, 1, 4)/3, and mean(G(1), G(2), G(3), G(4)) from quad.
    expect(gamma.averageLoss(1, 4, 0)).toBeCloseTo(1.8434257648801864, 11);
    expect(gamma.averageLoss(1, 4, 1)).toBeCloseTo(1.889039669340042, 3);
  });

  it("gives the normal's loss scaled by σ", () => {
    const normal = new NormalModel(200, 20 * Math.SQRT2);
    expect(normal.loss(250)).toBeCloseTo(
      20 * Math.SQRT2 * new NormalModel(0, 1).loss(50 / (20 * Math.SQRT2)),
      12,
    );
    expect(new NormalModel(10, 0).loss(7)).toBe(3);
    expect(new NormalModel(10, 0).cdf(9.99)).toBe(0);
  });

  // The tables stop where the tail holds less than 1e-10 and are renormalised: 7 digits agree.
  it("tabulates the negative binomial", () => {
    // Mean 3, variance 7.5: n = 2, p = 0.4 (scipy.stats.nbinom(2, 0.4)).
    const model = negativeBinomialModel(3, 7.5);
    expect(model.kind).toBe("negative-binomial");
    expect(model.cdf(5)).toBeCloseTo(0.8413696, 9);
    expect(model.loss(5)).toBeCloseTo(0.46656, 7);
    expect(model.averageLoss(2, 5, 1)).toBeCloseTo(0.9288, 7);
    expect(model.quantile(0.99)).toBe(12);
    expect(model.quantile(0.95)).toBe(8);
    // Below zero the loss is mean − y (hand).
    expect(model.loss(-2)).toBeCloseTo(5, 7);
  });

  it("tabulates the Poisson", () => {
    const model = poissonModel(2.5);
    expect(model.cdf(3)).toBeCloseTo(0.7575761331330662, 9);
    expect(model.loss(3)).toBeCloseTo(0.4131956096908742, 9);
    expect(model.quantile(0.95)).toBe(5);
  });

  it("hands a negative binomial too dispersed to tabulate to a gamma of the same moments", () => {
    const model = negativeBinomialModel(50, 500_000);
    expect(model.kind).toBe("gamma");
    expect(model.mean).toBe(50);
    expect(model.variance).toBe(500_000);
  });
});
