/**
 * The standard normal distribution: density, distribution function, tail and quantile, for the
 * normal demand model (its loss functions are in `demand-model.ts`).
 *
 * erfc: W. J. Cody (1969), "Rational Chebyshev approximations for the error function", Math. Comp.
 * 23(107) 631–637, the three-interval form (relative error below 1e-15).
 * Quantile: P. J. Acklam's rational approximation (relative error 1.15e-9) refined by one Halley
 * step on Cody's erfc, which brings it to machine precision.
 */

const SQRT2 = Math.SQRT2;
const INV_SQRT_2PI = 0.3989422804014327;
const INV_SQRT_PI = 0.5641895835477563;
const SQRT_2PI = 2.5066282746310002;

const A = [
  3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315,
];
const B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.2368334391704];
const C = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769,
  1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
  4362.619090143247, 3439.3676741437216, 1230.3393548037495,
];
const P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275,
  6.587491615298378e-4, 0.016315387137302097,
];
const Q = [
  2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132,
  0.0023352049762686918,
];

/** exp(−y²) without the cancellation of computing y² directly for large y (Cody's split). */
function expMinusSquare(y: number): number {
  const head = Math.trunc(y * 16) / 16;
  const tail = (y - head) * (y + head);
  return Math.exp(-head * head) * Math.exp(-tail);
}

/** erfc(y)·exp(y²) for y > 0.46875: the rational part of Cody's second and third intervals. */
function scaledErfc(y: number): number {
  if (y <= 4) {
    let numerator = (C[8] as number) * y;
    let denominator = y;
    for (let i = 0; i < 7; i++) {
      numerator = (numerator + (C[i] as number)) * y;
      denominator = (denominator + (D[i] as number)) * y;
    }
    return (numerator + (C[7] as number)) / (denominator + (D[7] as number));
  }
  const z = 1 / (y * y);
  let numerator = (P[5] as number) * z;
  let denominator = z;
  for (let i = 0; i < 4; i++) {
    numerator = (numerator + (P[i] as number)) * z;
    denominator = (denominator + (Q[i] as number)) * z;
  }
  const ratio = (z * (numerator + (P[4] as number))) / (denominator + (Q[4] as number));
  return (INV_SQRT_PI - ratio) / y;
}

/** erfc(x) for |x| ≤ 0.46875: 1 − erf(x) by Cody's first interval. */
function erfcNearZero(x: number): number {
  const z = x * x;
  let numerator = (A[4] as number) * z;
  let denominator = z;
  for (let i = 0; i < 3; i++) {
    numerator = (numerator + (A[i] as number)) * z;
    denominator = (denominator + (B[i] as number)) * z;
  }
  return 1 - (x * (numerator + (A[3] as number))) / (denominator + (B[3] as number));
}

/** Complementary error function, erfc(x) = 1 − erf(x). */
export function erfc(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.46875) return erfcNearZero(x);
  const result = y >= 26.7 ? 0 : scaledErfc(y) * expMinusSquare(y);
  return x < 0 ? 2 - result : result;
}

/**
 * 1 − Φ(z) given the density φ(z) already computed: the tail shares its exponential with the density
 * (exp(−z²/2) = √(2π)·φ(z)), which halves the cost of evaluating both.
 */
export function normalSurvivalFromDensity(z: number, density: number): number {
  const y = Math.abs(z) / SQRT2;
  if (y <= 0.46875) return 0.5 * erfcNearZero(z / SQRT2);
  const tail = y >= 26.7 ? 0 : 0.5 * scaledErfc(y) * density * SQRT_2PI;
  return z < 0 ? 1 - tail : tail;
}

/** Standard normal density φ(z). */
export function normalPdf(z: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
}

/** Standard normal distribution function Φ(z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / SQRT2);
}

/** 1 − Φ(z), accurate in the upper tail. */
export function normalSurvival(z: number): number {
  return 0.5 * erfc(z / SQRT2);
}

const AQ = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const BQ = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
];
const CQ = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const DQ = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

/**
 * Standard normal quantile Φ⁻¹(p) for 0 < p < 1 (±Infinity at 0 and 1).
 * @throws {RangeError} outside [0, 1].
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must lie in [0, 1], got ${p}`);
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const low = 0.02425;
  let x: number;
  if (p < low || p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
    const c = CQ as [number, number, number, number, number, number];
    const d = DQ as [number, number, number, number];
    x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    if (p > 1 - low) x = -x;
  } else {
    const q = p - 0.5;
    const r = q * q;
    const a = AQ as [number, number, number, number, number, number];
    const b = BQ as [number, number, number, number, number];
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
  // One Halley step against the accurate distribution function.
  const error = p < 0.5 ? normalCdf(x) - p : 1 - p - normalSurvival(x);
  const u = error * Math.sqrt(2 * Math.PI) * Math.exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}
