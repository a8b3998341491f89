/**
 * Distributions of demand over an interval (lead time, or lead time + review period), behind one
 * interface so that reorder points, fill rates and cycle service are computed the same way whatever
 * the model. Each model answers P(X ≤ x), the first-order loss E[(X − x)⁺], a quantile, and the mean
 * of the loss over an inventory position spread evenly between the reorder point and the max — the
 * quantity the periodic-review fill rate needs (see `service-level.ts`).
 */
import type { DemandDistribution } from "../types.js";
import { logGamma, upperRegularizedGamma } from "./gamma-function.js";
import { normalPdf, normalQuantile, normalSurvivalFromDensity } from "./normal.js";

export interface DemandModel {
  readonly kind: DemandDistribution;
  readonly mean: number;
  readonly variance: number;
  /** P(X ≤ x). */
  cdf(x: number): number;
  /** E[(X − x)⁺]: expected demand beyond x. */
  loss(x: number): number;
  /**
   * The mean of `loss(y)` for an inventory position y spread evenly over [from, to]. Discrete models
   * average over the integers; continuous ones integrate, and with `lattice` > 0 (positions move in
   * steps of `lattice`) turn the integral into the sum over that lattice by the Euler–Maclaurin
   * formula (end and first-derivative terms).
   */
  averageLoss(from: number, to: number, lattice: number): number;
  /** P(X ≤ from) of the last `averageLoss` call: free with it, and what cycle service needs. */
  readonly fromCdf: number;
  /** E[(X − to)⁺] of the last `averageLoss` call: free with it, and the loss at the max. */
  readonly toLoss: number;
  /** The smallest x with P(X ≤ x) ≥ p. */
  quantile(p: number): number;
}

/**
 * A continuous model. Subclasses evaluate P(X ≤ x), E[(X − x)⁺] and ½E[((X − x)⁺)²] together at one
 * point (they share the expensive special functions) into `at`, a scratch record reused across calls
 * so that hot loops allocate nothing.
 */
abstract class ContinuousModel implements DemandModel {
  abstract readonly kind: DemandDistribution;
  abstract readonly mean: number;
  abstract readonly variance: number;
  protected readonly at = { cdf: 0, loss: 0, loss2: 0 };
  fromCdf = 0;
  toLoss = 0;
  /** Fills `at` for the point x. */
  protected abstract evaluate(x: number): void;
  abstract quantile(p: number): number;

  cdf(x: number): number {
    this.evaluate(x);
    return this.at.cdf;
  }
  loss(x: number): number {
    this.evaluate(x);
    return this.at.loss;
  }
  loss2(x: number): number {
    this.evaluate(x);
    return this.at.loss2;
  }

  averageLoss(from: number, to: number, lattice: number): number {
    const width = to - from;
    this.evaluate(from);
    this.fromCdf = this.at.cdf;
    if (!(width > 1e-9 * Math.max(1, Math.abs(to)))) {
      this.toLoss = this.at.loss;
      return this.at.loss;
    }
    const { cdf: cdfFrom, loss: lossFrom, loss2: loss2From } = this.at;
    this.evaluate(to);
    this.toLoss = this.at.loss;
    const integral = loss2From - this.at.loss2;
    if (lattice > 0) {
      // Σ over the lattice ≈ (∫ + h·(G(a) + G(b))/2 + h²·(G′(b) − G′(a))/12) / h, with G′ = F − 1.
      const ends = (lattice * (lossFrom + this.at.loss)) / 2;
      const slopes = (lattice * lattice * (this.at.cdf - cdfFrom)) / 12;
      return (integral + ends + slopes) / (width + lattice);
    }
    return integral / width;
  }
}

