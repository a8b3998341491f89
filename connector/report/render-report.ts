/**
 * The report as one self-contained HTML file: the data's tables and text, the chart.js UMD build
 * and the charts' configurations inlined, no request to the network. Tables carry a CSV button
 * (raw numbers in `data-value`), so the figures can be taken into a spreadsheet offline.
 */
import { CLIENT_SCRIPT } from "./client-script.js";
import { decimal, escapeHtml, money, percent, scriptJson } from "./html.js";
import { reportCharts } from "./report-charts.js";
import type { ReportData } from "./report-data.js";

const RULE_LABELS = {
  dual_source: "Dual-source",
  renegotiate_order_size: "Renegotiate MOQ / lot size",
  consignment: "Consignment / VMI",
  review_design: "Review design",
  review_vendor: "Review vendor",
  dispose_obsolete: "Dispose of obsolete stock",
} as const;

/** A table cell: its text, and the raw value the CSV takes when they differ. */
interface Cell {
  readonly text: string;
  readonly value?: string | number | null;
  readonly className?: string;
  readonly style?: string;
}

type CellLike = Cell | string | number;

const cell = (value: CellLike): Cell =>
  typeof value === "object" ? value : { text: typeof value === "number" ? String(value) : value };

const moneyCell = (value: number): Cell => ({
  text: money(value),
  value: Math.round(value * 100) / 100,
  className: "num",
});
const percentCell = (value: number | null): Cell => ({
  text: percent(value),
  value: value === null ? "" : Math.round(value * 10000) / 10000,
  className: "num",
});
const numberCell = (value: number | null, digits = 1): Cell => ({
  text: decimal(value, digits),
  value: value === null ? "" : Math.round(value * 1000) / 1000,
  className: "num",
});
const countCell = (value: number): Cell => ({
  text: value.toLocaleString("en-US"),
  value,
  className: "num",
});

