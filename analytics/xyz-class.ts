import type { XyzClass } from "./types.js";

/** CV cut-offs of {@link xyzClass}. */
export interface XyzCutoffs {
  /** Default 0.5. */
  readonly x?: number;
  /** Default 1.0. */
  readonly y?: number;
}

/**
 * XYZ class by the coefficient of variation of per-period demand: X (steady) at or below `x`, Y at or
 * below `y`, Z above, and Z without demand (nothing can be forecast).
 * @param cv the demand CV (`demandStatistics(...).cv`), or null without demand.
 * @param cutoffs `x` (default 0.5) and `y` (default 1.0).
 * @returns the class.
 * @example
 * xyzClass(0.3); // "X"
 * xyzClass(1.0); // "Y"
 * xyzClass(null); // "Z"
 */
export function xyzClass(cv: number | null, cutoffs: XyzCutoffs = {}): XyzClass {
  if (cv === null) return "Z";
  if (cv <= (cutoffs.x ?? 0.5)) return "X";
  return cv <= (cutoffs.y ?? 1.0) ? "Y" : "Z";
}
