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

/** Σ wᵢxᵢ ÷ Σ wᵢ; 1 when the weights sum to 0 (a fill rate without demand is not a shortfall). */
export function weightedMean(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    sum += (values[i] as number) * (weights[i] as number);
    total += weights[i] as number;
  }
  return total > 0 ? sum / total : 1;
}
