/** `@web/core/currency`: amounts as "$ 1,234.50", or "$ 1.23k" when human-readable. */
export function formatCurrency(
  amount: number,
  _currencyId: number | undefined,
  options: { humanReadable?: boolean } = {},
): string {
  if (options.humanReadable && Math.abs(amount) >= 1000) {
    const units = ["k", "M", "G"];
    let value = amount;
    let unit = "";
    for (const next of units) {
      if (Math.abs(value) < 1000) break;
      value /= 1000;
      unit = next;
    }
    return `$ ${value.toFixed(2)}${unit}`;
  }
  return `$ ${amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
