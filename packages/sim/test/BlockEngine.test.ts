// The block engine against the chain model at constant hashrate and matched difficulty: inter-arrival times are
// exponential with mean 600 x 2016/2015 s and the fleet finds its hashrate share of blocks. Fixed seeds, alpha
// 0.001; each test also runs a deliberately wrong engine and must reject it (the tests have power).
import { describe, expect, it } from "vitest"
import { type EngineFaults, PathSimulator } from "../src/PathSimulator.ts"
import { exponentialCdf, ksTest, meanCheck } from "@hashsim/testkit"
import { EQUILIBRIUM_INTERVAL_S, NullSink, testScenario } from "./support/TestScenario.ts"

const ALPHA = 0.001
const PATHS = 10
const FLEET_SHARE = 0.1

// The rest of an epoch (the tip is its first block, 2015 blocks to go) at bits matched to the hashrate: 18 days
// cover it even for the slower wrong variant. By memorylessness the wait for the first block is an interval too.
const plan = testScenario({ until: "2024-01-19T00:00:00Z", fleetShare: FLEET_SHARE })
const firstHeight = plan.network.height + 1
const retargetHeight = firstHeight + 2015

class BlockRecorder extends NullSink {
  readonly times: Array<number> = []
  fleet = 0
  override blockFound(tS: number, height: number, fleet: boolean): void {
    if (height >= retargetHeight) return // after the first retarget the difficulty no longer matches exactly
    this.times.push(tS)
    if (fleet) this.fleet++
  }
}

/** Intervals to the epoch's 2015 remaining blocks and the fleet's blocks among them, over PATHS seeds. */
const sample = (faults: EngineFaults = {}): { intervals: Array<number>; blocks: number; fleet: number } => {
  const sim = new PathSimulator(plan, { everyBlock: true, faults })
  const intervals: Array<number> = []
  let blocks = 0
  let fleet = 0
  for (let seed = 1; seed <= PATHS; seed++) {
    const rec = new BlockRecorder()
    sim.run(seed, "block", rec)
    expect(rec.times.length).toBe(2015)
    let previous = plan.startS
    for (const t of rec.times) {
      intervals.push(t - previous)
      previous = t
    }
    blocks += rec.times.length
    fleet += rec.fleet
  }
  return { intervals, blocks, fleet }
}

describe("block engine at constant hashrate and matched difficulty", () => {
  const good = sample()

  it("draws exponential intervals with mean 600 x 2016/2015 s (KS, alpha 0.001, n = 20150)", () => {
    const ks = ksTest(good.intervals, (x) => exponentialCdf(x, 1 / EQUILIBRIUM_INTERVAL_S), ALPHA)
    expect(ks.reject).toBe(false)
    const mean = meanCheck(good.intervals, EQUILIBRIUM_INTERVAL_S, EQUILIBRIUM_INTERVAL_S ** 2, ALPHA)
    expect(mean.reject).toBe(false)
  })

  it("rejects an engine whose rate leaves out the fleet's hashrate (10% slower blocks)", () => {
    const bad = sample({ rateIgnoresFleet: true })
    expect(ksTest(bad.intervals, (x) => exponentialCdf(x, 1 / EQUILIBRIUM_INTERVAL_S), ALPHA).reject).toBe(true)
  })

  it("gives the fleet its hashrate share of blocks (binomial z-test, alpha 0.001)", () => {
    const p = FLEET_SHARE
    const shares = new Array<number>(good.blocks).fill(0).map((_, i) => (i < good.fleet ? 1 : 0))
    expect(meanCheck(shares, p, p * (1 - p), ALPHA).reject).toBe(false)
  })

  it("rejects an engine that gives the fleet fleet/others instead of fleet/network", () => {
    const bad = sample({ fleetShareOfOthers: true })
    const p = FLEET_SHARE
    const shares = new Array<number>(bad.blocks).fill(0).map((_, i) => (i < bad.fleet ? 1 : 0))
    expect(meanCheck(shares, p, p * (1 - p), ALPHA).reject).toBe(true)
  })
})
