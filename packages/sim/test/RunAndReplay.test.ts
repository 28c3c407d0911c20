// A run's two outputs agree with each other and with the ledger: the same scenario, seed and engine give a
// byte-identical complete log that the ledger validates, the outcome computed without a log equals the one
// computed with it, and the ledger's report of the log (what `replay` prints) equals the PathOutcome.
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { type LogEntry, reportOfEvents, validateLogText } from "@hashsim/ledger"
import { describe, expect, it } from "vitest"
import { PathSimulator } from "../src/PathSimulator.ts"
import { scenarioOfText } from "../src/scenario/Scenario.ts"
import { planUntil } from "../src/scenario/ScenarioCompiler.ts"
import type { EngineKind, ScenarioPlan } from "../src/scenario/ScenarioPlan.ts"
import { simulateLog, simulateOutcome } from "../src/Simulate.ts"
import { testScenario } from "./support/TestScenario.ts"

const scenario = (name: string): ScenarioPlan =>
  scenarioOfText(readFileSync(fileURLToPath(new URL(`../../../scenarios/${name}.jsonl`, import.meta.url))))

const cango = planUntil(scenario("cango-2024"), Date.parse("2025-02-01T00:00:00Z") / 1000, "2025-02-01T00:00:00Z")
const texas = planUntil(scenario("texas-summer-2025"), Date.parse("2025-09-15T00:00:00Z") / 1000, "2025-09-15T00:00:00Z")
// Cheap machines, so that payback happens within the horizon; solo, so luck moves the money.
const payback = testScenario({ until: "2024-03-01T00:00:00Z", lotPriceUsdCents: 2_000_000_000, fleetShare: 0.05, ratePerMwhUsdCents: 3000 })

const cases: ReadonlyArray<readonly [string, ScenarioPlan]> = [["cango-2024 to Feb 2025", cango], ["texas-summer-2025", texas], ["payback", payback]]
const engines: ReadonlyArray<EngineKind> = ["block", "aggregate"]

const entriesOf = (text: string): Array<LogEntry> => {
  const entries: Array<LogEntry> = []
  const { problems } = validateLogText(text, { onEntry: (e) => entries.push(e) })
  expect(problems).toEqual([])
  return entries.filter((e) => e.type !== "LogSealed")
}

describe.each(cases)("%s", (_name, plan) => {
  it.each(engines)("%s engine: same seed, same bytes; another seed, another log; the ledger accepts it", (engine) => {
    const a = simulateLog(plan, 42, engine, { version: "test" })
    const b = simulateLog(plan, 42, engine, { version: "test" })
    expect(b.text).toBe(a.text)
    expect(simulateLog(plan, 43, engine, { version: "test" }).text).not.toBe(a.text)
    const { summary } = validateLogText(a.text)
    expect(summary.sealed).toBe(true)
    expect(summary.problems).toBe(0)
  })

  it.each(engines)("%s engine: the outcome without a log equals the outcome with one", (engine) => {
    expect(simulateOutcome(plan, 7, engine)).toEqual(simulateLog(plan, 7, engine).outcome)
    // A reused simulator gives the same outcome for the same seed after other paths.
    const sim = new PathSimulator(plan)
    sim.run(1, engine)
    sim.run(2, engine)
    expect(sim.run(7, engine)).toEqual(simulateOutcome(plan, 7, engine))
  })

  it.each(engines)("%s engine: the ledger's report of the log equals the PathOutcome", (engine) => {
    const { text, outcome } = simulateLog(plan, 11, engine)
    const report = reportOfEvents(entriesOf(text))
    const t = report.totals
    expect(t.minedSats).toBe(outcome.minedSats)
    expect(t.revenueUsdCents).toBe(outcome.revenueUsdCents)
    expect(t.hostingCostUsdCents).toBe(outcome.hostingCostUsdCents)
    expect(t.creditsUsdCents).toBe(outcome.creditsUsdCents)
    expect(t.poolFeeSats).toBe(outcome.poolFeeSats)
    expect(t.netMarginUsdCents).toBe(outcome.netMarginUsdCents)
    expect(t.cashCostPerBtcUsdCents ?? Number.NaN).toBe(outcome.cashCostPerBtcUsdCents)
    expect(t.allInCostPerBtcUsdCents ?? Number.NaN).toBe(outcome.allInCostPerBtcUsdCents)
    expect(t.paybackDate ?? undefined).toBe(outcome.paybackDate)
    expect(t.npvUsdCents).toBe(outcome.npvUsdCents)
    expect(t.btcHeldSats).toBe(outcome.btcHeldSats)
    expect(t.btcSoldSats).toBe(outcome.btcSoldSats)
    expect(t.saleProceedsUsdCents).toBe(outcome.saleProceedsUsdCents)
    expect(t.endPriceUsdCents).toBe(outcome.endPriceUsdCents)
    expect(t.btcHeldValueUsdCents).toBe(outcome.btcHeldValueUsdCents)
    expect(t.operatingCashUsdCents).toBe(outcome.operatingCashUsdCents)
    expect(t.positionValueUsdCents).toBe(outcome.positionValueUsdCents)
    expect(report.months.map((m) => m.month)).toEqual(outcome.months)
    expect(report.months.map((m) => m.priceUsdCents)).toEqual(Array.from(outcome.priceUsdCentsByMonth))
    expect(report.months.map((m) => m.btcHeldSats)).toEqual(Array.from(outcome.btcHeldSatsByMonth))
    expect(report.months.map((m) => m.btcSoldSats)).toEqual(Array.from(outcome.btcSoldSatsByMonth))
    expect(report.months.map((m) => m.minedSats)).toEqual(Array.from(outcome.minedSatsByMonth))
    expect(report.months.map((m) => m.netMarginUsdCents)).toEqual(Array.from(outcome.netMarginUsdCentsByMonth))
  })
})

describe("outcomes that need a payback", () => {
  it("the payback scenario pays back, so the payback comparison above is not vacuous", () => {
    const o = simulateOutcome(payback, 11, "block")
    expect(o.paybackDate).toBeDefined()
    expect(o.paybackDays).toBeGreaterThan(0)
  })
})
