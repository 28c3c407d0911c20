// Batches over the real simulator: a path of a batch is the single run with its seed, and the cango-2024
// calibration check against the brief's December 2024 production.
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { reportOfEvents, validateLogText, type TimedEvent } from "@hashsim/ledger"
import { OUTCOME_METRICS, scenarioOfText, simulateLog, simulateOutcome } from "@hashsim/sim"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { outcomeColumns, pathMetricNames, pathSeed, runBatch, scenarioSha256, simRunnerSpec, writeOutcomeRow, type Summary } from "../src/index.ts"
import { smallScenarioText } from "./SimScenario.ts"
import { scratchDir } from "./support.ts"

const cango = new URL("../../../scenarios/cango-2024.jsonl", import.meta.url)

const simBatch = async (text: string, paths: number, masterSeed: number, workers: number, outDir: string, engine: "aggregate" | "block" = "aggregate"): Promise<Summary> => {
  const result = await Effect.runPromise(runBatch({
    runner: simRunnerSpec({ scenarioText: text, scenarioFile: "scenario.jsonl", engine }),
    identity: { hashsimVersion: "0.0.0-test", scenarioSha256: scenarioSha256(Buffer.from(text)), engine, masterSeed, paths },
    workers,
    outDir
  }))
  if (result.summary === undefined) throw new Error("a whole batch has a summary")
  return result.summary
}

describe("batches over the simulator", () => {
  it("lists the simulator's metrics in its order", () => {
    expect([...pathMetricNames]).toEqual([...OUTCOME_METRICS])
  })

  it.each(["aggregate", "block"] as const)("gives path i exactly the outcome of a single %s run (and of its complete log) with path i's seed", async (engine) => {
    const text = smallScenarioText("2025-01-15T00:00:00Z")
    const plan = scenarioOfText(text)
    const dir = scratchDir()
    const paths = engine === "block" ? 6 : 24
    await simBatch(text, paths, 99, 2, dir, engine)
    const lines = readFileSync(join(dir, "outcomes.csv"), "utf8").trimEnd().split("\n")
    const columns = outcomeColumns(plan.calendar.months)
    expect(lines[0]).toBe(["path", "seed", ...columns.map((c) => c.name)].join(","))
    const expectedRow = (outcome: Parameters<typeof writeOutcomeRow>[0]) => {
      const values = new Float64Array(columns.length)
      writeOutcomeRow(outcome, values)
      return Array.from(values, (x, j) => (Number.isNaN(x) ? "" : columns[j]?.kind === "date" ? outcome.paybackDate : String(Object.is(x, -0) ? 0 : x)))
    }
    for (const i of [0, 1, paths - 1]) {
      const seed = pathSeed(99, i)
      const cells = (lines[i + 1] ?? "").split(",")
      expect(cells.slice(0, 2)).toEqual([String(i), String(seed)])
      expect(cells.slice(2)).toEqual(expectedRow(simulateOutcome(plan, seed, engine)))
      expect(cells.slice(2)).toEqual(expectedRow(simulateLog(plan, seed, engine).outcome))
    }
  })
})

describe("a batch row and the ledger's report of the same path's complete log", () => {
  it("agree on every metric the report has, total and per month", async () => {
    const text = readFileSync(cango, "utf8")
    const plan = scenarioOfText(text)
    const dir = scratchDir()
    await simBatch(text, 5, 31337, 2, dir)
    const lines = readFileSync(join(dir, "outcomes.csv"), "utf8").trimEnd().split("\n")
    const header = (lines[0] ?? "").split(",")
    for (let i = 0; i < 5; i++) {
      const cells = (lines[i + 1] ?? "").split(",")
      const cell = (name: string) => cells[header.indexOf(name)]
      const entries: Array<TimedEvent> = []
      const { problems } = validateLogText(simulateLog(plan, pathSeed(31337, i), "aggregate").text, { onEntry: (entry) => { entries.push(entry as TimedEvent) } })
      expect(problems).toEqual([])
      const { totals, months } = reportOfEvents(entries)
      const asCell = (x: number | null) => (x === null ? "" : String(x))
      for (const name of ["minedSats", "revenueUsdCents", "hostingCostUsdCents", "creditsUsdCents", "poolFeeSats", "netMarginUsdCents", "cashCostPerBtcUsdCents", "allInCostPerBtcUsdCents", "npvUsdCents", "btcHeldSats"] as const) {
        expect([name, cell(name)]).toEqual([name, asCell(totals[name])])
      }
      expect(cell("paybackDate")).toBe(totals.paybackDate ?? "")
      for (const month of months) {
        expect([month.month, cell(`minedSats:${month.month}`)]).toEqual([month.month, String(month.minedSats)])
        expect([month.month, cell(`netMarginUsdCents:${month.month}`)]).toEqual([month.month, String(month.netMarginUsdCents)])
      }
      expect(months.map((m) => m.month)).toEqual([...plan.calendar.months])
    }
  })
})

