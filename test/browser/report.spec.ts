// `pnpm test:browser`: the HTML report of a single run and of a small batch, opened in headless Chromium. Every
// chart must draw something, the page must log no error and request nothing but itself. Screenshots go to the work
// folder, or to docs/ with UPDATE_SCREENSHOTS=1 (the README's pictures): a plain run leaves the checkout as it was.
// The reports are made by the real CLI from cango-2024. Chromium missing: under CI=true the check fails (it must run there), elsewhere it is skipped with a message.
import { spawnSync } from "node:child_process"
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { hashsimNodeArgs } from "@hashsim/testkit"
import { beforeAll, describe, expect, it } from "vitest"
import { batchChartIds, singleRunChartIds } from "../../packages/cli/src/report/ReportCharts.ts"
import { compareChartIds, sweepHeatmapChartIds, sweepLineChartIds } from "../../packages/cli/src/report/DecisionCharts.ts"
import { checkReportPage, chromiumAvailable, chromiumPath, type CanvasCheck, type PageCheck, type TableCheck } from "./ReportPage.ts"

const repoRoot = resolve(import.meta.dirname, "../..")
const scenario = join(repoRoot, "scenarios/cango-2024.jsonl")
const inCi = process.env["CI"] === "true"
const haveChromium = chromiumAvailable()
if (!haveChromium && !inCi) {
  process.stderr.write(`report browser check skipped: ${chromiumPath} is missing (apt-get install chromium); under CI=true this fails\n`)
}

const work = mkdtempSync(join(tmpdir(), "hashsim-report-browser-"))
/** Where a page's screenshot goes: docs/ only when asked (UPDATE_SCREENSHOTS=1), the work folder otherwise. */
const screenshot = (name: string): string =>
  process.env["UPDATE_SCREENSHOTS"] === "1" ? join(repoRoot, "docs", name) : join(work, name)

interface Reports {
  readonly single: string
  readonly batch: string
  readonly compare: string
  readonly sweepGrid: string
  readonly sweepLine: string
}

/**
 * Runs the real `hashsim` (the bundle built for this run, which needs no node_modules) inside the work folder with
 * relative paths, so the page (and so its screenshot) names no temp folder.
 */
const cli = (args: ReadonlyArray<string>): string => {
  const result = spawnSync(process.execPath, hashsimNodeArgs(args), {
    cwd: work,
    encoding: "utf8",
    timeout: 300_000
  })
  if (result.status !== 0) throw new Error(`hashsim ${args.join(" ")} exited ${result.status}:\n${result.stderr}`)
  return result.stdout
}

const canvas = (check: PageCheck, id: string): CanvasCheck => {
  const found = check.canvases.find((c) => c.id === id)
  if (found === undefined) throw new Error(`no canvas ${id}`)
  return found
}

/** The cells of one column of the monthly table, by its header. */
const tableColumn = (table: TableCheck, header: string) => {
  const j = table.headers.indexOf(header)
  expect(j, header).toBeGreaterThan(0)
  return table.rows.map((row) => row[j]!)
}

/** Type 7 quantile (R's default), written out here so the check does not lean on the code it checks. */
const quantile7 = (values: ReadonlyArray<number>, p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  return sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!)
}

/** The two reports under test, made by the real CLI: a single run of cango-2024 and a 50-path batch. */
const makeReports = (): Reports => {
  copyFileSync(scenario, join(work, "cango-2024.jsonl"))
  cli(["run", "cango-2024.jsonl", "--seed", "42", "--out", "cango-2024-seed42.jsonl"])
  cli(["report", "cango-2024-seed42.jsonl", "--out", "single.html"])
  cli(["mc", "cango-2024.jsonl", "--paths", "50", "--seed", "7", "--out", "mc"])
  cli(["report", "mc", "--scenario", "cango-2024.jsonl", "--out", "batch.html"])
  copyFileSync(join(repoRoot, "scenarios/cango-2024.yaml"), join(work, "cango-2024.yaml"))
  copyFileSync(join(repoRoot, "scenarios/cango-2024-self-hosted.yaml"), join(work, "cango-2024-self-hosted.yaml"))
  cli(["compare", "cango-2024.yaml", "cango-2024-self-hosted.yaml", "--paths", "40", "--seed", "7", "--out", "compare"])
  cli(["report", "compare", "--out", "compare.html"])
  cli(["sweep", "cango-2024.yaml", "--vary", "contracts.rate=$0.035/kWh..$0.075/kWh:3", "--vary", "market.price.drift=-20%..20%:3", "--paths", "20", "--seed", "7", "--out", "sweep-grid"])
  cli(["report", "sweep-grid", "--out", "sweep-grid.html"])
  cli(["sweep", "cango-2024.yaml", "--vary", "contracts.rate=$0.035/kWh..$0.075/kWh:3", "--paths", "20", "--seed", "7", "--out", "sweep-line"])
  cli(["report", "sweep-line", "--out", "sweep-line.html"])
  return {
    single: join(work, "single.html"), batch: join(work, "batch.html"), compare: join(work, "compare.html"),
    sweepGrid: join(work, "sweep-grid.html"), sweepLine: join(work, "sweep-line.html")
  }
}

