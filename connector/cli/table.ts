/**
 * Plain-text tables for the terminal: a header row, a rule, right-aligned numbers.
 * @example
 * renderTable(["tier", "items"], [["critical", "12"]]);
 * // "tier      items\n────────  ─────\ncritical     12"
 */
export function renderTable(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  // A column whose cells all start like a number (or are "–": none) is right-aligned.
  const numeric = header.map((_, column) =>
    rows.every((row) => /^[-+−–\d]/.test(row[column] ?? "")),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] as number;
        return column > 0 && numeric[column] ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "─".repeat(width)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** 0.9712 → "97.1 %"; a share that does not exist (null, NaN: no demand to serve) → "–". */
export function percent(share: number | null): string {
  return share === null || !Number.isFinite(share) ? "–" : `${(share * 100).toFixed(1)} %`;
}

/** 1234567.8 → "1,234,568". */
export function money(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}
