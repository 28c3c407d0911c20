// The charts of the comparison and sweep pages as chart.js configurations (plain JSON, no callbacks): the scenarios'
// fans on one chart and the paired-difference histogram; a sweep's lines (one parameter) or heatmap with its
// break-even contour (two parameters: median NPV = 0, interpolated along each row).
import type { ChartSpec } from "./ReportCharts.ts"
import { parameterNumber, type CompareReportModel, type SweepReportModel } from "./DecisionModels.ts"
import { centsToUsd } from "./ReportFormat.ts"

export const compareChartIds = ["fan-compare-margin", "hist-npv-difference"] as const
export const sweepLineChartIds = ["sweep-lines"] as const
export const sweepHeatmapChartIds = ["sweep-heatmap"] as const

const palette = [
  { line: "#1f5fa8", band: "rgba(31,95,168,0.20)" },
  { line: "#d9822b", band: "rgba(217,130,43,0.20)" },
  { line: "#2e8b57", band: "rgba(46,139,87,0.20)" },
  { line: "#7048a8", band: "rgba(112,72,168,0.20)" }
]

const base = (scales: Record<string, unknown>): Record<string, unknown> => ({
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
  scales,
  plugins: { legend: { position: "bottom" }, hashsimMarkers: { markers: [] } }
})

const axis = (title: string, extra: Record<string, unknown> = {}) => ({ type: "linear", title: { display: true, text: title }, ...extra })

export const compareCharts = (model: CompareReportModel): Array<ChartSpec> => {
  const months = model.marginFans[0]?.fan.months ?? []
  const datasets = model.marginFans.flatMap(({ label, fan }, k) => {
    const c = palette[k % palette.length]!
    const edge = { type: "line", borderWidth: 0, pointRadius: 0, borderColor: c.band, backgroundColor: c.band }
    return [
      { ...edge, label: `${label} P5`, data: fan.p05.map(centsToUsd), fill: false },
      { ...edge, label: `${label} P5-P95`, data: fan.p95.map(centsToUsd), fill: "-1" },
      { type: "line", label: `${label} median`, data: fan.p50.map(centsToUsd), borderColor: c.line, backgroundColor: c.line, borderWidth: 2, pointRadius: 0 }
    ]
  })
  const h = model.differenceHistogram
  return [
    {
      id: "fan-compare-margin",
      title: "Cumulative net margin: the scenarios on one chart",
      caption: `Median and P5-P95 band over ${model.paths} paths of each scenario, on the same path seeds (master seed ${model.masterSeed}): the bands overlap where the market moves both alike.`,
      config: { type: "line", data: { labels: months, datasets }, options: { ...base({ x: { type: "category", title: { display: true, text: "month (end)" }, ticks: { maxTicksLimit: 8, maxRotation: 0 } }, y: axis("USD") }), interaction: { mode: "index", intersect: false } } }
    },
    {
      id: "hist-npv-difference",
      title: `Paired NPV difference (${model.pairLabel})`,
      caption: "Paths by the difference of their NPVs, path by path: what the change of scenario alone does to each market path (bins labelled by their lower edge).",
      config: {
        type: "bar",
        data: { labels: [...h.binLabels], datasets: [{ type: "bar", label: "paths", data: [...h.counts], backgroundColor: "#7048a8", categoryPercentage: 1, barPercentage: 0.95 }] },
        options: base({ x: { type: "category", title: { display: true, text: "NPV A - B (USD, bin start)" }, ticks: { maxRotation: 0, autoSkip: true } }, y: axis("paths", { beginAtZero: true, ticks: { precision: 0 } }) })
      }
    }
  ]
}

const column = (model: SweepReportModel, name: string): number => model.columns.indexOf(name)
const num = (x: string | number | null | undefined): number => (typeof x === "number" ? x : Number.NaN)

/** Median NPV = 0 along each row of a two-parameter grid: x (first parameter) by linear interpolation where it changes sign. */
export const breakEvenContour = (model: SweepReportModel): Array<{ x: number; y: number }> => {
  const [p, r] = model.parameters
  if (p === undefined || r === undefined) return []
  const npv = column(model, "npvUsdCentsP50")
  const points: Array<{ x: number; y: number }> = []
  r.values.forEach((rv, j) => {
    const row = p.values.map((pv, i) => ({ x: parameterNumber(pv, i), v: num(model.rows.find((row) => row[0] === pv && row[1] === rv)?.[npv]) }))
    for (let i = 0; i + 1 < row.length; i++) {
      const a = row[i]!
      const b = row[i + 1]!
      if (Number.isNaN(a.v) || Number.isNaN(b.v) || Math.sign(a.v) === Math.sign(b.v)) continue
      points.push({ x: a.x + ((b.x - a.x) * a.v) / (a.v - b.v), y: parameterNumber(rv, j) })
    }
  })
  return points
}

