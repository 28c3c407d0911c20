// The charts of a report as chart.js configurations (plain JSON: no callbacks), built from a view model. Values
// are converted to display units here (BTC, USD, EH/s) so the page's script only hands each config to chart.js.
import type { BatchReportModel, DayMarker, FanSeries, Histogram, SingleRunReportModel } from "./ReportModel.ts"
import { centsToUsd, satsToBtc, thsToEhs } from "./ReportFormat.ts"

export interface ChartSpec {
  /** The canvas id, stable: tests and readers refer to charts by it. */
  readonly id: string
  readonly title: string
  readonly caption: string
  readonly config: unknown
}

/** The chart ids of each kind of report, in page order. */
export const singleRunChartIds = ["cumulative-btc", "btc-price", "payback", "monthly-btc-cost", "hashrate-share", "difficulty", "hosting-credits", "btc-held"] as const
export const batchChartIds = ["fan-cumulative-btc", "fan-price", "fan-net-margin", "fan-position", "hist-payback", "hist-npv"] as const

const colors = {
  blue: "#1f5fa8",
  orange: "#d9822b",
  green: "#2e8b57",
  red: "#c23b22",
  grey: "#6b7280",
  purple: "#7048a8"
}

const round = (x: number, digits: number): number => {
  const scale = 10 ** digits
  return Math.round(x * scale) / scale
}

const axis = (title: string, position: "left" | "right" = "left", extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: "linear",
  position,
  title: { display: true, text: title },
  ...(position === "right" ? { grid: { drawOnChartArea: false } } : {}),
  ...extra
})

const timeAxis = (title: string): Record<string, unknown> => ({
  type: "category",
  title: { display: true, text: title },
  ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 16, maxTicksLimit: 8 }
})

/** One marker per day (several plan events often share one): the first label and how many more; the table lists all. */
const groupedMarkers = (markers: ReadonlyArray<DayMarker>): Array<{ at: string; label: string }> => {
  const byDay = new Map<string, Array<string>>()
  for (const m of markers) byDay.set(m.day, [...(byDay.get(m.day) ?? []), m.label])
  return [...byDay].map(([at, labels]) => ({ at, label: labels.length === 1 ? (labels[0] as string) : `${labels[0]} (+${labels.length - 1} more)` }))
}

const baseOptions = (scales: Record<string, unknown>, markers: ReadonlyArray<DayMarker> = []): Record<string, unknown> => ({
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
  interaction: { mode: "index", intersect: false },
  scales,
  plugins: {
    legend: { position: "bottom" },
    hashsimMarkers: { markers: groupedMarkers(markers) }
  }
})

const line = (label: string, data: ReadonlyArray<number | null>, color: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: "line",
  label,
  data,
  borderColor: color,
  backgroundColor: color,
  borderWidth: 2,
  pointRadius: 0,
  tension: 0,
  ...extra
})

const bar = (label: string, data: ReadonlyArray<number | null>, color: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: "bar",
  label,
  data,
  backgroundColor: color,
  ...extra
})

/** Markers of the plan moved to the first day of their month, for monthly charts. */
const monthMarkers = (markers: ReadonlyArray<DayMarker>): Array<DayMarker> =>
  markers.map((m) => ({ day: m.day.slice(0, 7), label: m.label }))

