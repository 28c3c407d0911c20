// One self-contained HTML page from a report view model: chart.js's UMD build is inlined, the data travels as an
// inline JSON block, and a Content-Security-Policy forbids every fetch, so the file opens offline anywhere.
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { batchCharts, singleRunCharts, type ChartSpec } from "./ReportCharts.ts"
import { compareCharts, heatColor, sweepCharts } from "./DecisionCharts.ts"
import type { CompareReportModel, SweepReportModel } from "./DecisionModels.ts"
import { centsToUsd, formatNumber, formatPercent, formatUsd, satsToBtc } from "./ReportFormat.ts"
import type {
  AssumptionTable, BatchReportModel, Headline, MonthlyTable, ReportMeta, ReportModel, SingleRunReportModel, SummaryTable, TableUnit
} from "./ReportModel.ts"

/** The chart.js version the page embeds (the dependency of @hashsim/cli). */
export const chartJsFile = (): string => {
  // chart.js's exports map hides dist/, so find the package through its main entry and take the UMD build beside it.
  const main = createRequire(import.meta.url).resolve("chart.js")
  return join(dirname(main), "chart.umd.min.js")
}

let chartJsSource: string | undefined
const chartJs = (): string => {
  if (chartJsSource === undefined) chartJsSource = readFileSync(chartJsFile(), "utf8")
  return chartJsSource
}

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;")

/** Text that is safe inside a <script> element: no "</script", no "<!--" (JSON and JS both accept \u003c). */
const scriptSafe = (text: string): string => text.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--")
const jsonForScript = (value: unknown): string => JSON.stringify(value).replace(/</g, "\\u003c")

// The page's own script: a plugin that draws plan events as dashed vertical lines on a category time axis
// (chart.js has no such thing built in, and the annotation plugin would be a second dependency), then one
// chart per spec. `window.hashsimCharts` lets the browser check inspect the chart.js instances.
const pageScript = `
(function () {
  "use strict";
  var markerPlugin = {
    id: "hashsimMarkers",
    afterDatasetsDraw: function (chart, _args, options) {
      var markers = options && options.markers;
      if (!markers || markers.length === 0) return;
      var x = chart.scales.x, area = chart.chartArea, ctx = chart.ctx, labels = chart.data.labels || [];
      ctx.save();
      ctx.font = "10px system-ui, sans-serif";
      for (var i = 0; i < markers.length; i++) {
        var index = labels.indexOf(markers[i].at);
        if (index < 0) continue;
        var px = x.getPixelForValue(index);
        // Neighbouring markers take turns on four label rows so their labels overlap less.
        var n = i % 4;
        ctx.strokeStyle = "rgba(80,80,80,0.55)";
        ctx.setLineDash([3, 3]);
        ctx.beginPath(); ctx.moveTo(px, area.top); ctx.lineTo(px, area.bottom); ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = "rgba(40,40,40,0.85)";
        ctx.fillText(markers[i].label, px + 3, area.top + 10 + 11 * n);
      }
      ctx.restore();
    }
  };
  Chart.register(markerPlugin);
  Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  var specs = JSON.parse(document.getElementById("hashsim-charts").textContent);
  var charts = [];
  for (var i = 0; i < specs.length; i++) {
    var config = specs[i].config;
    var legend = config.options && config.options.plugins && config.options.plugins.legend;
    if (legend && legend.labels && legend.labels.filter === "fan") {
      legend.labels.filter = function (item) { return item.text !== "P5" && item.text !== "P25"; };
    }
    charts.push({ id: specs[i].id, chart: new Chart(document.getElementById(specs[i].id), config) });
  }
  window.hashsimCharts = charts;
  document.documentElement.setAttribute("data-charts-ready", String(charts.length));
})();
`