describe("calibration against the founding brief (cango-2024)", () => {
  // 1,000 paths, master seed 20250107 fixed; the band is the batch's own p05..p95 (type 7). Inputs are the
  // scenario's as committed (set from the brief and cited sources, the machines on order at the start derived by the
  // model's own rule: scenarios/README.md), never tuned to this figure.
  const decemberBandBtc = async (text: string): Promise<readonly [number, number]> => {
    const summary = await simBatch(text, 1000, 20250107, 2, scratchDir())
    const j = summary.columns.findIndex((c) => c.name === "minedSats:2024-12")
    const q = Object.fromEntries(summary.stats[j]?.quantiles ?? [])
    return [(q["p05"] ?? 0) / 1e8, (q["p95"] ?? 0) / 1e8]
  }
  const REPORTED_BTC = 569.9
  const contains = ([p05, p95]: readonly [number, number]) => p05 <= REPORTED_BTC && REPORTED_BTC <= p95

  it("has a 5-95% band of December 2024 BTC mined that contains the 569.9 BTC reported", async () => {
    const band = await decemberBandBtc(readFileSync(cango, "utf8"))
    expect([band, contains(band)]).toEqual([band, true])
    // The band stops short of 15% either side of the figure: a figure 15% off would fall outside it.
    expect(band[0]).toBeGreaterThan(REPORTED_BTC * 0.85)
    expect(band[1]).toBeLessThan(REPORTED_BTC * 1.15)
  })

  // Power (DESIGN, "Tests that are honest": a statistical test is shown to reject a plausible wrong variant). The
  // check's author named two: all 50 EH/s online from the start instead of the 32 EH/s deployed, and no uptime loss.
  // The same containment check must reject each (measured bands: 872-1,007 and 588-679 BTC). This replaces a
  // requirement that the band be narrower than 15% of the figure: that 15% came from the test's author, not from the
  // issue or DESIGN, and its stated reason, excluding a production 15% off, is what the two bounds above and these
  // variants check.
  const deploy18Now = '{"at":"2024-11-07T00:00:00Z","type":"MachinesDeployed","v":1,"data":{"lotId":"gtg-18eh","siteId":"bitmain-us","hashrateThs":18000000}}'
  const variants: ReadonlyArray<readonly [string, (text: string) => string]> = [
    ["all 50 EH/s online from the start", (text) => text
      .split("\n")
      .filter((line) => !(line.includes('"MachinesDeployed"') && line.includes('"gtg-18eh"')))
      .flatMap((line) => (line.includes('"MachinesDeployed"') && line.includes('"bitmain-32eh"') ? [line, deploy18Now] : [line]))
      .join("\n")],
    ["no uptime loss (always 100%)", (text) => text.replace('"uptime":{"meanFraction":0.95,"sdFraction":0.02}', '"uptime":{"meanFraction":1,"sdFraction":0}')]
  ]
  it.each(variants)("rejects a wrong variant of the scenario: %s", async (_name, change) => {
    const text = readFileSync(cango, "utf8")
    const wrong = change(text)
    expect(wrong).not.toBe(text)
    const band = await decemberBandBtc(wrong)
    expect([band, contains(band)]).toEqual([band, false])
  })
})
