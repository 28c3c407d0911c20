// `pnpm bench` for @hashsim/montecarlo: 10,000 paths x 4 years of scenarios/cango-2024.jsonl end to end through
// `hashsim mc` (process start-up, workers, CSV, summary included) with 1 worker and with every core; the engine
// alone in one thread; and the same batch's first paths through the block engine (every block drawn), for
// comparison. Medians of 3 runs. `--million` also runs 1,000,000 paths once and reports its peak RSS.
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { availableParallelism, loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { scenarioOfText } from "@hashsim/sim"
import { pathSeeds } from "../src/PathSeed.ts"
import { simPathRunner } from "../src/SimPathRunner.ts"

const root = new URL("../../../", import.meta.url).pathname
const scenarioFile = "scenarios/cango-2024.jsonl"
const text = readFileSync(join(root, scenarioFile), "utf8")
const plan = scenarioOfText(text)
const days = plan.calendar.dayCount
const cores = availableParallelism()
const masterSeed = 20241107
const paths = 10_000
const million = process.argv.includes("--million")
const median = (xs: Array<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
const hasTime = existsSync("/usr/bin/time")

/** Runs `hashsim mc` as a user would; returns wall seconds and peak RSS (MB, when /usr/bin/time exists). */
const mc = (n: number, workers: number, engine = "aggregate"): { seconds: number; cpuSeconds: number | undefined; rssMb: number | undefined } => {
  const out = mkdtempSync(join(tmpdir(), "hashsim-bench-"))
  const args = ["--import", "tsx", "packages/cli/src/main.ts", "mc", scenarioFile, "--paths", String(n), "--seed", String(masterSeed), "--out", join(out, "o"), "--workers", String(workers), "--engine", engine]
  const t0 = performance.now()
  const result = hasTime
    ? spawnSync("/usr/bin/time", ["-f", "maxrss_kb=%M cpu_s=%U+%S", process.execPath, ...args], { cwd: root, encoding: "utf8" })
    : spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" })
  const seconds = (performance.now() - t0) / 1000
  rmSync(out, { recursive: true, force: true })
  if (result.status !== 0) throw new Error(`hashsim mc failed: ${result.stderr}`)
  const rss = /maxrss_kb=([0-9]+) cpu_s=([0-9.]+)\+([0-9.]+)/.exec(result.stderr)
  return { seconds, cpuSeconds: rss ? Number(rss[2]) + Number(rss[3]) : undefined, rssMb: rss ? Number(rss[1]) / 1024 : undefined }
}

const report = (label: string, n: number, seconds: number) => {
  const nsPerPathDay = (seconds * 1e9) / (n * days)
  console.log(`${label.padEnd(52)} ${seconds.toFixed(2).padStart(7)} s  ${(n / seconds).toFixed(0).padStart(7)} paths/s  ${nsPerPathDay.toFixed(0).padStart(6)} ns/path-day`)
  return nsPerPathDay
}

console.log(`hashsim mc bench: ${scenarioFile}, ${days} days a path, master seed ${masterSeed}, ${cores} cores, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)}\n`)

// The engine alone, one thread, no I/O: the floor the batch can approach.
{
  const runner = simPathRunner({ scenarioText: text, scenarioFile, engine: "aggregate" })
  const seedOf = pathSeeds(masterSeed)
  const out = new Float64Array(runner.columns.length)
  const times: Array<number> = []
  for (let rep = 0; rep < 3; rep++) {
    const t0 = performance.now()
    for (let i = 0; i < 2000; i++) runner.run(i, seedOf(i), out)
    times.push((performance.now() - t0) / 1000)
  }
  report("aggregate engine alone, 1 thread (2,000 paths)", 2000, median(times))
}

const runs = (workers: number) => [0, 1, 2].map(() => mc(paths, workers))
const cpu = (rs: Array<{ cpuSeconds: number | undefined }>) => (rs[0]?.cpuSeconds === undefined ? "" : `, CPU ${median(rs.map((r) => r.cpuSeconds ?? 0)).toFixed(2)} s`)
const oneRuns = runs(1)
const one = median(oneRuns.map((r) => r.seconds))
report(`hashsim mc ${paths} paths, 1 worker (end to end)`, paths, one)
const allRuns = runs(cores)
const all = median(allRuns.map((r) => r.seconds))
report(`hashsim mc ${paths} paths, ${cores} workers (end to end)`, paths, all)
console.log(`speed-up with ${cores} workers: ${(one / all).toFixed(2)}x (target: under 4 s end to end on 2 cores)${cpu(oneRuns)} (1 worker)${cpu(allRuns)} (${cores} workers); load average now ${loadavg()[0]?.toFixed(1)}`)

// The block engine draws every block: run the batch's first paths and scale to the batch.
{
  const runner = simPathRunner({ scenarioText: text, scenarioFile, engine: "block" })
  const seedOf = pathSeeds(masterSeed)
  const out = new Float64Array(runner.columns.length)
  const n = 40
  const t0 = performance.now()
  for (let i = 0; i < n; i++) runner.run(i, seedOf(i), out)
  const seconds = (performance.now() - t0) / 1000
  const ns = report(`block engine alone, 1 thread (first ${n} paths)`, n, seconds)
  const aggregate = simPathRunner({ scenarioText: text, scenarioFile, engine: "aggregate" })
  const t1 = performance.now()
  for (let i = 0; i < n; i++) aggregate.run(i, seedOf(i), out)
  const nsAgg = ((performance.now() - t1) * 1e6) / (n * days)
  console.log(`block engine for the whole ${paths}-path batch: ~${((ns * paths * days) / 1e9 / cores).toFixed(0)} s on ${cores} cores; aggregate is ${(ns / nsAgg).toFixed(0)}x faster per path-day`)
}

if (million) {
  const { seconds, rssMb } = mc(1_000_000, cores)
  report(`hashsim mc 1,000,000 paths, ${cores} workers (end to end)`, 1_000_000, seconds)
  console.log(`peak RSS: ${rssMb === undefined ? "unknown (no /usr/bin/time)" : `${rssMb.toFixed(0)} MB`}`)
}
