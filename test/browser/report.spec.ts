// `pnpm test:browser`: the HTML report of a single run and of a small batch, opened in headless Chromium. Every
// chart must draw something, the page must log no error and request nothing but itself; screenshots go to docs/.
// The reports are made by the real CLI from cango-2024. Chromium missing: under CI=true the check fails (it must run there), elsewhere it is skipped with a message.
import { spawnSync } from "node:child_process"
import { copyFileSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { batchChartIds, singleRunChartIds } from "../../packages/cli/src/report/ReportCharts.ts"
import { compareChartIds, sweepHeatmapChartIds, sweepLineChartIds } from "../../packages/cli/src/report/DecisionCharts.ts"
import { checkReportPage, chromiumAvailable, chromiumPath, type PageCheck } from "./ReportPage.ts"

const repoRoot = resolve(import.meta.dirname, "../..")
const scenario = join(repoRoot, "scenarios/cango-2024.jsonl")
const inCi = process.env["CI"] === "true"
const haveChromium = chromiumAvailable()
if (!haveChromium && !inCi) {
  process.stderr.write(`report browser check skipped: ${chromiumPath} is missing (apt-get install chromium); under CI=true this fails\n`)
}

const work = mkdtempSync(join(tmpdir(), "hashsim-report-browser-"))

interface Reports {
  readonly single: string
  readonly batch: string
  readonly compare: string
  readonly sweepGrid: string
  readonly sweepLine: string
}

/**
 * Runs the real `hashsim` entry point inside the work folder with relative paths, so the page (and so its
 * screenshot) names no temp folder; tsx is passed by URL since the work folder has no node_modules.
 */
const cli = (args: ReadonlyArray<string>): void => {
  const result = spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), join(repoRoot, "packages/cli/src/main.ts"), ...args], {
    cwd: work,
    encoding: "utf8",
    timeout: 300_000
  })
  if (result.status !== 0) throw new Error(`hashsim ${args.join(" ")} exited ${result.status}:\n${result.stderr}`)
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
    const check = await checkReportPage(reports.single, join(repoRoot, "docs/report-single.png"))
    expectEveryChartDrawn(check, singleRunChartIds)
    expect(check.text).toContain("Scenario, seeds and assumptions")
    expect(check.title).toBe("hashsim report: cango-2024")
    expect(check.text).toContain("path seed 42")
  })

  it("batch: fan charts and histograms draw, no console error, no request but the file itself", async () => {
    const check = await checkReportPage(reports.batch, join(repoRoot, "docs/report-batch.png"))
    expectEveryChartDrawn(check, batchChartIds)
    expect(check.text).toContain("Summary of every outcome column")
    expect(check.text).toContain("master seed 7")
  })

  it("comparison: both scenarios' fans on one chart and the paired-difference histogram draw", async () => {
    const check = await checkReportPage(reports.compare, join(repoRoot, "docs/report-compare.png"))
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
