// The aggregate engine against the block engine, in distribution, on the same scenario (daily GBM steps of
// everyone else's hashrate, daily uptime, a solo fleet of 10%): two-sample tests at alpha 0.001 on the first
// retarget's time, the first interval of the next epoch, and the fleet's blocks in the first epoch and in the
// first 30 days. Different seed ranges per engine, so the samples are independent. Each test also rejects a
// deliberately wrong aggregate engine.
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { type EngineFaults, PathSimulator } from "../src/PathSimulator.ts"
import { scenarioOfText } from "../src/scenario/Scenario.ts"
import { planUntil } from "../src/scenario/ScenarioCompiler.ts"
import type { EngineKind } from "../src/scenario/ScenarioPlan.ts"
import { chiSquareTwoSample, ksTwoSample } from "@hashsim/testkit"
import { NullSink, testScenario } from "./support/TestScenario.ts"

const ALPHA = 0.001
const PATHS = 400
const DAY = 86_400

const plan = testScenario({
  until: "2024-02-05T00:00:00Z",
  otherHashrate: { driftPerYear: 0.5, volatilityPerYear: 0.3 },
  uptime: { meanFraction: 0.95, sdFraction: 0.03 },
  fleetShare: 0.1
})
const firstHeight = plan.network.height + 1
const epochEnd = firstHeight + 2014 // the tip is the epoch's first block

interface PathFacts {
  retargetS: number
  nextFirstIntervalS: number
  fleetFirstEpoch: number
  fleetFirst30Days: number
}

class FactsSink extends NullSink {
  readonly facts: PathFacts = { retargetS: Number.NaN, nextFirstIntervalS: Number.NaN, fleetFirstEpoch: 0, fleetFirst30Days: 0 }
  private retargets = 0
  private lastS = 0
  override blockFound(tS: number, height: number, fleet: boolean): void {
    if (!fleet) return
    if (height <= epochEnd) this.facts.fleetFirstEpoch++
    if (tS < plan.startS + 30 * DAY) this.facts.fleetFirst30Days++
  }
  override blocksMined(tS: number, _first: number, lastHeight: number, fleetBlocks: number): void {
    // Periods end at day ends and at boundary blocks, so these cuts fall on period ends.
    if (lastHeight <= epochEnd) this.facts.fleetFirstEpoch += fleetBlocks
    if (tS < plan.startS + 30 * DAY) this.facts.fleetFirst30Days += fleetBlocks
  }
  override difficultyAdjusted(_tS: number, _h: number, _o: number, _n: number, firstS: number, lastS: number): void {
    this.retargets++
    if (this.retargets === 1) {
      this.facts.retargetS = lastS - plan.startS
      this.lastS = lastS
    } else if (this.retargets === 2) {
      this.facts.nextFirstIntervalS = firstS - this.lastS
    }
  }
}

const sample = (engine: EngineKind, firstSeed: number, faults: EngineFaults = {}): Array<PathFacts> => {
  const sim = new PathSimulator(plan, { faults })
  const out: Array<PathFacts> = []
  for (let i = 0; i < PATHS; i++) {
    const sink = new FactsSink()
    sim.run(firstSeed + i, engine, sink)
    expect(Number.isFinite(sink.facts.nextFirstIntervalS)).toBe(true)
    out.push(sink.facts)
  }
  return out
}

const column = (xs: ReadonlyArray<PathFacts>, k: keyof PathFacts): Array<number> => xs.map((x) => x[k])

describe("aggregate engine matches the block engine in distribution", () => {
  const block = sample("block", 1)
  const aggregate = sample("aggregate", 1_000_001)

  it("on the time of the first retarget (KS two-sample)", () => {
    expect(ksTwoSample(column(block, "retargetS"), column(aggregate, "retargetS"), ALPHA).reject).toBe(false)
  })

  it("on the first interval of the next epoch, which the retarget after it measures (KS two-sample)", () => {
    expect(ksTwoSample(column(block, "nextFirstIntervalS"), column(aggregate, "nextFirstIntervalS"), ALPHA).reject).toBe(false)
  })

  it("on the fleet's blocks in the first epoch and in the first 30 days (chi-square two-sample)", () => {
    expect(chiSquareTwoSample(column(block, "fleetFirstEpoch"), column(aggregate, "fleetFirstEpoch"), ALPHA).reject).toBe(false)
    expect(chiSquareTwoSample(column(block, "fleetFirst30Days"), column(aggregate, "fleetFirst30Days"), ALPHA).reject).toBe(false)
  })

  it("rejects an aggregate engine that takes the epoch's first block at the second order statistic", () => {
    const bad = sample("aggregate", 2_000_001, { epochFirstOffByOne: true })
    expect(ksTwoSample(column(block, "nextFirstIntervalS"), column(bad, "nextFirstIntervalS"), ALPHA).reject).toBe(true)
  })

  it("rejects an aggregate engine that rounds the fleet's count instead of sampling it", () => {
    const bad = sample("aggregate", 3_000_001, { fleetCountRounded: true })
    expect(chiSquareTwoSample(column(block, "fleetFirst30Days"), column(bad, "fleetFirst30Days"), ALPHA).reject).toBe(true)
  })
})

describe("on the reference scenario's outcomes", () => {
  it("cango-2024 to 2025-02-01 (FPPS): the December 2024 BTC mined and the total net margin agree (KS two-sample)", () => {
    const full = scenarioOfText(readFileSync(fileURLToPath(new URL("../../../scenarios/cango-2024.jsonl", import.meta.url))))
    const cango = planUntil(full, Date.parse("2025-02-01T00:00:00Z") / 1000, "2025-02-01T00:00:00Z")
    const sim = new PathSimulator(cango)
    const december = cango.calendar.months.indexOf("2024-12")
    const outcomes = (engine: EngineKind, first: number) => {
      const dec: Array<number> = []
      const margin: Array<number> = []
      for (let i = 0; i < 200; i++) {
        const o = sim.run(first + i, engine)
        dec.push(o.minedSatsByMonth[december]!)
        margin.push(o.netMarginUsdCents)
      }
      return { dec, margin }
    }
    const b = outcomes("block", 1)
    const a = outcomes("aggregate", 1_000_001)
    expect(ksTwoSample(b.dec, a.dec, ALPHA).reject).toBe(false)
    expect(ksTwoSample(b.margin, a.margin, ALPHA).reject).toBe(false)
  })
})
