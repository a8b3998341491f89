import { DOT, LOWER_E, MINUS, NINE, PLUS, UPPER_E, ZERO } from "./ascii.js";

// Exact powers of ten: every one up to 1e22 is representable, so one multiply or divide by them
// rounds correctly (Clinger's fast path, "How to read floating point numbers accurately", 1990).
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, exponent) => 10 ** exponent);
const MAX_EXACT_DIGITS = 15;

/**
 * Reads a plain decimal number (`12`, `-3.5`, `.25`, `1e-3`) straight from bytes, without making a
 * string. Thousands separators, currency signs and `NaN`/`Infinity` are not numbers here.
 * @returns the value, or NaN when the bytes are not a decimal number (an empty field included).
 * @example
 * parseDecimal(Buffer.from("x,-12.50,y"), 2, 8); // -12.5
 */
export function parseDecimal(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  let byte = bytes[i];
  if (byte === MINUS || byte === PLUS) {
    negative = byte === MINUS;
    byte = bytes[++i];
  }
  let mantissa = 0;
  let digits = 0;
  let significantDigits = 0;
  let scale = 0;
  while (i < end && byte !== undefined && byte >= ZERO && byte <= NINE) {
    if (mantissa !== 0 || byte !== ZERO) significantDigits++;
    mantissa = mantissa * 10 + (byte - ZERO);
    digits++;
    byte = bytes[++i];
  }
  if (i < end && byte === DOT) {
    byte = bytes[++i];
    while (i < end && byte !== undefined && byte >= ZERO && byte <= NINE) {
      if (mantissa !== 0 || byte !== ZERO) significantDigits++;
      mantissa = mantissa * 10 + (byte - ZERO);
      digits++;
      scale--;
      byte = bytes[++i];
    }
  }
  if (digits === 0) return Number.NaN;
  if (i < end && (byte === LOWER_E || byte === UPPER_E)) {
    byte = bytes[++i];
    let exponentNegative = false;
    if (byte === MINUS || byte === PLUS) {
      exponentNegative = byte === MINUS;
      byte = bytes[++i];
    }
    let exponent = 0;
    let exponentDigits = 0;
    while (i < end && byte !== undefined && byte >= ZERO && byte <= NINE) {
      exponent = exponent * 10 + (byte - ZERO);
      exponentDigits++;
      byte = bytes[++i];
    }
    if (exponentDigits === 0) return Number.NaN;
    scale += exponentNegative ? -exponent : exponent;
  }
  if (i !== end) return Number.NaN;
  if (significantDigits > MAX_EXACT_DIGITS || scale < -22 || scale > 22) {
    // Rare: too many digits for the exact path; let the engine's correctly rounded parser do it.
    const value = Number(
      Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("latin1"),
    );
    return Number.isFinite(value) ? value : Number.NaN;
  }
  const magnitude =
    scale < 0
      ? mantissa / (POWERS_OF_TEN[-scale] as number)
      : mantissa * (POWERS_OF_TEN[scale] as number);
  return negative ? -magnitude : magnitude;
}
