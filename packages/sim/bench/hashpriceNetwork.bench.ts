// Cost of the hashprice network's daily step alone (docs/PERFORMANCE.md, "The hashprice network's daily step"):
// what the network is fed on real aggregate paths of cango-2024 (day length, price, reward and work per block) is
// recorded, then replayed into a fresh network through `HashpriceSeries` as the market steps it, and timed. CPU
// time of this process per path-day, the median of several runs. Not a test: timings vary by machine. Copied into
// an older tree it times that tree's network (it records through `step` where there is no `advance`).
// Run: npx -y pnpm@10.34.9 exec tsx packages/sim/bench/hashpriceNetwork.bench.ts
import { readFileSync } from "node:fs"
import { fileURLToPath, pathToFileURL } from "node:url"
import { HashpriceNetwork } from "../src/market/HashpriceNetwork.ts"
import { HashpriceSeries, type HashpriceSeriesPlan } from "../src/market/HashpriceSeries.ts"
import { PathSimulator } from "../src/PathSimulator.ts"
import { scenarioOfText } from "../src/scenario/Scenario.ts"
import { median } from "@hashsim/testkit/median"

export interface HashpriceNetworkBenchResult {
  readonly paths: number
  readonly days: number
  /** CPU nanoseconds per path-day of the network's step (through HashpriceSeries.step), median of the runs. */
  readonly nsPerPathDay: number
  /** Mean number of cohorts the step passes over. */
  readonly meanCohorts: number
}


/** The market's fields the series reads (a class, as Market is: one shape). */
class Inputs {
  priceUsdCents = 0
  rewardSatsPerBlock = 0
  workPerBlock = 1
}

export const runHashpriceNetworkBench = (
  options: { readonly paths?: number; readonly runs?: number; readonly print?: boolean } = {}
): HashpriceNetworkBenchResult => {
  const paths = options.paths ?? 40
  const runs = options.runs ?? 9
  const file = fileURLToPath(new URL("../../../scenarios/cango-2024.jsonl", import.meta.url))
  const plan = scenarioOfText(readFileSync(file))
  const other = plan.market.otherHashrate
  if (other.model !== "hashprice") throw new Error("cango-2024 no longer uses the hashprice network")
  const days = plan.calendar.dayCount
  // Record through the prototype for the recording only (an instance's own method would give it another shape).
  const rec = new Float64Array(paths * days * 4)
  const startThs = new Float64Array(paths)
  let path = -1
  let day = 0
  const proto = HashpriceNetwork.prototype
  const { advance, reset, step } = proto
  proto.reset = function (this: HashpriceNetwork, othersThs: number, onOrderThs?: number): void {
    path++
    day = 0
    startThs[path] = othersThs
    reset.call(this, othersThs, onOrderThs)
  }
  const record = (dtYears: number, priceUsdCents: number, rewardSatsPerBlock: number, workPerBlock: number): void => {
    const j = (path * days + day++) * 4
    rec[j] = dtYears
    rec[j + 1] = priceUsdCents
    rec[j + 2] = rewardSatsPerBlock
    rec[j + 3] = workPerBlock
  }
  // `advance` is what the series calls; a tree from before it existed (to time the old step) calls `step`.
  if (typeof advance === "function") {
    proto.advance = function (this: HashpriceNetwork): void {
      record(this.inputDtYears, this.inputPriceUsdCents, this.inputRewardSatsPerBlock, this.inputWorkPerBlock)
      advance.call(this)
    }
  } else {
    proto.step = function (this: HashpriceNetwork, dt: number, price: number, reward: number, work: number): number {
      record(dt, price, reward, work)
      return step.call(this, dt, price, reward, work)
    }
  }
  try {
    const sim = new PathSimulator(plan)
    path = -1
    for (let i = 0; i < paths; i++) sim.run(1 + i, "aggregate")
  } finally {
    proto.reset = reset
    proto.advance = advance
    proto.step = step
  }
  if (path !== paths - 1) throw new Error(`recorded ${path + 1} paths of ${paths}`)

  const dayDtYears = new Float64Array(days)
  const dayYears = new Float64Array(days)
  for (let d = 0; d < days; d++) {
    dayDtYears[d] = rec[d * 4]!
    dayYears[d] = d === 0 ? 0 : dayYears[d - 1]! + dayDtYears[d - 1]!
  }
  const inputs = new Inputs()
  const series = new HashpriceSeries(other as HashpriceSeriesPlan, { dayYears, dayDtYears } as never, inputs)
  let cohortDays = 0
  const once = (count: boolean): void => {
    for (let p = 0; p < paths; p++) {
      series.value = startThs[p]!
      for (let d = 0; d < days; d++) {
        const j = (p * days + d) * 4
        inputs.priceUsdCents = rec[j + 1]!
        inputs.rewardSatsPerBlock = rec[j + 2]!
        inputs.workPerBlock = rec[j + 3]!
        series.step(d)
        if (count) cohortDays += series.network.cohorts
      }
    }
  }
  once(true) // warm-up, and the mean cohort count
  const cpu: Array<number> = []
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage()
    once(false)
    const u = process.cpuUsage(c0)
    cpu.push(((u.user + u.system) * 1000) / (paths * days))
  }
  const result: HashpriceNetworkBenchResult = { paths, days, nsPerPathDay: median(cpu), meanCohorts: cohortDays / (paths * days) }
  if (options.print !== false) {
    console.log(
      `hashprice network (cango-2024's inputs from ${paths} aggregate paths, replayed), median of ${runs} runs: ` +
        `${result.nsPerPathDay.toFixed(0)} ns/path-day CPU over ${result.meanCohorts.toFixed(1)} cohorts on average`
    )
  }
  return result
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) runHashpriceNetworkBench()
