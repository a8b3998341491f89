/** HTML text helpers for the report. */

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text safe inside an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] as string);
}

/** JSON safe inside a `<script type="application/json">` element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** 12,345 */
export function money(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString("en-US") : "–";
}

/** 97.3 % (one decimal), or – for NaN/null. */
export function percent(share: number | null): string {
  // A no-break space keeps "93.0 %" on one line.
  return share === null || !Number.isFinite(share) ? "–" : `${(share * 100).toFixed(1)}\u00a0%`;
}

/** 12.3 (one decimal), or – for null. */
export function decimal(value: number | null, digits = 1): string {
  return value === null || !Number.isFinite(value) ? "–" : value.toFixed(digits);
}

/** A whole count with thousands separators. */
export function count(value: number): string {
  return value.toLocaleString("en-US");
}