const expectEveryChartDrawn = (check: PageCheck, ids: ReadonlyArray<string>): void => {
  expect(check.consoleErrors).toEqual([])
  expect(check.foreignRequests).toEqual([])
  expect(check.chartsReady).toBe(String(ids.length))
  expect(check.canvases.map((c) => c.id)).toEqual([...ids])
  for (const canvas of check.canvases) {
    expect(canvas.width, canvas.id).toBeGreaterThan(100)
    expect(canvas.height, canvas.id).toBeGreaterThan(100)
    expect(canvas.differsFromBlank, canvas.id).toBe(true)
    expect(canvas.dataPoints, canvas.id).toBeGreaterThan(0)
    expect(canvas.paintedPixels, canvas.id).toBeGreaterThan(2_000)
    // The data itself drew: at least a line's worth of the plot area changes when the datasets are hidden.
    expect(canvas.dataPixels, canvas.id).toBeGreaterThan(500)
  }
}

describe.skipIf(!haveChromium && !inCi)("hashsim report in headless Chromium", () => {
  let reports: Reports
  beforeAll(() => {
    if (!haveChromium) throw new Error(`${chromiumPath} is missing: CI must install Debian's chromium (.ci/run does)`)
    reports = makeReports()
  })

  it("single run: every chart draws, no console error, no request but the file itself", async () => {
    const check = await checkReportPage(reports.single, screenshot("report-single.png"))
    expectEveryChartDrawn(check, singleRunChartIds)
    expect(check.text).toContain("Scenario, seeds and assumptions")
    expect(check.title).toBe("hashsim report: cango-2024")
    expect(check.text).toContain("path seed 42")
  })

  it("single run: the path's price, the payback picture and the monthly table carry the ledger's numbers", async () => {
    const check = await checkReportPage(reports.single, join(work, "single-again.png"))
    const replay = JSON.parse(cli(["replay", "cango-2024-seed42.jsonl", "--format", "json"])) as {
      months: Array<{ month: string; minedSats: number; netMarginUsdCents: number; capexUsdCents: number; priceUsdCents: number }>
      totals: { paybackDate: string | null; netMarginUsdCents: number }
    }
    // One point a day of the horizon: 2024-11-07 to 2028-11-07 (exclusive) is 1,461 days.
    const started = JSON.parse(readFileSync(join(work, "cango-2024.jsonl"), "utf8").split("\n")[0]!) as { at: string; data: { until: string } }
    const days = (Date.parse(started.data.until) - Date.parse(started.at)) / 86_400_000
    expect(days).toBe(1461)
    const price = canvas(check, "btc-price")
    expect(price.labels).toBe(days)
    expect(price.datasets).toEqual([{ label: "BTC price (USD)", points: days }])
    const payback = canvas(check, "payback")
    expect(payback.labels).toBe(days)
    expect(payback.datasets).toEqual([{ label: "cumulative net margin (USD)", points: days }, { label: "cumulative capex (USD)", points: days }])
    expect(check.text).toContain(`Payback is the first day the margin reaches capex: ${replay.totals.paybackDate ?? "not within the horizon"}`)
    // The table: a row per month of replay's report, its cells replay's exact numbers.
    const table = check.monthlyTable as TableCheck
    expect(table.rows.length).toBe(replay.months.length)
    expect(table.rows.map((row) => row[0]!.text)).toEqual(replay.months.map((m) => m.month))
    expect(tableColumn(table, "BTC mined").map((c) => Number(c.value))).toEqual(replay.months.map((m) => m.minedSats))
    expect(tableColumn(table, "net margin (USD)").map((c) => Number(c.value))).toEqual(replay.months.map((m) => m.netMarginUsdCents))
    expect(tableColumn(table, "capex (USD)").map((c) => Number(c.value))).toEqual(replay.months.map((m) => m.capexUsdCents))
    expect(tableColumn(table, "BTC price at close (USD)").map((c) => Number(c.value))).toEqual(replay.months.map((m) => m.priceUsdCents))
    expect(Number(tableColumn(table, "cumulative net margin (USD)").at(-1)!.value)).toBe(replay.totals.netMarginUsdCents)
    // What the reader sees is the number in whole dollars.
    const priceCells = tableColumn(table, "BTC price at close (USD)")
    priceCells.forEach((c, i) => expect(c.text).toBe(`$${Math.round(replay.months[i]!.priceUsdCents / 100).toLocaleString("en-US")}`))
  })

  it("batch: fan charts and histograms draw, no console error, no request but the file itself", async () => {
    const check = await checkReportPage(reports.batch, screenshot("report-batch.png"))
    expectEveryChartDrawn(check, batchChartIds)
    expect(check.text).toContain("Summary of every outcome column")
    expect(check.text).toContain("master seed 7")
  })

  it("batch: the price fan, the position fan and the monthly table carry the batch's numbers", async () => {
    const check = await checkReportPage(reports.batch, join(work, "batch-again.png"))
    // outcomes.csv read here by hand: 50 paths, a priceUsdCents:YYYY-MM column per month.
    const [header, ...lines] = readFileSync(join(work, "mc/outcomes.csv"), "utf8").trimEnd().split("\n")
    const names = header!.split(",")
    const rows = lines.map((l) => l.split(","))
    expect(rows.length).toBe(50)
    const priceColumns = names.flatMap((n, j) => (n.startsWith("priceUsdCents:") ? [{ month: n.slice("priceUsdCents:".length), j }] : []))
    const months = priceColumns.map((c) => c.month)
    expect(months.length).toBe(49)
    const price = canvas(check, "fan-price")
    expect(price.labels).toBe(months.length)
    expect(price.datasets.map((d) => d.points)).toEqual([49, 49, 49, 49, 49])
    const position = canvas(check, "fan-position")
    expect(position.datasets.map((d) => d.label)).toEqual(["P5", "P5-P95", "P25", "P25-P75", "median", "capex recovered (0)", "paths paid back (%)"])
    expect(position.datasets.every((d) => d.points === months.length)).toBe(true)
    const table = check.monthlyTable as TableCheck
    expect(table.rows.length).toBe(months.length)
    expect(table.rows.map((row) => row[0]!.text)).toEqual(months)
    const medians = priceColumns.map((c) => quantile7(rows.map((r) => Number(r[c.j])), 0.5))
    expect(tableColumn(table, "BTC price at close, median (USD)").map((c) => Number(c.value))).toEqual(medians)
    // Capex: cango-2024's two lots ($256M + $144M) in its first month; the position is the margin less it.
    expect(tableColumn(table, "cumulative capex (USD)").map((c) => Number(c.value))).toEqual(months.map(() => 40_000_000_000))
    const marginMedian = tableColumn(table, "cumulative net margin, median (USD)").map((c) => Number(c.value))
    tableColumn(table, "position (margin - capex), median (USD)").forEach((c, i) => expect(Number(c.value)).toBe(marginMedian[i]! - 40_000_000_000))
    // Paid back by each month's end, counted here from the paybackDate column.
    const payback = names.indexOf("paybackDate")
    const paid = months.map((m) => rows.filter((r) => r[payback] !== "" && r[payback]!.slice(0, 7) <= m).length / 50)
    expect(tableColumn(table, "paths paid back by the month's end").map((c) => Number(c.value))).toEqual(paid)
  })

  it("comparison: both scenarios' fans on one chart and the paired-difference histogram draw", async () => {
    const check = await checkReportPage(reports.compare, screenshot("report-compare.png"))
    expectEveryChartDrawn(check, compareChartIds)
    expect(check.text).toContain("P(A beats B)")
    expect(check.text).toContain("Common random numbers")
  })

  it("sweep over two parameters: the heatmap with its break-even contour draws", async () => {
    const check = await checkReportPage(reports.sweepGrid, join(work, "sweep-grid.png"))
    expectEveryChartDrawn(check, sweepHeatmapChartIds)
    expect(check.text).toContain("Median NPV, market.price.drift (rows) by contracts.rate (columns)")
  })

  it("sweep over one parameter: the lines draw", async () => {
    const check = await checkReportPage(reports.sweepLine, join(work, "sweep-line.png"))
    expectEveryChartDrawn(check, sweepLineChartIds)
  })
})