const css = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1f2937; background: #f7f7f5; }
header { background: #14213d; color: #fff; padding: 20px 32px; }
header h1 { margin: 0 0 4px; font-size: 22px; }
header p { margin: 0; opacity: 0.85; font-size: 14px; }
main { padding: 20px 32px 40px; max-width: 1400px; margin: 0 auto; }
h2 { font-size: 17px; margin: 28px 0 10px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 10px; }
.tile { background: #fff; border: 1px solid #e5e7eb; border-radius: 6px; padding: 10px 12px; }
.tile .label { font-size: 12px; color: #6b7280; }
.tile .value { font-size: 20px; font-weight: 600; margin-top: 2px; }
.tile .detail { font-size: 11px; color: #6b7280; margin-top: 2px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 14px; }
figure { margin: 0; background: #fff; border: 1px solid #e5e7eb; border-radius: 6px; padding: 12px 14px; break-inside: avoid; }
figure h3 { margin: 0 0 6px; font-size: 15px; }
.plot { position: relative; height: 300px; }
figcaption { font-size: 12px; color: #4b5563; margin-top: 6px; }
table { border-collapse: collapse; font-size: 12px; background: #fff; margin: 6px 0 14px; }
th, td { border: 1px solid #e5e7eb; padding: 3px 8px; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #f3f4f6; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; font-size: 13px; margin: 0; }
dl.meta dt { color: #6b7280; } dl.meta dd { margin: 0; font-family: ui-monospace, monospace; word-break: break-all; }
ul.notes { font-size: 13px; padding-left: 18px; }
.wide { overflow-x: auto; max-width: 100%; }
.wide table { font-size: 11px; } .wide th, .wide td { padding: 2px 5px; }
#monthly-table td { white-space: nowrap; }
.assumptions { display: flex; flex-wrap: wrap; gap: 0 24px; }
@media print {
  body { background: #fff; } header { color: #000; background: #fff; border-bottom: 2px solid #000; }
  main { padding: 0; } .charts { grid-template-columns: 1fr; } figure { border: none; }
}
`

const headlineTiles = (headlines: ReadonlyArray<Headline>): string =>
  `<section class="tiles">${headlines
    .map((h) => `<div class="tile"><div class="label">${escapeHtml(h.label)}</div><div class="value">${escapeHtml(h.value)}</div>${h.detail === undefined ? "" : `<div class="detail">${escapeHtml(h.detail)}</div>`}</div>`)
    .join("")}</section>`

const numeric = /^[-+$]?[0-9.,]+(?:[ %A-Za-z/]*)?$/

const table = (headers: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string =>
  `<table><thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((cell, i) => `<td${i > 0 && numeric.test(cell) ? ' class="num"' : ""}>${escapeHtml(cell)}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`

const assumptionTables = (tables: ReadonlyArray<AssumptionTable>): string =>
  `<div class="assumptions">${tables.map((t) => `<div><h3>${escapeHtml(t.title)}</h3>${table(t.headers, t.rows)}</div>`).join("")}</div>`

const metaList = (meta: ReportMeta, extra: ReadonlyArray<readonly [string, string]>): string => {
  const rows: Array<readonly [string, string]> = [
    ["scenario", meta.scenarioName],
    ["scenario SHA-256", meta.scenarioSha256 ?? "not recorded"],
    ["seed(s)", meta.seeds],
    ["engine", meta.engine],
    ["hashsim version", meta.hashsimVersion],
    ["model version", meta.modelVersion ?? "not recorded"],
    ["period", `${meta.fromDay} to ${meta.untilDay} (exclusive)`],
    ["input", meta.input],
    ...extra
  ]
  return `<dl class="meta">${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join("")}</dl>`
}

const figures = (specs: ReadonlyArray<ChartSpec>): string =>
  `<section class="charts">${specs
    .map((s) => `<figure><h3>${escapeHtml(s.title)}</h3><div class="plot"><canvas id="${escapeHtml(s.id)}" role="img" aria-label="${escapeHtml(s.title)}"></canvas></div><figcaption>${escapeHtml(s.caption)}</figcaption></figure>`)
    .join("")}</section>`

const cellText = (value: number | null, unit: TableUnit): string => {
  if (value === null || Number.isNaN(value)) return "-"
  switch (unit) {
    case "sats": return formatNumber(satsToBtc(value), 4)
    case "usdCents": return `${value < 0 ? "-" : ""}$${formatNumber(Math.abs(centsToUsd(value)), 0)}`
    case "fraction": return formatPercent(value)
  }
}

/**
 * The monthly numbers, one row per month. Each number cell keeps the exact figure it shows in data-value (sats,
 * cents or a fraction), so a reader's tool, and the browser check, can take the numbers from the page itself.
 */
const monthlyTableHtml = (t: MonthlyTable): string =>
  `<div class="wide"><table id="monthly-table"><thead><tr><th>month</th>${t.columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join("")}</tr></thead><tbody>${t.months
    .map((month, i) => `<tr><td>${escapeHtml(month)}</td>${t.columns.map((c) => {
      const v = c.values[i] ?? null
      return `<td class="num"${v === null || Number.isNaN(v) ? "" : ` data-value="${v}"`}>${escapeHtml(cellText(v, c.unit))}</td>`
    }).join("")}</tr>`)
    .join("")}</tbody></table></div>`

const summaryTable = (summary: SummaryTable): string => `<div class="wide">${table(summary.headers, summary.rows)}</div>`

const page = (title: string, subtitle: string, body: string, specs: ReadonlyArray<ChartSpec>): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="generator" content="hashsim report">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p>${escapeHtml(subtitle)}</p></header>
<main>
${body}
</main>
<script type="application/json" id="hashsim-charts">${jsonForScript(specs)}</script>
<script>${scriptSafe(chartJs())}</script>
<script>${scriptSafe(pageScript)}</script>
</body>
</html>
`

const provenance = (meta: ReportMeta, extra: ReadonlyArray<readonly [string, string]>): string => `
<h2>Scenario, seeds and assumptions</h2>
${metaList(meta, extra)}
${meta.notes.length === 0 ? "" : `<h3>How the numbers are computed</h3><ul class="notes">${meta.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>`}
${assumptionTables(meta.assumptions)}`

const singleRunHtml = (model: SingleRunReportModel): string => {
  const specs = singleRunCharts(model)
  const planRows = model.planEvents.map((e) => [e.day, e.label])
  const body = `${headlineTiles(model.headlines)}
<h2>Charts</h2>
${figures(specs)}
<h2>Monthly numbers</h2>
${monthlyTableHtml(model.monthlyTable)}
<h2>Plan events</h2>
${table(["day", "event"], planRows)}
<h2>Retargets</h2>
<details><summary>${model.retargets.length} retargets (every 2016 blocks)</summary>
${table(["day", "height", "difficulty (T)", "change"], model.retargets.map((r) => [r.day, String(r.height), (r.difficulty / 1e12).toFixed(2), `${(r.change * 100).toFixed(2)}%`]))}
</details>
${provenance(model.meta, [])}`
  return page(`hashsim report: ${model.meta.scenarioName}`, `Single run, ${model.meta.seeds}, ${model.meta.engine} engine, ${model.meta.fromDay} to ${model.meta.untilDay}`, body, specs)
}

const batchHtml = (model: BatchReportModel): string => {
  const specs = batchCharts(model)
  const body = `${headlineTiles(model.headlines)}
<h2>Charts</h2>
${figures(specs)}
<h2>Monthly numbers across paths</h2>
${monthlyTableHtml(model.monthlyTable)}
<h2>Summary of every outcome column</h2>
${summaryTable(model.summary)}
${provenance(model.meta, [["paths", String(model.paths)]])}`
  return page(`hashsim report: ${model.meta.scenarioName} (Monte Carlo)`, `${model.paths} paths, ${model.meta.seeds}, ${model.meta.engine} engine, ${model.meta.fromDay} to ${model.meta.untilDay}`, body, specs)
}

const crn = "Common random numbers: path i of every scenario (every point) runs with the seed derived from (master seed, i), and each random stream of a path is keyed by that seed and the stream's name, so the same market path meets every scenario and a difference between them is the scenarios' alone."

const compareHtml = (model: CompareReportModel): string => {
  const specs = compareCharts(model)
  const body = `<h2>Scenarios</h2>
${table(model.scenarioTable.headers, model.scenarioTable.rows)}
<h2>Path by path</h2>
${table(model.pairTable.headers, model.pairTable.rows)}
<h2>Charts</h2>
${figures(specs)}
<h2>Inputs that differ (${escapeHtml(model.pairLabel)})</h2>
<ul class="notes">${model.inputsDiffering.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>
<h2>Seeds</h2>
<dl class="meta">${([["paths", String(model.paths)], ["master seed", String(model.masterSeed)], ["engine", model.engine], ["hashsim version", model.hashsimVersion], ["input", model.input]] as const).map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join("")}</dl>
<ul class="notes"><li>${escapeHtml(crn)}</li></ul>`
  return page(`hashsim compare: ${model.labels.join(" vs ")}`, `${model.paths} paths each, master seed ${model.masterSeed}, ${model.engine} engine`, body, specs)
}

const sweepHtml = (model: SweepReportModel): string => {
  const specs = sweepCharts(model)
  const names = model.parameters.map((p) => p.name)
  const at = (name: string) => model.columns.indexOf(name)
  const money = (x: string | number | null | undefined) => (typeof x === "number" ? formatUsd(x) : "-")
  const rows = model.rows.map((r) => [
    ...names.map((_, j) => String(r[j])), money(r[at("npvUsdCentsP05")]), money(r[at("npvUsdCentsP50")]), money(r[at("npvUsdCentsP95")]),
    typeof r[at("paybackProbability")] === "number" ? formatPercent(r[at("paybackProbability")] as number) : "-", money(r[at("allInCostPerBtcUsdCentsP50")])
  ])
  const [p, q] = model.parameters
  let grid = ""
  if (p !== undefined && q !== undefined) {
    const npv = at("npvUsdCentsP50")
    const cell = (pv: string, qv: string) => model.rows.find((r) => r[0] === pv && r[1] === qv)?.[npv]
    const scale = Math.max(0, ...model.rows.map((r) => Math.abs(typeof r[npv] === "number" ? (r[npv] as number) : 0)))
    grid = `<h3>Median NPV, ${escapeHtml(q.name)} (rows) by ${escapeHtml(p.name)} (columns)</h3><table class="heat"><thead><tr><th></th>${p.values.map((v) => `<th>${escapeHtml(v)}</th>`).join("")}</tr></thead><tbody>${q.values
      .map((qv) => `<tr><th>${escapeHtml(qv)}</th>${p.values.map((pv) => {
        const v = cell(pv, qv)
        const n = typeof v === "number" ? v : Number.NaN
        return `<td class="num" style="background:${heatColor(n, scale)}">${escapeHtml(money(v))}</td>`
      }).join("")}</tr>`).join("")}</tbody></table>`
  }
  const body = `<h2>Charts</h2>
${figures(specs)}
${grid}
<h2>Every point</h2>
${table([...names, "NPV P5", "NPV median", "NPV P95", "P(payback)", "all-in cost per BTC, median"], rows)}
<h2>Seeds</h2>
<dl class="meta">${([["plan", model.plan], ["paths a point", String(model.paths)], ["master seed", String(model.masterSeed)], ["input", model.input]] as const).map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join("")}</dl>
<ul class="notes"><li>${escapeHtml(crn)}</li></ul>`
  return page(`hashsim sweep: ${names.join(" x ")}`, `${model.rows.length} points of ${model.plan}, ${model.paths} paths each, master seed ${model.masterSeed}`, body, specs)
}

/** The whole page of a report. */
export const renderReportHtml = (model: ReportModel): string => {
  switch (model.kind) {
    case "single": return singleRunHtml(model)
    case "batch": return batchHtml(model)
    case "compare": return compareHtml(model)
    case "sweep": return sweepHtml(model)
  }
}

/** The chart specs of a model (the ids its page must contain). */
export const chartSpecsOf = (model: ReportModel): Array<ChartSpec> => {
  switch (model.kind) {
    case "single": return singleRunCharts(model)
    case "batch": return batchCharts(model)
    case "compare": return compareCharts(model)
    case "sweep": return sweepCharts(model)
  }
}