/** Red below zero, green above, white at zero; saturated at the largest |median NPV| of the grid. */
export const heatColor = (value: number, scale: number): string => {
  if (Number.isNaN(value) || scale === 0) return "rgba(200,200,200,0.8)"
  const t = Math.max(-1, Math.min(1, value / scale))
  const mix = (from: number, to: number) => Math.round(from + (to - from) * Math.abs(t))
  return t < 0 ? `rgb(255,${mix(255, 80)},${mix(255, 60)})` : `rgb(${mix(255, 40)},${mix(255, 160)},${mix(255, 80)})`
}

export const sweepCharts = (model: SweepReportModel): Array<ChartSpec> => {
  const [p, r] = model.parameters
  if (p === undefined) return []
  const stat = (name: string) => model.rows.map((row) => centsToUsd(num(row[column(model, name)])))
  if (r === undefined) {
    const xs = p.values.map((v, i) => parameterNumber(v, i))
    const series = (name: string, label: string, color: string, extra: Record<string, unknown> = {}) => ({
      type: "line", label, data: stat(name).map((y, i) => ({ x: xs[i], y: Number.isNaN(y) ? null : y })), borderColor: color, backgroundColor: color, borderWidth: 2, pointRadius: 3, ...extra
    })
    return [{
      id: "sweep-lines",
      title: `NPV against ${p.name}`,
      caption: `Median, P5 and P95 of NPV at each value of ${p.name} (${model.paths} paths a point, the same path seeds at every point). Where the median crosses zero is the break-even.`,
      config: {
        type: "line",
        data: { datasets: [series("npvUsdCentsP95", "P95", "#2e8b57", { borderDash: [4, 3] }), series("npvUsdCentsP50", "median", "#1f5fa8"), series("npvUsdCentsP05", "P5", "#c23b22", { borderDash: [4, 3] })] },
        options: base({ x: axis(`${p.name} (${p.values[0]} .. ${p.values[p.values.length - 1]})`), y: axis("NPV (USD)") })
      }
    }]
  }
  const npv = column(model, "npvUsdCentsP50")
  const values = model.rows.map((row) => num(row[npv]))
  const scale = Math.max(0, ...values.filter((v) => !Number.isNaN(v)).map(Math.abs))
  const cells = model.rows.map((row) => ({
    x: parameterNumber(String(row[0]), p.values.indexOf(String(row[0]))),
    y: parameterNumber(String(row[1]), r.values.indexOf(String(row[1]))),
    v: num(row[npv])
  }))
  const contour = breakEvenContour(model)
  // Squares as large as the rows allow on the 300-pixel plot (the legend and axes take about a third of it).
  const radius = Math.max(6, Math.min(26, Math.floor(85 / r.values.length)))
  return [{
    id: "sweep-heatmap",
    title: `Median NPV over ${p.name} x ${r.name}`,
    caption: `Each square is a point of the grid (${model.paths} paths, the same path seeds at every point): green above zero, red below, white at zero. The black line is the break-even contour, where the median NPV crosses zero along each row.`,
    config: {
      type: "scatter",
      data: {
        datasets: [
          { type: "line", label: "break-even (median NPV = 0)", data: contour, borderColor: "#111", backgroundColor: "#111", borderWidth: 2, pointRadius: 3, showLine: true, order: 0 },
          { type: "scatter", label: "median NPV", data: cells.map((c) => ({ x: c.x, y: c.y })), pointStyle: "rect", pointRadius: radius, pointHoverRadius: radius, backgroundColor: cells.map((c) => heatColor(c.v, scale)), borderColor: "rgba(0,0,0,0.15)", borderWidth: 1, order: 1 }
        ]
      },
      options: base({ x: axis(p.name, { offset: true, grace: "12%" }), y: axis(r.name, { offset: true, grace: "12%" }) })
    }
  }]
}
