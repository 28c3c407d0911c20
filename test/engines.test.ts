// Engines: the aggregate engine's monthly totals agree in distribution with the block engine's, as the user sees
// them — the ledger's monthly report folded from each engine's complete log. The engines' own statistical tests
// (first retarget time, first interval of the next epoch, fleet blocks per epoch and per 30 days, the reference
// scenario's December; each with a wrong variant rejected) are in packages/sim/test/AggregateEngine.test.ts; this
// one crosses sim -> ledger on a month boundary and a retarget. Fixed seeds (block engine paths 1..N, aggregate
// 1,000,001..), alpha 0.001; the same test rejects an aggregate engine that rounds the fleet's count.
import { describe, expect, it } from "vitest"
import { type LogEntry, type MonthlyReport, reportOfEvents, validateLogText } from "../packages/ledger/src/index.ts"
import { type EngineFaults, type EngineKind, scenarioOfText, simulateLog } from "../packages/sim/src/index.ts"
import { chiSquareTwoSample, ksTwoSample } from "@hashsim/testkit"
import { testScenarioText } from "@hashsim/testkit"

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

const column = (reports: ReadonlyArray<MonthlyReport>, month: number, field: "fleetBlocks" | "minedSats" | "hostingCostUsdCents"): Array<number> =>
  reports.map((r) => r.months[month]![field])

describe("engines", () => {
  const block = sample("block", 1)
  const aggregate = sample("aggregate", 1_000_001)

  it("the report covers two months and a retarget (so the comparison is not vacuous)", () => {
    expect(block[0]!.months.map((m) => m.month)).toEqual(["2024-01", "2024-02"])
    expect(Math.min(...column(block, 0, "fleetBlocks"))).toBeGreaterThan(0)
  })

  it.each([0, 1])("month %i: the aggregate engine's fleet blocks, BTC mined and hosting cost match the block engine's in distribution", (month) => {
    expectVerdict("fleetBlocks (chi-square)", chiSquareTwoSample(column(block, month, "fleetBlocks"), column(aggregate, month, "fleetBlocks"), ALPHA), false)
    expectVerdict("minedSats (KS)", ksTwoSample(column(block, month, "minedSats"), column(aggregate, month, "minedSats"), ALPHA), false)
    expectVerdict("hostingCostUsdCents (KS)", ksTwoSample(column(block, month, "hostingCostUsdCents"), column(aggregate, month, "hostingCostUsdCents"), ALPHA), false)
  })

  it("rejects an aggregate engine that rounds the fleet's count instead of sampling it", () => {
    const bad = sample("aggregate", 3_000_001, { fleetCountRounded: true })
    expectVerdict("fleetBlocks (chi-square)", chiSquareTwoSample(column(block, 0, "fleetBlocks"), column(bad, 0, "fleetBlocks"), ALPHA), true)
  })
})