export const singleRunCharts = (model: SingleRunReportModel): Array<ChartSpec> => {
  const d = model.daily
  const m = model.monthly
  const days = d.days
  const retargetAt = new Map(model.retargets.map((r) => [r.day, r]))
  return [
    {
      id: "cumulative-btc",
      title: "Cumulative BTC mined vs. expected",
      caption: "Mined: BTC credited to the treasury (after pool fees). Expected: the fleet's expected share of the network's blocks times subsidy plus mean fees, less the pool fee (see notes). Dashed vertical lines: plan events.",
      config: {
        type: "line",
        data: {
          labels: days,
          datasets: [
            // chart.js paints the first dataset on top: the dashed expected line stays visible where the two agree.
            line("expected (BTC)", d.cumulativeExpectedSats.map((x) => round(satsToBtc(x), 8)), colors.orange, { borderDash: [6, 4] }),
            line("mined (BTC)", d.cumulativeMinedSats.map((x) => round(satsToBtc(x), 8)), colors.blue)
          ]
        },
        options: baseOptions({ x: timeAxis("day (UTC)"), y: axis("BTC") }, model.planEvents)
      }
    },
    {
      id: "btc-price",
      title: "BTC price on this path",
      caption: "The BTC price in force at the end of each day: the path's own market (one draw of the scenario's price model, or observed prices where the scenario has them). Dashed vertical lines: plan events.",
      config: {
        type: "line",
        data: { labels: days, datasets: [line("BTC price (USD)", d.priceUsdCents.map(centsToUsd), colors.orange)] },
        options: baseOptions({ x: timeAxis("day (UTC)"), y: axis("USD per BTC", "left", { beginAtZero: true }) }, model.planEvents)
      }
    },
    {
      id: "payback",
      title: "Cumulative net margin against capex (payback)",
      caption: `Net margin (revenue at each credit's price, less hosting, plus credits) summed to the end of each day, against the lots' prices summed to their purchase days. Payback is the first day the margin reaches capex: ${model.paybackDate === null ? "not within the horizon" : model.paybackDate} (the dashed marker).`,
      config: {
        type: "line",
        data: {
          labels: days,
          datasets: [
            line("cumulative net margin (USD)", d.cumulativeNetMarginUsdCents.map(centsToUsd), colors.green),
            line("cumulative capex (USD)", d.cumulativeCapexUsdCents.map(centsToUsd), colors.red, { stepped: true, borderDash: [6, 4] })
          ]
        },
        options: baseOptions({ x: timeAxis("day (UTC)"), y: axis("USD") }, model.paybackDate === null ? [] : [{ day: model.paybackDate, label: `payback ${model.paybackDate}` }])
      }
    },
    {
      id: "monthly-btc-cost",
      title: "BTC mined per month and cost per BTC",
      caption: "Bars: BTC mined in the month. Lines: cash cost per BTC (hosting less credits) and all-in cost (cash plus capex spread over the machines' life).",
      config: {
        type: "bar",
        data: {
          labels: m.months,
          datasets: [
            bar("mined (BTC)", m.minedSats.map((x) => round(satsToBtc(x), 8)), colors.blue, { yAxisID: "y", order: 2 }),
            line("cash cost per BTC (USD)", m.cashCostPerBtcUsdCents.map((x) => (x === null ? null : centsToUsd(x))), colors.orange, { yAxisID: "y1", pointRadius: 3, order: 1 }),
            line("all-in cost per BTC (USD)", m.allInCostPerBtcUsdCents.map((x) => (x === null ? null : centsToUsd(x))), colors.red, { yAxisID: "y1", pointRadius: 3, order: 1 })
          ]
        },
        options: baseOptions({ x: timeAxis("month"), y: axis("BTC mined"), y1: axis("USD per BTC", "right", { beginAtZero: true }) }, monthMarkers(model.planEvents))
      }
    },
    {
      id: "hashrate-share",
      title: "Fleet hashrate online and share of the network",
      caption: "Daily averages: the fleet's online hashrate (deployed x uptime, less curtailment) and its share of the network's total.",
      config: {
        type: "line",
        data: {
          labels: days,
          datasets: [
            line("fleet online (EH/s)", d.onlineThs.map((x) => round(thsToEhs(x), 4)), colors.blue, { yAxisID: "y" }),
            line("network share (%)", d.networkShare.map((x) => round(x * 100, 4)), colors.green, { yAxisID: "y1" })
          ]
        },
        options: baseOptions({ x: timeAxis("day (UTC)"), y: axis("EH/s", "left", { beginAtZero: true }), y1: axis("% of network", "right", { beginAtZero: true }) }, model.planEvents)
      }
    },
    {
      id: "difficulty",
      title: "Difficulty and retargets",
      caption: "Difficulty at the end of each day; markers at every retarget (every 2016 blocks), labelled with the change.",
      config: {
        type: "line",
        data: {
          labels: days,
          datasets: [
            line("difficulty (T)", d.difficulty.map((x) => round(x / 1e12, 4)), colors.purple, { stepped: true }),
            line("retarget", days.map((day) => {
              const r = retargetAt.get(day)
              return r === undefined ? null : round(r.difficulty / 1e12, 4)
            }), colors.red, { showLine: false, pointRadius: 3, pointStyle: "triangle" })
          ]
        },
        options: baseOptions({ x: timeAxis("day (UTC)"), y: axis("difficulty (T = 10^12)") })
      }
    },
    {
      id: "hosting-credits",
      title: "Hosting cost and credits per month",
      caption: "Hosting fees invoiced by the hosts, and credits received (curtailment and uptime SLA).",
      config: {
        type: "bar",
        data: {
          labels: m.months,
          datasets: [
            bar("hosting cost (USD)", m.hostingCostUsdCents.map(centsToUsd), colors.orange),
            bar("credits (USD)", m.creditsUsdCents.map(centsToUsd), colors.green)
          ]
        },
        options: baseOptions({ x: timeAxis("month"), y: axis("USD", "left", { beginAtZero: true }) }, monthMarkers(model.planEvents))
      }
    },
    {
      id: "btc-held",
      title: "BTC held and its value",
      caption: "BTC in the treasury at the end of each day, and its value at that day's price.",
      config: {
        type: "line",
        data: {
          labels: days,
          datasets: [
            line("BTC held", d.btcHeldSats.map((x) => round(satsToBtc(x), 8)), colors.blue, { yAxisID: "y" }),
            line("value (USD)", d.btcHeldValueUsdCents.map(centsToUsd), colors.green, { yAxisID: "y1" })
          ]
        },
        options: baseOptions({ x: timeAxis("day (UTC)"), y: axis("BTC", "left", { beginAtZero: true }), y1: axis("USD", "right", { beginAtZero: true }) }, model.planEvents)
      }
    }
  ]
}

