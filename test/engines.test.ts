// Engines: the aggregate engine's monthly totals agree in distribution with the block engine's, as the user sees
// them — the ledger's monthly report folded from each engine's complete log. The engines' own statistical tests
// (first retarget time, first interval of the next epoch, fleet blocks per epoch and per 30 days, the reference
// scenario's December; each with a wrong variant rejected) are in packages/sim/test/AggregateEngine.test.ts; this
// one crosses sim -> ledger on a month boundary and a retarget. Fixed seeds (block engine paths 1..N, aggregate
// 1,000,001..), alpha 0.001; the same test rejects an aggregate engine that rounds the fleet's count. Hosting does
// not depend on the engine at all (energy follows the fleet, uptime and curtailment, not blocks), so it is not
// compared in distribution but exactly: the same seed under both engines bills the same energy, fees and credits.
import { describe, expect, it } from "vitest"
import { type LogEntry, type MonthlyReport, reportOfEvents, validateLogText } from "../packages/ledger/src/index.ts"
import { type EngineFaults, type EngineKind, scenarioOfText, simulateLog } from "../packages/sim/src/index.ts"
import { chiSquareTwoSample, ksTwoSample, testScenarioText } from "@hashsim/testkit"

const ALPHA = 0.001
const PATHS = 150

// Ten days either side of a month end, a retarget a few days in (the tip is 300 blocks before it), solo, 10%.
const plan = scenarioOfText(
  testScenarioText({
    start: "2024-01-22T00:00:00Z",
    until: "2024-02-12T00:00:00Z",
    height: 2016 * 431 - 300,
    fleetShare: 0.1,
    uptime: { meanFraction: 0.95, sdFraction: 0.02 },
    otherHashrate: { driftPerYear: 0.4, volatilityPerYear: 0.3 }
  }).text
)

const reportOf = (engine: EngineKind, seed: number, faults: EngineFaults = {}): MonthlyReport => {
  const { text } = simulateLog(plan, seed, engine, { faults })
  const entries: Array<LogEntry> = []
  const { problems } = validateLogText(text, { onEntry: (e) => entries.push(e) })
  expect(problems).toEqual([])
  return reportOfEvents(entries.filter((e) => e.type !== "LogSealed"))
}

const sample = (engine: EngineKind, firstSeed: number, faults: EngineFaults = {}): Array<MonthlyReport> =>
  Array.from({ length: PATHS }, (_, i) => reportOf(engine, firstSeed + i, faults))

/** Asserts a test's verdict; a failure names the quantity with its statistic and p-value. */
const expectVerdict = (what: string, r: { readonly reject: boolean; readonly statistic: number; readonly pValue: number }, reject: boolean): void => {
  expect(r.reject, `${what}: statistic ${r.statistic.toPrecision(4)}, p-value ${r.pValue.toPrecision(3)}, alpha ${ALPHA}`).toBe(reject)
}

const column = (reports: ReadonlyArray<MonthlyReport>, month: number, field: "fleetBlocks" | "minedSats"): Array<number> =>
  reports.map((r) => r.months[month]![field])

describe("engines", () => {
  const block = sample("block", 1)
  const aggregate = sample("aggregate", 1_000_001)

  it("the report covers two months and a retarget (so the comparison is not vacuous)", () => {
    expect(block[0]!.months.map((m) => m.month)).toEqual(["2024-01", "2024-02"])
    expect(Math.min(...column(block, 0, "fleetBlocks"))).toBeGreaterThan(0)
  })

  it.each([0, 1])("month %i: the aggregate engine's fleet blocks and BTC mined match the block engine's in distribution", (month) => {
    expectVerdict("fleetBlocks (chi-square)", chiSquareTwoSample(column(block, month, "fleetBlocks"), column(aggregate, month, "fleetBlocks"), ALPHA), false)
    expectVerdict("minedSats (KS)", ksTwoSample(column(block, month, "minedSats"), column(aggregate, month, "minedSats"), ALPHA), false)
  })

  it("the same seed bills the same hosting under both engines, month by month (energy, fees, credits)", () => {
    const books = (r: MonthlyReport) =>
      r.months.map((m) => [m.month, m.energyKwh, m.hostingCostUsdCents, m.curtailmentCreditsUsdCents, m.slaCreditsUsdCents])
    const seeds = 20
    for (let i = 0; i < seeds; i++) expect(books(reportOf("aggregate", 1 + i)), `seed ${1 + i}`).toEqual(books(block[i]!))
    // Not vacuous: hosting is billed, and it varies from seed to seed (the daily uptime is drawn).
    expect(block[0]!.months[0]!.hostingCostUsdCents).toBeGreaterThan(0)
    expect(new Set(block.slice(0, seeds).map((r) => r.months[0]!.hostingCostUsdCents)).size).toBeGreaterThan(1)
  })

  it("rejects an aggregate engine that rounds the fleet's count instead of sampling it", () => {
    const bad = sample("aggregate", 3_000_001, { fleetCountRounded: true })
    expectVerdict("fleetBlocks (chi-square)", chiSquareTwoSample(column(block, 0, "fleetBlocks"), column(bad, 0, "fleetBlocks"), ALPHA), true)
  })
})
