// `pnpm test:browser`: the HTML report of a single run and of a small batch, opened in headless Chromium. Every
// chart must draw something, the page must log no error and request nothing but itself; screenshots go to docs/.
// Chromium missing: under CI=true the check fails (it must run there), elsewhere it is skipped with a message.
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { batchChartIds, singleRunChartIds } from "../../packages/cli/src/report/ReportCharts.ts"
import { renderReportHtml } from "../../packages/cli/src/report/ReportHtml.ts"
import { sampleBatchModel, sampleSingleRunModel } from "../../packages/cli/src/report/ReportSamples.ts"
import { checkReportPage, chromiumAvailable, chromiumPath, type PageCheck } from "./ReportPage.ts"

const repoRoot = resolve(import.meta.dirname, "../..")
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

/** Writes the two reports under test. */
const makeReports = (): Reports => {
  const single = join(work, "single.html")
  const batch = join(work, "batch.html")
  writeFileSync(single, renderReportHtml(sampleSingleRunModel()))
  writeFileSync(batch, renderReportHtml(sampleBatchModel()))
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
  afterAll(() => undefined)

  it("single run: every chart draws, no console error, no request but the file itself", async () => {
    const check = await checkReportPage(reports.single, join(repoRoot, "docs/report-single.png"))
    expectEveryChartDrawn(check, singleRunChartIds)
    expect(check.text).toContain("Scenario, seeds and assumptions")
  })

  it("batch: fan charts and histograms draw, no console error, no request but the file itself", async () => {
    const check = await checkReportPage(reports.batch, join(repoRoot, "docs/report-batch.png"))
    expectEveryChartDrawn(check, batchChartIds)
    expect(check.text).toContain("Summary of every outcome column")
  })
})
