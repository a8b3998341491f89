/** `@web/views/fields/formatters`: en_US number formats. */
export function formatFloat(
  value: number,
  options: { digits?: [number, number]; trailingZeros?: boolean } = {},
): string {
  const decimals = options.digits?.[1] ?? 2;
  return value.toLocaleString("en-US", {
    minimumFractionDigits: options.trailingZeros === false ? 0 : decimals,
    maximumFractionDigits: decimals,
  });
}

export function formatInteger(value: number, options: { humanReadable?: boolean } = {}): string {
  if (options.humanReadable && Math.abs(value) >= 1000) return `${Math.round(value / 1000)}k`;
  return Math.round(value).toLocaleString("en-US");
}

export function formatPercentage(
  value: number,
  options: { digits?: [number, number] } = {},
): string {
  const decimals = options.digits?.[1] ?? 2;
  const formatted = (value * 100).toLocaleString("en-US", { maximumFractionDigits: decimals });
  return `${formatted}%`;
}