/** Normal with the given mean and standard deviation (a point mass when sd is 0). */
export class NormalModel extends ContinuousModel {
  readonly kind = "normal" as const;
  readonly variance: number;
  constructor(
    readonly mean: number,
    readonly sd: number,
  ) {
    super();
    this.variance = sd * sd;
  }
  protected evaluate(x: number): void {
    const at = this.at;
    if (this.sd === 0) {
      const short = Math.max(0, this.mean - x);
      at.cdf = x >= this.mean ? 1 : 0;
      at.loss = short;
      at.loss2 = 0.5 * short * short;
      return;
    }
    const z = (x - this.mean) / this.sd;
    const density = normalPdf(z);
    const survival = normalSurvivalFromDensity(z, density);
    at.cdf = 1 - survival;
    // Silver, Pyke & Thomas (2017) eq. B.5 and Zipkin (2000) §C.3.3, scaled by σ and σ².
    at.loss = this.sd * (density - z * survival);
    at.loss2 = 0.5 * this.variance * ((1 + z * z) * survival - z * density);
  }
  quantile(p: number): number {
    return this.mean + this.sd * normalQuantile(p);
  }
}

/**
 * Gamma with the given mean and variance: shape k = mean²/variance, scale θ = variance/mean.
 * Loss functions from the identity x·f_k(x) = kθ·f_(k+1)(x):
 * E[(X − x)⁺] = kθ·Q(k + 1, x/θ) − x·Q(k, x/θ), and
 * ½E[((X − x)⁺)²] = ½[k(k + 1)θ²·Q(k + 2, x/θ) − 2xkθ·Q(k + 1, x/θ) + x²·Q(k, x/θ)],
 * with Q(a + 1, t) = Q(a, t) + tᵃe⁻ᵗ/Γ(a + 1).
 * Source: Burgin (1975), "The gamma distribution and inventory control", ORQ 26(3) 507–525.
 */
export class GammaModel extends ContinuousModel {
  readonly kind = "gamma" as const;
  readonly shape: number;
  readonly scale: number;
  private readonly logGammaNext: number;
  private readonly logGammaAfter: number;
  constructor(
    readonly mean: number,
    readonly variance: number,
  ) {
    super();
    this.shape = (mean * mean) / variance;
    this.scale = variance / mean;
    this.logGammaNext = logGamma(this.shape + 1);
    this.logGammaAfter = logGamma(this.shape + 2);
  }
  protected evaluate(x: number): void {
    const at = this.at;
    if (x <= 0) {
      at.cdf = 0;
      at.loss = this.mean - x;
      at.loss2 = 0.5 * (this.variance + (this.mean - x) ** 2);
      return;
    }
    const k = this.shape;
    const theta = this.scale;
    const t = x / theta;
    const logT = Math.log(t);
    const q0 = upperRegularizedGamma(k, t);
    const q1 = q0 + Math.exp(k * logT - t - this.logGammaNext);
    const q2 = q1 + Math.exp((k + 1) * logT - t - this.logGammaAfter);
    at.cdf = 1 - q0;
    at.loss = Math.max(0, this.mean * q1 - x * q0);
    at.loss2 = Math.max(
      0,
      0.5 * (k * (k + 1) * theta * theta * q2 - 2 * x * k * theta * q1 + x * x * q0),
    );
  }
  quantile(p: number): number {
    if (p <= 0) return 0;
    const k = this.shape;
    const logNormaliser = logGamma(k) + k * Math.log(this.scale);
    // Wilson–Hilferty start, then safeguarded Newton steps on P(k, x/θ) = p.
    const z = normalQuantile(p);
    let x = Math.max(1e-12, k * (1 - 1 / (9 * k) + z / (3 * Math.sqrt(k))) ** 3) * this.scale;
    let low = 0;
    let high = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 100; i++) {
      const error = this.cdf(x) - p;
      if (error > 0) high = x;
      else low = x;
      const density = Math.exp((k - 1) * Math.log(x) - x / this.scale - logNormaliser);
      let next = density > 0 ? x - error / density : Number.NaN;
      if (!(next > low && next < high)) next = Number.isFinite(high) ? (low + high) / 2 : 2 * x;
      if (Math.abs(next - x) <= 1e-12 * x) return next;
      x = next;
    }
    return x;
  }
}

