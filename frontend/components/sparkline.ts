/**
 * A small inline SVG line of a series (demand per period, a KPI per run). SVG rather than a chart
 * so that a card or a product form draws it at once, without loading Chart.js.
 */
import { Component } from "@odoo/owl";

export const SPARKLINE_WIDTH = 120;
export const SPARKLINE_HEIGHT = 32;
// Keeps the stroke and the end dot inside the box.
const INSET = 2;

export interface SparklineGeometry {
  /** The SVG `points` of the line, oldest value on the left. */
  readonly line: string;
  /** The line closed along the bottom edge, for the shaded area. */
  readonly area: string;
  readonly last: { readonly x: number; readonly y: number };
}

/**
 * Lays a series out in a `width`×`height` box, the largest value at the top. The bottom is the
 * smallest value, so that a trend of a few percent shows, or zero with `fromZero`, so that
 * demand keeps its proportions (a steady item looks steady). A flat series is drawn mid-height.
 *
 * @returns `undefined` for fewer than two values, which make no line
 * @example
 * sparklineGeometry([10, 15, 20], 120, 32).line; // "2,30 60,16 118,2"
 * sparklineGeometry([10, 15, 20], 120, 32, true).line; // "2,16 60,9 118,2"
 */
export function sparklineGeometry(
  values: readonly number[],
  width: number,
  height: number,
  fromZero = false,
): SparklineGeometry | undefined {
  if (values.length < 2) return undefined;
  const low = fromZero ? Math.min(0, ...values) : Math.min(...values);
  const high = Math.max(...values);
  const span = high - low;
  const step = (width - 2 * INSET) / (values.length - 1);
  const coordinates = values.map((value, index) => {
    const share = span === 0 ? 0.5 : (value - low) / span;
    return {
      x: round(INSET + index * step),
      y: round(height - INSET - share * (height - 2 * INSET)),
    };
  });
  const line = coordinates.map(({ x, y }) => `${x},${y}`).join(" ");
  const first = coordinates[0] ?? { x: INSET, y: height };
  const last = coordinates[coordinates.length - 1] ?? first;
  const bottom = height - INSET;
  return { line, area: `${first.x},${bottom} ${line} ${last.x},${bottom}`, last };
}

const round = (value: number): number => Math.round(value * 100) / 100;

export interface SparklineProps {
  readonly values: readonly number[];
  readonly label: string;
  /** The drawing's proportions (it scales to its box): 120×32 by default. */
  readonly width?: number;
  readonly height?: number;
  /** Draw from zero rather than from the smallest value (see `sparklineGeometry`). */
  readonly fromZero?: boolean;
}

export class Sparkline extends Component<SparklineProps> {
  static override template = "inventory_segmentation.Sparkline";
  static override props = {
    values: Array,
    label: String,
    width: { type: Number, optional: true },
    height: { type: Number, optional: true },
    fromZero: { type: Boolean, optional: true },
  };

  get width(): number {
    return this.props.width ?? SPARKLINE_WIDTH;
  }

  get height(): number {
    return this.props.height ?? SPARKLINE_HEIGHT;
  }

  get geometry(): SparklineGeometry | undefined {
    return sparklineGeometry(this.props.values, this.width, this.height, this.props.fromZero);
  }
}
