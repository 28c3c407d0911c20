import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { batchChartIds, singleRunChartIds } from "../src/report/ReportCharts.ts"
import { chartJsFile, renderReportHtml } from "../src/report/ReportHtml.ts"
import type { BatchReportModel, SingleRunReportModel } from "../src/report/ReportModel.ts"
import { sampleBatchModel, sampleSingleRunModel } from "../src/report/ReportSamples.ts"

/** Every value of a src= or href= attribute of a tag in the page (escaped text is not a tag). */
const linkTargets = (html: string): Array<string> =>
  [...html.matchAll(/<[a-z][^>]*>/gi)].flatMap((tag) => [...tag[0].matchAll(/\s(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1] as string))

const selfContained = (html: string): void => {
  expect(linkTargets(html).filter((target) => /^(?:https?:)?\/\//i.test(target))).toEqual([])
  expect(html).not.toMatch(/<script[^>]*\bsrc\s*=/i)
  expect(html).not.toMatch(/<link\b/i)
  expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i)
  // The browser itself is told to fetch nothing.
  expect(html).toContain(`content="default-src 'none'; script-src 'unsafe-inline'`)
}

describe("the report page", () => {
  const chartJs = readFileSync(chartJsFile(), "utf8")

  it("embeds chart.js 4.6.1's UMD build, whole", () => {
    expect(chartJs.slice(0, 40)).toContain("Chart.js v4.6.1")
    const html = renderReportHtml(sampleSingleRunModel())
    // The only change allowed to the library text is escaping "</script" (it has none).
    expect(html).toContain(chartJs)
  })

  const cases: ReadonlyArray<readonly [string, SingleRunReportModel | BatchReportModel, ReadonlyArray<string>]> = [
    ["single run", sampleSingleRunModel(), singleRunChartIds],
    ["batch", sampleBatchModel(), batchChartIds]
  ]
  for (const [name, model, ids] of cases) {
    it(`${name}: is self-contained and has a canvas and a config for every chart`, () => {
      const html = renderReportHtml(model)
      selfContained(html)
      for (const id of ids) expect(html).toContain(`<canvas id="${id}"`)
      expect([...html.matchAll(/<canvas /g)].length).toBe(ids.length)
      const specs = JSON.parse(/<script type="application\/json" id="hashsim-charts">([^<]*)<\/script>/.exec(html)?.[1] ?? "null") as Array<{ id: string; config: { data: { datasets: Array<{ data: Array<unknown> }> } } }>
      expect(specs.map((s) => s.id)).toEqual([...ids])
      for (const spec of specs) {
        expect(spec.config.data.datasets.length, spec.id).toBeGreaterThan(0)
        expect(spec.config.data.datasets.some((d) => d.data.some((v) => typeof v === "number")), spec.id).toBe(true)
      }
    })

    it(`${name}: states scenario, seeds, engine, version and the assumptions`, () => {
      const html = renderReportHtml(model)
      for (const text of [model.meta.scenarioName, model.meta.seeds, model.meta.engine, model.meta.hashsimVersion, ...model.meta.assumptions.map((a) => a.title)]) {
        expect(html).toContain(text)
      }
    })
  }

  it("escapes text that would otherwise end the data block or inject markup", () => {
    const model = sampleSingleRunModel()
    const hostile = { ...model, meta: { ...model.meta, scenarioName: `</script><script>alert(1)</script><b>x` }, planEvents: [{ day: "2024-11-07", label: "</script><img src=http://x>" }] }
    const html = renderReportHtml(hostile)
    expect(html).not.toContain("<script>alert(1)")
    expect(html).not.toContain("<img src=http://x>")
    expect(html).toContain("&lt;/script&gt;&lt;script&gt;alert(1)")
    selfContained(html)
  })

  it("gives the same bytes for the same model", () => {
    expect(renderReportHtml(sampleBatchModel())).toBe(renderReportHtml(sampleBatchModel()))
  })
})