/**
 * A distribution on 0, 1, 2, … tabulated from its probabilities, with the loss and its running sum
 * H(y) = Σ_{j ≥ y} E[(X − j)⁺] so that an average over inventory positions costs O(1).
 * The tables live in buffers that grow as needed and are reused by the next `load…` call, so that a
 * planning run over many items tabulates without allocating per item.
 */
export class DiscreteModel implements DemandModel {
  kind: DemandDistribution = "negative-binomial";
  mean = 0;
  variance = 0;
  fromCdf = 0;
  toLoss = 0;
  private size = 0;
  private cumulative = new Float64Array(64);
  private losses = new Float64Array(65);
  private lossSums = new Float64Array(66);

  /**
   * Negative binomial with the given mean and variance (variance > mean): r = mean²/(variance −
   * mean), p = mean/variance; P(0) = p^r, P(k) = P(k − 1)·(k − 1 + r)/k·(1 − p).
   * @returns false when P(0) would underflow or the table would exceed its maximum length: use a
   *   continuous model instead.
   */
  loadNegativeBinomial(mean: number, variance: number): boolean {
    const p = mean / variance;
    const r = (mean * mean) / (variance - mean);
    const logZero = r * Math.log(p);
    // (k − 1 + r)/k·q = q + (r − 1)q/k.
    return (
      logZero >= -700 &&
      this.loadRecursive("negative-binomial", Math.exp(logZero), 1 - p, (r - 1) * (1 - p), mean)
    );
  }

  /** Poisson with the given mean. @returns false when the table would be too long (large means). */
  loadPoisson(mean: number): boolean {
    return mean <= 700 && this.loadRecursive("poisson", Math.exp(-mean), 0, mean, mean);
  }

  /**
   * Tabulates a distribution of Panjer's (a, b, 0) class, P(k) = P(k − 1)·(a + b/k) — Poisson,
   * negative binomial and binomial (Panjer 1981, ASTIN Bulletin 12(1) 22–26) — until the tail holds
   * less than `TAIL`. @returns false when that takes more than `MAX_SUPPORT` entries.
   */
  private loadRecursive(
    kind: DemandDistribution,
    zero: number,
    a: number,
    b: number,
    mean: number,
  ): boolean {
    this.kind = kind;
    let probability = zero;
    let cumulative = 0;
    let k = 0;
    for (; k < MAX_SUPPORT; k++) {
      if (k > 0) probability *= a + b / k;
      this.ensure(k + 1);
      this.cumulative[k] = probability;
      cumulative += probability;
      if (k > mean && 1 - cumulative < TAIL) break;
    }
    if (k >= MAX_SUPPORT) return false;
    this.finish(k + 1);
    return true;
  }

  /** An empirical distribution: `counts[k]` observations of demand k (bootstraps). */
  loadCounts(kind: DemandDistribution, counts: ArrayLike<number>, size: number): void {
    this.kind = kind;
    this.ensure(size);
    for (let k = 0; k < size; k++) this.cumulative[k] = counts[k] as number;
    this.finish(size);
  }

  cdf(x: number): number {
    if (x < 0) return 0;
    const k = Math.floor(x);
    return k >= this.size ? 1 : (this.cumulative[k] as number);
  }

  loss(x: number): number {
    const k = Math.ceil(x);
    if (k <= 0) return this.mean - x;
    // Between integers the loss is linear.
    const lower = Math.floor(x);
    if (lower !== k) {
      const weight = x - lower;
      return (1 - weight) * this.lossAt(lower) + weight * this.lossAt(k);
    }
    return this.lossAt(k);
  }

  averageLoss(from: number, to: number, _lattice: number): number {
    this.fromCdf = this.cdf(from);
    this.toLoss = this.loss(to);
    const first = Math.ceil(from - 1e-9);
    const last = Math.max(first, Math.floor(to + 1e-9));
    return (this.lossSumFrom(first) - this.lossSumFrom(last + 1)) / (last - first + 1);
  }

