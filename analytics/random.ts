/**
 * A small seeded pseudo-random generator, so that bootstraps, generated demo plants and simulated
 * test series are reproducible to the bit. Uniforms come from sfc32 (Chris Doty-Humphrey's Small
 * Fast Counting generator, PractRand-clean), seeded through splitmix32.
 */

/** A reproducible stream of random draws. Not for cryptography. */
export interface Random {
  /** A uniform draw in [0, 1). */
  next(): number;
  /** A uniform integer in [0, n). */
  int(n: number): number;
  /** A standard normal draw (Marsaglia polar method). */
  normal(): number;
  /** A gamma draw with the given shape and scale 1 (Marsaglia–Tsang 2000). */
  gamma(shape: number): number;
  /** A Poisson draw: Knuth's product method below mean 30, a rounded normal above. */
  poisson(mean: number): number;
}

/**
 * Creates a generator from an integer seed.
 * @param seed any integer; equal seeds give equal streams.
 * @example
 * const random = createRandom(42);
 * random.int(6); // the same die roll on every machine
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const splitmix = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let counter = 1;

  const next = (): number => {
    const t = (((a + b) >>> 0) + counter) >>> 0;
    counter = (counter + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4_294_967_296;
  };
  // Warm up so that close seeds do not start on close states.
  for (let i = 0; i < 12; i++) next();

  let spareNormal: number | undefined;
  const normal = (): number => {
    if (spareNormal !== undefined) {
      const value = spareNormal;
      spareNormal = undefined;
      return value;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * next() - 1;
      v = 2 * next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    spareNormal = v * factor;
    return u * factor;
  };

  const gamma = (shape: number): number => {
    if (!(shape > 0)) throw new RangeError(`gamma shape must be > 0, got ${shape}`);
    // Shapes below 1 use the boost G(a) = G(a + 1) · U^(1/a).
    if (shape < 1) return gamma(shape + 1) * next() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = next();
      if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  };

  const poisson = (mean: number): number => {
    if (!(mean >= 0)) throw new RangeError(`poisson mean must be ≥ 0, got ${mean}`);
    if (mean >= 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
    const limit = Math.exp(-mean);
    let count = 0;
    let product = next();
    while (product > limit) {
      count++;
      product *= next();
    }
    return count;
  };

  const int = (n: number): number => Math.floor(next() * n);

  return { next, int, normal, gamma, poisson };
}
