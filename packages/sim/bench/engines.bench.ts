// Speed of the engines on cango-2024 over its four years: ns per simulated path-day and network blocks per
// second, for the block and the aggregate engine (outcome only, as Monte Carlo runs them, and each writing a
// complete log), the median of several runs, and the ratio. Two clocks: CPU time of this process (robust to other
// processes on the machine, but it also counts the VM's own GC and compiler threads) and wall time (exact on a
// quiet machine, inflated on a busy one). Run under the workers' V8 inlining budget (engine/JitFlags.ts). Not a
// test: timings vary by machine.
// Run: npx -y pnpm@10.34.9 --filter @hashsim/sim bench   (or npx -y pnpm@10.34.9 exec tsx packages/sim/bench/engines.bench.ts)
import { readFileSync } from "node:fs"
import { setFlagsFromString } from "node:v8"
import { fileURLToPath, pathToFileURL } from "node:url"
import { PathSimulator } from "../src/PathSimulator.ts"
import { scenarioOfText } from "../src/scenario/Scenario.ts"
import type { EngineKind, ScenarioPlan } from "../src/scenario/ScenarioPlan.ts"
import { simulateLog } from "../src/Simulate.ts"
import { ENGINE_V8_FLAGS } from "../src/engine/JitFlags.ts"
import { median } from "@hashsim/testkit/median"

// The inlining budget Monte Carlo's workers run the engine with (montecarlo/src/JitBudget.ts), so the figures here
// are the engine's as a batch runs it.
for (const flag of ENGINE_V8_FLAGS) setFlagsFromString(flag)

export interface EngineBenchRow {
  readonly name: string
  readonly paths: number
  /** CPU nanoseconds of this process per simulated path-day, median of the runs. */
  readonly nsPerPathDay: number
  /** Wall-clock nanoseconds per path-day, median of the runs (inflated when other work shares the cores). */
  readonly wallNsPerPathDay: number
  /** Network blocks simulated per CPU second, median. */
  readonly blocksPerS: number
}


const cpuNs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since)
  return (u.user + u.system) * 1000
}

const measure = (name: string, plan: ScenarioPlan, paths: number, runs: number, once: (seed: number) => number): EngineBenchRow => {
  const days = plan.calendar.dayCount
  // Warm-up: a run's worth of paths, so the optimising compiler's work (which the process's CPU time counts, on its
  // own threads) is done before the measured runs; one path left most of it in the block engine's first runs.
  for (let i = 0; i < paths; i++) once(999_999 - i)
  const cpu: Array<number> = []
  const wall: Array<number> = []
  const bps: Array<number> = []
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage()
    const w0 = process.hrtime.bigint()
    let blocks = 0
    for (let i = 0; i < paths; i++) blocks += once(r * paths + i)
    const c = cpuNs(c0)
    const w = Number(process.hrtime.bigint() - w0)
    cpu.push(c / (paths * days))
    wall.push(w / (paths * days))
    bps.push(blocks / (c / 1e9))
  }
  return { name, paths, nsPerPathDay: median(cpu), wallNsPerPathDay: median(wall), blocksPerS: median(bps) }
}

export interface EngineBenchResult {
  readonly scenario: string
  readonly days: number
  readonly rows: ReadonlyArray<EngineBenchRow>
  /** Block engine ns per path-day over the aggregate engine's (outcome runs). */
  readonly ratio: number
}

export const runEngineBench = (options: { readonly runs?: number; readonly print?: boolean } = {}): EngineBenchResult => {
  const runs = options.runs ?? 5
  const file = fileURLToPath(new URL("../../../scenarios/cango-2024.jsonl", import.meta.url))
  const plan = scenarioOfText(readFileSync(file))
  const sim = new PathSimulator(plan)
  const outcome = (engine: EngineKind) => (seed: number): number => {
    sim.run(seed, engine)
    return sim.tipHeight - plan.network.height
  }
  const aggregate = measure("aggregate engine, outcome (Monte Carlo)", plan, 400, runs, outcome("aggregate"))
  const block = measure("block engine, outcome", plan, 6, runs, outcome("block"))
  const blockLog = measure("block engine, complete log", plan, 2, Math.min(runs, 3), (seed) => {
    simulateLog(plan, seed, "block")
    return 0
  })
  const aggregateLog = measure("aggregate engine, complete log", plan, 4, Math.min(runs, 3), (seed) => {
    simulateLog(plan, seed, "aggregate")
    return 0
  })
  const result: EngineBenchResult = {
    scenario: "cango-2024",
    days: plan.calendar.dayCount,
    rows: [aggregate, block, blockLog, aggregateLog],
    ratio: block.nsPerPathDay / aggregate.nsPerPathDay
  }
  if (options.print !== false) {
    console.log(`engines on ${result.scenario}, ${result.days} days a path, median of ${runs} runs (CPU time of this process; wall time in parentheses)`)
    for (const r of result.rows) {
      const bps = r.blocksPerS > 0 ? `, ${(r.blocksPerS / 1e6).toFixed(2)} M blocks/s` : ""
      console.log(`  ${r.name.padEnd(40)} ${r.nsPerPathDay.toFixed(0).padStart(9)} ns/path-day (wall ${r.wallNsPerPathDay.toFixed(0)})${bps}  [${r.paths} paths a run]`)
    }
    console.log(`  block / aggregate: ${result.ratio.toFixed(1)}x CPU, ${(block.wallNsPerPathDay / aggregate.wallNsPerPathDay).toFixed(1)}x wall (targets: aggregate <= 150 ns/path-day, ratio >= 50x)`)
  }
  return result
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) runEngineBench()