/** A fan: P5-P95 and P25-P75 bands filled between their edges, and the median on top. */
const fanConfig = (fan: FanSeries, convert: (x: number) => number, unit: string, color: string, light: string, mid: string): unknown => {
  const c = (xs: ReadonlyArray<number>): Array<number> => xs.map(convert)
  const edge = { borderWidth: 0, pointRadius: 0 }
  return {
    type: "line",
    data: {
      labels: fan.months,
      datasets: [
        line("P5", c(fan.p05), light, { ...edge, fill: false }),
        line("P5-P95", c(fan.p95), light, { ...edge, fill: "-1", backgroundColor: light }),
        line("P25", c(fan.p25), mid, { ...edge, fill: false }),
        line("P25-P75", c(fan.p75), mid, { ...edge, fill: "-1", backgroundColor: mid }),
        line("median", c(fan.p50), color, { pointRadius: 2 })
      ]
    },
    options: {
      ...baseOptions({ x: timeAxis("month (end)"), y: axis(unit) }),
      plugins: {
        legend: { position: "bottom", labels: { filter: "fan" } },
        hashsimMarkers: { markers: [] }
      }
    }
  }
}

/** The position fan with the zero line (capex recovered) and the share of paths paid back on a right axis. */
const positionConfig = (model: BatchReportModel): unknown => {
  const fan = fanConfig(model.cumulativePositionUsdCents, centsToUsd, "USD", colors.green, "rgba(46,139,87,0.18)", "rgba(46,139,87,0.38)") as {
    data: { labels: ReadonlyArray<string>; datasets: Array<unknown> }
    options: { scales: Record<string, unknown> }
  }
  return {
    ...fan,
    data: {
      labels: fan.data.labels,
      datasets: [
        ...fan.data.datasets,
        line("capex recovered (0)", model.cumulativePositionUsdCents.months.map(() => 0), colors.red, { borderWidth: 1, borderDash: [4, 4] }),
        line("paths paid back (%)", model.paidBackShare.map((x) => round(x * 100, 4)), colors.purple, { yAxisID: "y1", stepped: true })
      ]
    },
    options: { ...fan.options, scales: { ...fan.options.scales, y1: axis("% of paths paid back", "right", { min: 0, max: 100 }) } }
  }
}

const histogramConfig = (histogram: Histogram, xTitle: string, color: string): unknown => ({
  type: "bar",
  data: {
    labels: [...histogram.binLabels, ...(histogram.missing > 0 ? [histogram.missingLabel] : [])],
    datasets: [
      bar("paths", [...histogram.counts, ...(histogram.missing > 0 ? [histogram.missing] : [])], color, {
        categoryPercentage: 1,
        barPercentage: 0.95
      })
    ]
  },
  options: baseOptions({ x: timeAxis(xTitle), y: axis("paths", "left", { beginAtZero: true, ticks: { precision: 0 } }) })
})

export const batchCharts = (model: BatchReportModel): Array<ChartSpec> => [
  {
    id: "fan-cumulative-btc",
    title: "Cumulative BTC mined across paths",
    caption: `Quantiles over ${model.paths} paths of BTC mined to the end of each month: median, P25-P75 (dark band), P5-P95 (light band).`,
    config: fanConfig(model.cumulativeMinedSats, (x) => round(satsToBtc(x), 8), "BTC", colors.blue, "rgba(31,95,168,0.18)", "rgba(31,95,168,0.38)")
  },
  {
    id: "fan-price",
    title: "BTC price across paths",
    caption: `Quantiles over ${model.paths} paths of the BTC price at each month's close: median, P25-P75 (dark band), P5-P95 (light band).`,
    config: fanConfig(model.priceUsdCents, centsToUsd, "USD per BTC", colors.orange, "rgba(217,130,43,0.18)", "rgba(217,130,43,0.38)")
  },
  {
    id: "fan-net-margin",
    title: "Cumulative net margin across paths",
    caption: `Quantiles over ${model.paths} paths of net margin (revenue less hosting plus credits) summed to the end of each month.`,
    config: fanConfig(model.cumulativeNetMarginUsdCents, centsToUsd, "USD", colors.green, "rgba(46,139,87,0.18)", "rgba(46,139,87,0.38)")
  },
  {
    id: "fan-position",
    title: "Cumulative net margin less capex (payback)",
    caption: `Quantiles over ${model.paths} paths of cumulative net margin less the capex spent by each month's end: a path has paid back once it is above zero (the red line). Right axis: the share of paths paid back by the month's end.`,
    config: positionConfig(model)
  },
  {
    id: "hist-payback",
    title: "Payback date",
    caption: `Paths by the month in which they pay back capex; "${model.paybackHistogram.missingLabel}" counts paths that do not.`,
    config: histogramConfig(model.paybackHistogram, "payback month", colors.orange)
  },
  {
    id: "hist-npv",
    title: "Net present value",
    caption: "Paths by NPV at the scenario's discount rate: equal-width bins between its 1st and 99th percentiles (labelled by their lower edge), the tails in an end bin each.",
    config: histogramConfig(model.npvHistogram, "NPV (USD, bin start)", colors.purple)
  }
]
