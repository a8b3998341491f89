/** Number formats for the reasons (no currency symbol: the analytics do not know the currency). */

/** 12,345 (money, whole units). */
export function amount(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

/** 12 / 3.5 / 0.25 — whole numbers bare, small ones with two decimals. */
export function quantity(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString("en-US");
  return value.toFixed(Math.abs(value) < 10 ? 2 : 1);
}

/** 27.0 d */
export function days(value: number): string {
  return `${value.toFixed(1)} d`;
}

/** 38 % */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** Money rounded to cents, for evidence values. */
export function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A ratio rounded to 0.001, for evidence values. */
export function ratio(value: number): number {
  return Math.round(value * 1000) / 1000;
}
