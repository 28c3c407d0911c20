// `pnpm test:browser`: the HTML report of a single run and of a small batch, opened in headless Chromium. Every
// chart must draw something, the page must log no error and request nothing but itself; screenshots go to docs/.
// The reports are made by the real CLI from cango-2024. Chromium missing: under CI=true the check fails (it must run there), elsewhere it is skipped with a message.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { runCli } from "../../packages/cli/test/runCli.ts"
import { batchChartIds, singleRunChartIds } from "../../packages/cli/src/report/ReportCharts.ts"
import { scenarioOfText, simulateLog } from "../../packages/sim/src/index.ts"
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
}

const cli = (args: ReadonlyArray<string>): void => {
  const result = runCli(args)
  if (result.status !== 0) throw new Error(`hashsim ${args.join(" ")} exited ${result.status}:\n${result.stderr}`)
}

/** cango-2024's complete log for path seed 42 (block engine): `hashsim run`, or the same simulator call until it exists. */
const completeLog = (file: string): void => {
  const run = runCli(["run", scenario, "--seed", "42", "--out", file])
  if (run.status === 0) return
  if (!run.stderr.includes("not built yet") && !run.stderr.includes("Unrecognized flag")) throw new Error(`hashsim run exited ${run.status}:\n${run.stderr}`)
  writeFileSync(file, simulateLog(scenarioOfText(readFileSync(scenario)), 42, "block").text)
}

/** The two reports under test, made by the real CLI: a single run of cango-2024 and a 50-path batch. */
const makeReports = (): Reports => {
  const log = join(work, "cango-2024-seed42.jsonl")
  completeLog(log)
  const single = join(work, "single.html")
  cli(["report", log, "--out", single])
  const mc = join(work, "mc")
  cli(["mc", scenario, "--paths", "50", "--seed", "7", "--out", mc])
  const batch = join(work, "batch.html")
  cli(["report", mc, "--scenario", scenario, "--out", batch])
  return { single, batch }
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
    // Axes and labels alone paint a few thousand pixels in greys; plotted data adds its colours.
    expect(canvas.paintedPixels, canvas.id).toBeGreaterThan(2_000)
    expect(canvas.colours, canvas.id).toBeGreaterThan(20)
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
})
