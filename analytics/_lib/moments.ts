/** Arithmetic mean of a non-empty array. */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return sum / values.length;
}

/** Σ (x − center)², the numerator of a variance; two-pass for accuracy. */
export function sumOfSquaredDeviations(values: ArrayLike<number>, center: number): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const deviation = (values[i] as number) - center;
    sum += deviation * deviation;
  }
  return sum;
}