  quantile(p: number): number {
    if (p <= 0) return 0;
    const table = this.cumulative;
    let low = 0;
    let high = this.size - 1;
    if ((table[high] as number) < p) return this.size;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((table[middle] as number) >= p) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** Grows the buffers to hold at least `size` probabilities, keeping what they hold. */
  private ensure(size: number): void {
    if (size <= this.cumulative.length) return;
    const grown = new Float64Array(Math.max(size, this.cumulative.length * 2));
    grown.set(this.cumulative);
    this.cumulative = grown;
    this.losses = new Float64Array(grown.length + 1);
    this.lossSums = new Float64Array(grown.length + 2);
  }

  /** Turns the probabilities in `cumulative[0, size)` into the tables, renormalising the tail away. */
  private finish(size: number): void {
    const probabilities = this.cumulative;
    let total = 0;
    let first = 0;
    let second = 0;
    for (let k = 0; k < size; k++) {
      const p = probabilities[k] as number;
      total += p;
      first += k * p;
      second += k * k * p;
    }
    this.size = size;
    this.mean = first / total;
    this.variance = Math.max(0, second / total - this.mean * this.mean);
    let cumulative = 0;
    let loss = this.mean;
    for (let k = 0; k < size; k++) {
      this.losses[k] = loss;
      cumulative += (probabilities[k] as number) / total;
      probabilities[k] = Math.min(1, cumulative);
      loss = Math.max(0, loss - (1 - cumulative));
    }
    this.losses[size] = loss;
    this.lossSums[size + 1] = 0;
    for (let k = size; k >= 0; k--) {
      this.lossSums[k] = (this.lossSums[k + 1] as number) + (this.losses[k] as number);
    }
  }

  private lossAt(k: number): number {
    if (k < 0) return this.mean - k;
    return k <= this.size ? (this.losses[k] as number) : 0;
  }

  /** Σ_{j ≥ y} E[(X − j)⁺], for any integer y. */
  private lossSumFrom(y: number): number {
    if (y > this.size) return 0;
    if (y >= 0) return this.lossSums[y] as number;
    const steps = -y;
    // Below zero the loss is mean − j: add the arithmetic series.
    return (this.lossSums[0] as number) + steps * this.mean + (steps * (steps + 1)) / 2;
  }
}

/** The demand of an item with no demand: zero. */
export class ZeroModel implements DemandModel {
  readonly kind = "none" as const;
  readonly mean = 0;
  readonly variance = 0;
  fromCdf = 1;
  toLoss = 0;
  cdf(x: number): number {
    return x >= 0 ? 1 : 0;
  }
  loss(x: number): number {
    return Math.max(0, -x);
  }
  averageLoss(from: number, to: number, _lattice: number): number {
    this.fromCdf = this.cdf(from);
    this.toLoss = this.loss(to);
    return Math.max(0, -(from + to) / 2);
  }
  quantile(_p: number): number {
    return 0;
  }
}

/** Tables stop once the remaining tail holds less than this probability. */
const TAIL = 1e-10;
/**
 * Tables longer than this hand over to a gamma with the same moments: only very overdispersed or
 * large demands get there, where the gamma tracks the negative binomial closely and costs O(1).
 */
const MAX_SUPPORT = 640;

/**
 * Negative binomial with the given mean and variance (variance > mean), tabulated into `into` when
 * given (reusing its buffers), else into a new model; a gamma with the same moments when the table
 * would be too long (see `MAX_SUPPORT`).
 */
export function negativeBinomialModel(
  mean: number,
  variance: number,
  into?: DiscreteModel,
): DemandModel {
  const model = into ?? new DiscreteModel();
  return model.loadNegativeBinomial(mean, variance) ? model : new GammaModel(mean, variance);
}

/** Poisson with the given mean (see {@link negativeBinomialModel}); a gamma for large means. */
export function poissonModel(mean: number, into?: DiscreteModel): DemandModel {
  const model = into ?? new DiscreteModel();
  return model.loadPoisson(mean) ? model : new GammaModel(mean, mean);
}
