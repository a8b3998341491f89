/**
 * A canvas that draws the Chart.js configuration its owner builds from the theme. The chart is
 * built when the canvas mounts and rebuilt when `data` (the owner's answer) or `names` change; it
 * is destroyed with the component.
 */
import { Component, onWillStart, onWillUnmount, useEffect, useRef } from "@odoo/owl";
import type { ChartConfiguration } from "chart.js";
import {
  type ChartConstructor,
  type ChartInstance,
  type ChartTheme,
  chartTheme,
  loadChartLibrary,
} from "./chart-library.js";

export interface ChartCanvasProps {
  /** Whatever the configuration is built from: a new value redraws the chart. */
  readonly data: unknown;
  /** Names the configuration shows (tiers in the legend): a new value redraws the chart too. */
  readonly names?: object;
  readonly buildConfig: (theme: ChartTheme) => ChartConfiguration;
  /** Read by screen readers in place of the drawing. */
  readonly label: string;
}

export class ChartCanvas extends Component<ChartCanvasProps> {
  static override template = "inventory_segmentation.ChartCanvas";
  static override props = {
    data: { optional: false },
    names: { type: Object, optional: true },
    buildConfig: Function,
    label: String,
  };

  private library: ChartConstructor | undefined;
  private chart: ChartInstance | undefined;
  private readonly canvasRef = useRef<HTMLCanvasElement>("canvas");

  override setup(): void {
    onWillStart(async () => {
      this.library = await loadChartLibrary();
    });
    useEffect(
      () => this.draw(),
      () => [this.props.data, this.props.names],
    );
    onWillUnmount(() => this.chart?.destroy());
  }

  private draw(): void {
    const canvas = this.canvasRef.el;
    if (!canvas || !this.library) return;
    this.chart?.destroy();
    this.chart = new this.library(canvas, this.props.buildConfig(chartTheme(canvas)));
  }
}