function table(id: string, headers: readonly string[], rows: readonly CellLike[][]): string {
  const head = headers.map((header) => `<th>${escapeHtml(header)}</th>`).join("");
  const body = rows
    .map(
      (row) =>
        `<tr>${row
          .map((value) => {
            const c = cell(value);
            const attributes = [
              c.className ? ` class="${c.className}"` : "",
              c.style ? ` style="${c.style}"` : "",
              c.value !== undefined && c.value !== null
                ? ` data-value="${escapeHtml(String(c.value))}"`
                : "",
            ].join("");
            return `<td${attributes}>${escapeHtml(c.text)}</td>`;
          })
          .join("")}</tr>`,
    )
    .join("\n");
  return `<table id="${id}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function csvButton(tableId: string, fileName: string): string {
  return `<button type="button" class="csv" data-csv-table="${tableId}" data-csv-name="${fileName}">CSV</button>`;
}

function section(id: string, title: string, body: string, tableId?: string): string {
  const button = tableId ? csvButton(tableId, `${tableId}.csv`) : "";
  return `<section id="${id}"><h2>${escapeHtml(title)}${button}</h2>\n${body}\n</section>`;
}

const plural = (n: number, noun: string) =>
  `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;

const canvas = (id: string, height = 320) =>
  `<div class="chart" style="height:${height}px"><canvas id="${id}" role="img"></canvas></div>`;

/**
 * @param data the report's content.
 * @param chartJs the chart.js UMD source (see `chartJsSource`).
 * @returns the HTML document.
 */
export function renderReport(data: ReportData, chartJs: string): string {
  const charts = reportCharts(data);
  const has = (id: string) => charts.some((chart) => chart.id === id);
  const currency = data.currency ? ` (${escapeHtml(data.currency)})` : "";
  const h = data.headline;
  const kpis = [
    ["Items planned", h.items.toLocaleString("en-US")],
    [`Stock on hand${currency}`, money(h.onHandValue)],
    ["Excess above max", money(h.excessValue)],
    [`Carrying cost / year at ${percent(data.holdingRate)}`, money(h.carryingCost)],
    ["Planned average stock", money(h.plannedInventoryValue)],
    ["Vendors scored", h.vendors.toLocaleString("en-US")],
    ["Recommendations", h.recommendations.toLocaleString("en-US")],
  ]
    .map(
      ([label, value]) =>
        `<div class="kpi"><div class="kpi-value">${value}</div><div class="kpi-label">${escapeHtml(label as string)}</div></div>`,
    )
    .join("");
  const sections = [
    matrixSection(data),
    section(
      "scatter",
      "Variability against value",
      `<p>Each item by its annual consumption value (log scale) and the coefficient of variation of its ${data.period}ly demand, coloured by tier. ` +
        `Bottom right: valuable and steady; top right: valuable and erratic — the buffers that cost most.` +
        (data.scatterLeftOut > 0
          ? ` ${plural(data.scatterLeftOut, "item")} without consumption value ${data.scatterLeftOut === 1 ? "is" : "are"} left out (a log axis has no zero).`
          : "") +
        `</p>${has("chart-scatter") ? canvas("chart-scatter", 420) : '<p class="empty">No item has demand.</p>'}`,
    ),
    tierSection(data),
    section(
      "curves",
      "Cost of service",
      `<p>For each tier, the expected average stock value if every item of the tier were held at a service target: what each extra point of service costs.</p>` +
        (has("chart-curves") ? canvas("chart-curves", 340) : '<p class="empty">No curve.</p>'),
    ),
    backtestSection(data),
    vendorSection(data),
    recommendationSection(data),
    cashSection(data),
    data.notes.length > 0
      ? section(
          "notes",
          "What this source does not show",
          `<ul>${data.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join("")}</ul>`,
        )
      : "",
  ].join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(data.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(data.title)}</h1>
<p class="meta">${escapeHtml(data.source.description)} · planned on ${escapeHtml(data.period)}ly demand as of ${escapeHtml(data.asOf)} · projection from ${escapeHtml(data.asOfDay)} · generated ${escapeHtml(data.generatedAt)}</p>
<div class="kpis">${kpis}</div>
<nav>${NAV}</nav>
</header>
<main>
${sections}
</main>
<footer>Inventory segmentation report · money in ${data.currency ? escapeHtml(data.currency) : "the currency of the unit costs"} · charts drawn with Chart.js (MIT), embedded.</footer>
<script>${chartJs}</script>
<script type="application/json" id="report-charts">${scriptJson(charts)}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

const NAV = [
  ["matrix", "ABC × XYZ"],
  ["scatter", "Variability"],
  ["tiers", "Tiers"],
  ["curves", "Cost of service"],
  ["backtest", "Backtest"],
  ["vendors", "Suppliers"],
  ["recommendations", "Recommendations"],
  ["cash", "Cash projection"],
]
  .map(([id, label]) => `<a href="#${id}">${label}</a>`)
  .join("");

function matrixSection(data: ReportData): string {
  const total = data.matrix.reduce((sum, c) => sum + c.consumptionValue, 0);
  const largest = Math.max(...data.matrix.map((c) => c.consumptionValue), 1);
  const rows = (["A", "B", "C"] as const).map((abc) => [
    { text: abc, className: "rowhead" },
    ...(["X", "Y", "Z"] as const).map((xyz): Cell => {
      const c = data.matrix.find((m) => m.abc === abc && m.xyz === xyz);
      const share = total > 0 ? (c?.consumptionValue ?? 0) / total : 0;
      const alpha = 0.06 + (0.74 * (c?.consumptionValue ?? 0)) / largest;
      return {
        text: `${plural(c?.items ?? 0, "item")} · ${percent(share)} of value · ${money(c?.inventoryValue ?? 0)} on hand`,
        value: c?.items ?? 0,
        className: "cell",
        style: `background:rgba(61,133,198,${alpha.toFixed(3)})`,
      };
    }),
  ]);
  return section(
    "matrix",
    "ABC × XYZ",
    `<p>Items by annual consumption value (A: the items that make the first 80 %, B: the next 15 %, C: the rest) and by the variability of their demand (X: CV ≤ 0.5, Y: ≤ 1, Z: above). Shade: share of the consumption value.</p>` +
      table("table-matrix", ["", "X (steady)", "Y (variable)", "Z (erratic)"], rows),
    "table-matrix",
  );
}

function tierSection(data: ReportData): string {
  const rows = data.tiers.map((row) => [
    { text: row.tier, value: row.tier },
    countCell(row.items),
    {
      text: row.serviceTarget > 0 ? `${percent(row.serviceTarget)} ${row.serviceMeasure}` : "–",
      value: row.serviceTarget,
    },
    percentCell(row.expectedFillRate),
    moneyCell(row.plannedInventoryValue),
    moneyCell(row.annualHoldingCost),
    moneyCell(row.onHandValue),
    moneyCell(row.excessValue),
    moneyCell(row.carryingCost),
  ]);
  return section(
    "tiers",
    "Tiers",
    `<p>The policy each tier gets and what it holds: the expected fill rate of its reorder points, the average stock the policy plans and its holding cost, against the stock on hand now, the part above the policy's max, and its carrying cost a year at ${percent(data.holdingRate)}.</p>` +
      table(
        "table-tiers",
        [
          "tier",
          "items",
          "target",
          "expected fill rate",
          "planned stock",
          "holding cost / year",
          "on hand",
          "excess",
          "carrying cost / year",
        ],
        rows,
      ) +
      canvas("chart-tiers", 300),
    "table-tiers",
  );
}

function backtestSection(data: ReportData): string {
  const b = data.backtest;
  if (!b) {
    return section(
      "backtest",
      "Backtest: segmented against uniform",
      '<p class="empty">Too little history to hold some of it back for a replay.</p>',
    );
  }
  const rows = b.rows.map((row) => [
    row.tier,
    countCell(row.items),
    percentCell(row.segmented.targetFillRate),
    percentCell(row.segmented.fillRate),
    moneyCell(row.segmented.averageInventoryValue),
    countCell(row.segmented.stockoutPeriods),
    percentCell(row.uniform.fillRate),
    moneyCell(row.uniform.averageInventoryValue),
    countCell(row.uniform.stockoutPeriods),
  ]);
  return section(
    "backtest",
    "Backtest: segmented against uniform",
    `<p>Planned on the history up to ${escapeHtml(b.trainUntil)}, then replayed over the next ${b.testPeriods} periods (${escapeHtml(b.leadTime)} lead times, periodic review, backorders): each tier's own policy${b.portfolioGoal === null ? "" : `, asked for the ${percent(b.portfolioGoal)} fill rate the plan's demand models expect of the uniform rule (equal promised service),`} against every item at ${percent(b.baselineServiceTarget)} cycle service with a normal z·σ·√(L+R) safety stock.</p>` +
      table(
        "table-backtest",
        [
          "tier",
          "items",
          "target fill",
          "segmented: fill",
          "segmented: avg stock",
          "segmented: stockout periods",
          "uniform: fill",
          "uniform: avg stock",
          "uniform: stockout periods",
        ],
        rows,
      ) +
      `<div class="pair">${canvas("chart-backtest-inventory", 280)}${canvas("chart-backtest-fill", 280)}</div>`,
    "table-backtest",
  );
}

function vendorSection(data: ReportData): string {
  if (data.vendors.length === 0) {
    return section(
      "vendors",
      "Supplier scorecards",
      '<p class="empty">No vendor, offer or receipt in this source.</p>',
    );
  }
  const rows = data.vendors.map((v) => [
    countCell(v.rank),
    { text: v.name, value: v.name, className: "name" },
    numberCell(v.risk),
    countCell(v.receipts),
    percentCell(v.onTimeRate),
    numberCell(v.leadTimeDays),
    numberCell(v.leadTimeSdDays),
    numberCell(v.recentLeadTimeDays),
    numberCell(v.earlierLeadTimeDays),
    percentCell(v.driftRatio),
    numberCell(v.promisedDays),
    numberCell(v.gapDays),
    countCell(v.critical),
    countCell(v.essential),
    countCell(v.singleSourced),
    moneyCell(v.purchaseValue),
    { text: v.reason, className: "reason" },
  ]);
  return section(
    "vendors",
    "Supplier scorecards",
    `<p>Every vendor ranked by a 0–100 risk score a buyer can check: <b>drift</b> of its lead time in the last 90 days against before (30 points at +50 %), <b>lateness</b> against the promised date (15), lead time <b>later than the promised delay</b> (15 at +50 %), lead-time <b>spread</b> (10 at a CV of 0.5), and <b>exposure</b>: the critical and essential components it supplies, 3 units per critical one it alone supplies, 1.5 per such essential one, 1 per shared critical, 0.5 per shared essential (30 points at 10 units).</p>` +
      canvas("chart-vendors", Math.max(220, 26 * Math.min(15, data.vendors.length) + 60)) +
      `<div class="scroll">${table(
        "table-vendors",
        [
          "rank",
          "vendor",
          "risk",
          "receipts",
          "on time",
          "lead time (d)",
          "sd (d)",
          "last 90 d",
          "before",
          "drift",
          "promised (d)",
          "late vs promise (d)",
          "critical",
          "essential",
          "only source of",
          "purchases 12 m",
          "why",
        ],
        rows,
      )}</div>`,
    "table-vendors",
  );
}

function recommendationSection(data: ReportData): string {
  const chips = Object.entries(data.recommendationCounts)
    .filter(([, n]) => n > 0)
    .map(
      ([rule, n]) =>
        `<span class="chip">${escapeHtml(RULE_LABELS[rule as keyof typeof RULE_LABELS])}: ${n.toLocaleString("en-US")}</span>`,
    )
    .join(" ");
  const rows = data.recommendations.map((r) => [
    { text: r.priority, className: `priority ${r.priority}` },
    { text: RULE_LABELS[r.rule], value: r.rule, className: "name" },
    { text: r.sku, className: "name" },
    { text: r.vendor ?? "", className: "name" },
    r.audience,
    moneyCell(r.value),
    { text: r.reason, className: "reason" },
  ]);
  const shown =
    data.recommendations.length < data.headline.recommendations
      ? `The ${data.recommendations.length} most urgent of ${data.headline.recommendations.toLocaleString("en-US")}`
      : "All recommendations";
  return section(
    "recommendations",
    "Top recommendations",
    `<p>${shown}, taken in turns from each kind of action, by priority, then money at stake (the spend through a single source, the stock a change frees, the safety stock variability costs, the value of obsolete stock). ${chips}</p>` +
      (rows.length > 0
        ? table(
            "table-recommendations",
            ["priority", "action", "item", "vendor", "for", "at stake", "why"],
            rows,
          )
        : '<p class="empty">Nothing to recommend.</p>'),
    rows.length > 0 ? "table-recommendations" : undefined,
  );
}

function cashSection(data: ReportData): string {
  const c = data.cash;
  const rows = c.dates.map((date, week) => [
    countCell(week),
    date,
    moneyCell(c.current[week] ?? 0),
    moneyCell(c.suggested[week] ?? 0),
    moneyCell((c.suggested[week] ?? 0) - (c.current[week] ?? 0)),
  ]);
  const last = c.dates.length - 1;
  const gap = (c.suggested[last] ?? 0) - (c.current[last] ?? 0);
  return section(
    "cash",
    "Cash projection, next 13 weeks",
    `<p>Every item simulated week by week from its stock on hand, its open purchases and its forecast: the inventory investment under today's rules against the rules if every pending suggestion were accepted. ${escapeHtml(c.rulesNote)} ` +
      `In week ${last} the suggestions ${gap >= 0 ? "tie up" : "release"} <b>${money(Math.abs(gap))}</b>.</p>` +
      canvas("chart-cash", 320) +
      table(
        "table-cash",
        ["week", "date", "today's rules", "suggestions accepted", "difference"],
        rows,
      ),
    "table-cash",
  );
}

const STYLE = `
:root{--ink:#222;--muted:#666;--line:#ddd;--accent:#3d85c6;}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 -apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;color:var(--ink);background:#f6f7f9}
header{background:#fff;border-bottom:1px solid var(--line);padding:20px 32px 8px}
h1{margin:0 0 4px;font-size:24px}
.meta{margin:0 0 14px;color:var(--muted)}
.kpis{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:12px}
.kpi{background:#f6f7f9;border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:150px}
.kpi-value{font-size:20px;font-weight:600}
.kpi-label{color:var(--muted);font-size:12px}
nav a{margin-right:16px;color:var(--accent);text-decoration:none}
main{padding:8px 32px 32px;max-width:1400px}
section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:16px 20px;margin:16px 0}
h2{margin:0 0 8px;font-size:18px;display:flex;align-items:center;gap:12px}
p{margin:4px 0 12px;max-width:1100px}
.chart{position:relative;width:100%;margin:8px 0}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:16px}
table{border-collapse:collapse;width:100%;margin:8px 0;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:#fafafa}
.scroll th{position:sticky;top:0}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.reason{min-width:340px;color:#333}
#table-vendors td.reason{min-width:260px}
td.name{white-space:nowrap}
td.cell{text-align:center;padding:14px 8px}
td.rowhead{font-weight:600;text-align:center}
.scroll{max-height:520px;overflow:auto;border:1px solid var(--line)}
.chip{display:inline-block;background:#eef3f9;border-radius:10px;padding:1px 8px;margin:2px}
.priority.high{color:#c62828;font-weight:600}
.priority.medium{color:#ef6c00}
.priority.low{color:var(--muted)}
button.csv{font-size:11px;padding:1px 8px;border:1px solid var(--line);border-radius:4px;background:#fafafa;cursor:pointer}
.empty{color:var(--muted);font-style:italic}
footer{color:var(--muted);padding:0 32px 24px;font-size:12px}
@media print{nav,button.csv{display:none}.scroll{max-height:none}}
`;
