/**
 * `@web/core/assets`: `loadBundle("web.chartjs_lib")` defines the global `Chart`, here a recorder
 * of the configurations the components draw (jsdom has no canvas to draw on).
 */
export interface RecordedChart {
  readonly canvas: HTMLCanvasElement;
  readonly config: {
    type: string;
    data: { datasets: unknown[] };
    options: Record<string, unknown>;
  };
  destroyed: boolean;
}

export const charts: RecordedChart[] = [];
export const loadedBundles: string[] = [];

class FakeChart {
  readonly record: RecordedChart;

  constructor(canvas: HTMLCanvasElement, config: RecordedChart["config"]) {
    this.record = { canvas, config, destroyed: false };
    charts.push(this.record);
  }

  destroy(): void {
    this.record.destroyed = true;
  }
}

export async function loadBundle(name: string): Promise<void> {
  loadedBundles.push(name);
  if (name === "web.chartjs_lib") (globalThis as { Chart?: unknown }).Chart = FakeChart;
}
