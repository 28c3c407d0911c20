// `pnpm bench` for @hashsim/montecarlo: the figures of issue 17 in one run, on scenarios/cango-2024.jsonl over its
// four years.
// 1. The aggregate engine on one core (CPU and wall ns per path-day, as a worker runs it) next to the numpy peer a
//    researcher would write (../shared/bench/numpy-peer.py, same machine, rounds alternated so load hits both).
//    Like for like, the engine runs cango-2024 on the peer's model (PeerModel.ts: GBM network and price, constant
//    Gamma fees; the same draws per path-day); then cango-2024 as shipped (the hashprice network's daily cohort
//    passes, a jump-diffusion price, mean-reverting fees), which the peer does not model; and the block engine.
// 2. `hashsim mc` end to end through the built CLI (process start-up, workers, CSV, summary included) with 1 worker
//    and with every core: wall time, peak RSS (against the budget of 60 MB a worker + 200 MB), and the main
//    thread's CPU per path against the workers' (HASHSIM_REPORT_CPU=1; target at most 1/30).
// 10,000 paths by default (3 runs each, alternated, medians); BENCH_FULL=1 adds 100,000 paths once each (minutes
// on 2 cores). Not a test: timings vary by machine and load; the load average is printed before and after.
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { availableParallelism, loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { scenarioOfText } from "@hashsim/sim"
import { pathSeeds } from "../src/PathSeed.ts"
import { simPathRunner } from "../src/SimPathRunner.ts"
import { onPeerModel } from "./PeerModel.ts"
import { median } from "@hashsim/testkit/median"

const root = new URL("../../../", import.meta.url).pathname
const scenarioFile = "scenarios/cango-2024.jsonl"
const text = readFileSync(join(root, scenarioFile), "utf8")
const days = scenarioOfText(text).calendar.dayCount
const cores = availableParallelism()
const masterSeed = 20241107
const full = process.env["BENCH_FULL"] === "1"
const rounds = 5
const load = () => loadavg().map((x) => x.toFixed(1)).join(" ")

const blockOnly = process.env["HASHSIM_BENCH_BLOCK_ONLY"] === "1"
if (!blockOnly) console.log(`hashsim bench (issue 17): ${scenarioFile}, ${days} days a path, ${cores} cores, Node ${process.version}, load average ${load()}\n`)

// ---- 1. one core: the engine against the numpy peer ----

const peerModelText = onPeerModel(text)
const engineRound = (engine: "aggregate" | "block", paths: number, firstPath: number, scenarioText = text): { cpuNs: number; wallNs: number } => {
  const runner = simPathRunner({ scenarioText, scenarioFile, engine })
  const seedOf = pathSeeds(masterSeed)
  const out = new Float64Array(runner.columns.length)
  runner.run(0, seedOf(999_999), out) // warm-up
  const c0 = process.cpuUsage()
  const w0 = performance.now()
  for (let i = firstPath; i < firstPath + paths; i++) runner.run(i, seedOf(i), out)
  const wallNs = (performance.now() - w0) * 1e6
  const c = process.cpuUsage(c0)
  return { cpuNs: ((c.user + c.system) * 1000) / (paths * days), wallNs: wallNs / (paths * days) }
}

// The block engine in a process of its own, as a worker runs it (a worker runs one engine), after 3 warm-up rounds
// of 10 paths: a block-engine path takes ~5 ms, so one warm-up path left the optimising compiler's work in the
// measured rounds (under tsx they fell 11,000 -> 7,600 CPU ns per path-day over the first three).
if (blockOnly) {
  for (let round = 0; round < 3; round++) engineRound("block", 10, 1000 + round * 10)
  const rounds = [0, 1, 2].map((round) => engineRound("block", 10, round * 10).cpuNs)
  console.log(JSON.stringify({ blockCpuNs: rounds }))
  process.exit(0)
}
const blockRounds = (): ReadonlyArray<number> => {
  const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1] as string], {
    encoding: "utf8",
    env: { ...process.env, HASHSIM_BENCH_BLOCK_ONLY: "1" }
  })
  const line = /\{"blockCpuNs":.*\}/.exec(r.stdout ?? "")
  if (r.status !== 0 || line === null) throw new Error(`the block engine's bench process failed (exit ${r.status}): ${(r.stderr ?? "").slice(-2000)}`)
  return (JSON.parse(line[0]) as { blockCpuNs: ReadonlyArray<number> }).blockCpuNs
}

const peerScript = join(root, "../shared/bench/numpy-peer.py")
const peerPaths = 10_000
type Peer = { readonly ns: number; readonly cpuNs: number | undefined } | { readonly missing: string }
/** CPU seconds (user + system) of a child process, from /usr/bin/time; undefined without it. */
const timedCpu = (args: ReadonlyArray<string>): { stdout: string; stderr: string; status: number | null; error: Error | undefined; cpuS: number | undefined } => {
  const timed = existsSync("/usr/bin/time")
  const r = timed
    ? spawnSync("/usr/bin/time", ["-f", "hashsim-bench-cpu=%U+%S", ...args], { encoding: "utf8" })
    : spawnSync(args[0] as string, args.slice(1), { encoding: "utf8" })
  const m = /hashsim-bench-cpu=([0-9.]+)\+([0-9.]+)/.exec(r.stderr ?? "")
  return { stdout: r.stdout ?? "", stderr: r.stderr ?? "", status: r.status, error: r.error, cpuS: m === null ? undefined : Number(m[1]) + Number(m[2]) }
}
// The peer's own CPU without Python's and numpy's start-up, so it compares with the engine's CPU under any load.
let pythonStartCpuS: number | undefined
const peerRound = (): Peer => {
  if (!existsSync(peerScript)) return { missing: `${peerScript} not found (the peer lives in the shared folder beside the checkout)` }
  const r = timedCpu(["python3", peerScript, String(peerPaths), String(days)])
  if (r.error !== undefined || /No such file|cannot run python3/.test(r.stderr) && r.status === 127) return { missing: "python3 not found; install Python 3 and numpy (python3 -m pip install numpy)" }
  if (/No module named .?numpy/.test(r.stderr)) return { missing: "numpy is not installed: python3 -m pip install numpy" }
  const m = /ns_per_path_day ([0-9.]+)/.exec(r.stdout)
  if (m === null) return { missing: `the peer printed no ns_per_path_day (exit ${r.status}): ${r.stderr.trim().slice(-300)}` }
  pythonStartCpuS ??= timedCpu(["python3", "-c", "import time, sys, numpy; numpy.random.default_rng(1).standard_normal(10)"]).cpuS
  const cpuNs = r.cpuS === undefined || pythonStartCpuS === undefined ? undefined : ((r.cpuS - pythonStartCpuS) * 1e9) / (peerPaths * days)
  return { ns: Number(m[1]), cpuNs }
}

const aggCpu: Array<number> = []
const aggWall: Array<number> = []
const shippedCpu: Array<number> = []
const shippedWall: Array<number> = []
const peer: Array<number> = []
const peerCpu: Array<number> = []
let peerMissing: string | undefined
for (let round = 0; round < rounds; round++) {
  const a = engineRound("aggregate", 2000, round * 2000, peerModelText)
  aggCpu.push(a.cpuNs)
  aggWall.push(a.wallNs)
  const s = engineRound("aggregate", 600, round * 600)
  shippedCpu.push(s.cpuNs)
  shippedWall.push(s.wallNs)
  if (peerMissing === undefined) {
    const p = peerRound()
    if ("ns" in p) {
      peer.push(p.ns)
      if (p.cpuNs !== undefined) peerCpu.push(p.cpuNs)
    }
    else peerMissing = p.missing
  }
}
const block = blockRounds()
const agg = median(aggCpu)
const blockNs = median(block)
console.log(`1. One core, ns per path-day (median of ${rounds} alternated rounds)`)
console.log(`   the peer's model (cango-2024 with GBM network and price, constant fees: same draws per path-day)`)
console.log(`   aggregate engine (2,000 paths a round)       ${agg.toFixed(0).padStart(6)} CPU  ${median(aggWall).toFixed(0).padStart(6)} wall   (target <= 100 on a quiet machine)`)
if (peerMissing !== undefined) {
  console.log(`   numpy peer: not measured: ${peerMissing}`)
} else {
  const p = median(peer)
  const pc = peerCpu.length === peer.length ? median(peerCpu) : undefined
  console.log(`   numpy peer (${peerPaths.toLocaleString("en-US")} paths x ${days} days)       ${pc === undefined ? "     -" : pc.toFixed(0).padStart(6)} CPU  ${p.toFixed(0).padStart(6)} wall   (CPU: the process's, less Python's and numpy's start-up)`)
  console.log(`   peer / aggregate engine: ${pc === undefined ? "-" : (pc / agg).toFixed(2)}x by CPU, ${(p / median(aggWall)).toFixed(2)}x by wall (target >= 2x, goal 3x; on a busy machine trust CPU)`)
}
const shipped = median(shippedCpu)
console.log(`   cango-2024 as shipped (hashprice network: daily cohort passes; jump-diffusion price; mean-reverting fees)`)
console.log(`   aggregate engine (600 paths a round)         ${shipped.toFixed(0).padStart(6)} CPU  ${median(shippedWall).toFixed(0).padStart(6)} wall   (not the peer's model; ${(shipped / agg).toFixed(1)}x the peer's-model cost)`)
console.log(`   block engine (10 paths x 3 rounds, own process)${blockNs.toFixed(0).padStart(6)} CPU   block / aggregate (as shipped): ${(blockNs / shipped).toFixed(0)}x`)

// ---- 2. end to end: hashsim mc through the built CLI ----

const build = spawnSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: root, encoding: "utf8" })
if (build.status !== 0) throw new Error(`scripts/build-cli.mjs failed: ${build.stderr}`)
const cli = join(root, "packages/cli/dist/hashsim.mjs")
const hasTime = existsSync("/usr/bin/time")

interface McRun {
  readonly seconds: number
  readonly rssMb: number | undefined
  readonly mainCpuS: number | undefined
  readonly workersCpuS: number | undefined
}

const mc = (paths: number, workers: number): McRun => {
  const out = mkdtempSync(join(tmpdir(), "hashsim-bench-"))
  const args = [cli, "mc", scenarioFile, "--paths", String(paths), "--seed", String(masterSeed), "--out", join(out, "o"), "--workers", String(workers)]
  const env = { ...process.env, HASHSIM_REPORT_CPU: "1" }
  const t0 = performance.now()
  const r = hasTime
    ? spawnSync("/usr/bin/time", ["-f", "maxrss_kb=%M", process.execPath, ...args], { cwd: root, encoding: "utf8", env, maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", env, maxBuffer: 1 << 26 })
  const seconds = (performance.now() - t0) / 1000
  rmSync(out, { recursive: true, force: true })
  if (r.status !== 0) throw new Error(`hashsim mc failed: ${r.stderr.slice(-2000)}`)
  const rss = /maxrss_kb=([0-9]+)/.exec(r.stderr)
  const cpu = /hashsim-cpu: main ([0-9.]+) workers ([0-9.,]+)/.exec(r.stderr)
  return {
    seconds,
    rssMb: rss === null ? undefined : Number(rss[1]) / 1024,
    mainCpuS: cpu === null ? undefined : Number(cpu[1]),
    workersCpuS: cpu === null ? undefined : (cpu[2] as string).split(",").reduce((a, b) => a + Number(b), 0)
  }
}

const summarize = (paths: number, workers: number, runs: ReadonlyArray<McRun>): number => {
  const seconds = median(runs.map((r) => r.seconds))
  const rss = runs.every((r) => r.rssMb !== undefined) ? Math.max(...runs.map((r) => r.rssMb as number)) : undefined
  const budget = 60 * workers + 200
  const main = runs.every((r) => r.mainCpuS !== undefined) ? median(runs.map((r) => r.mainCpuS as number)) : undefined
  const work = runs.every((r) => r.workersCpuS !== undefined) ? median(runs.map((r) => r.workersCpuS as number)) : undefined
  const cpu = main === undefined || work === undefined ? "CPU split unknown (Linux only)"
    : `main thread ${((main * 1e6) / paths).toFixed(1)} us/path, workers ${((work * 1e6) / paths).toFixed(0)} us/path: main/worker = 1/${main > 0 ? (work / main).toFixed(0) : "inf"}`
  const rssText = rss === undefined ? "peak RSS unknown (no /usr/bin/time)" : `peak RSS ${rss.toFixed(0)} MB (budget ${budget})`
  console.log(`   ${paths.toLocaleString("en-US").padStart(7)} paths, ${String(workers).padStart(2)} worker${workers === 1 ? " " : "s"}: ${seconds.toFixed(2).padStart(7)} s wall${runs.length > 1 ? ` (median of ${runs.length})` : ""}; ${rssText}; ${cpu}`)
  return seconds
}

console.log(`\n2. hashsim mc end to end (built CLI, ${scenarioFile}, seed ${masterSeed}); load average ${load()}`)
const paths = 10_000
const one: Array<McRun> = []
const all: Array<McRun> = []
for (let round = 0; round < 3; round++) {
  one.push(mc(paths, 1))
  all.push(mc(paths, cores))
}
const t1 = summarize(paths, 1, one)
const tn = summarize(paths, cores, all)
console.log(`   speed-up with ${cores} workers: ${(t1 / tn).toFixed(2)}x`)
if (full) {
  const big = 100_000
  const b1 = summarize(big, 1, [mc(big, 1)])
  const bn = summarize(big, cores, [mc(big, cores)])
  console.log(`   speed-up with ${cores} workers: ${(b1 / bn).toFixed(2)}x`)
} else {
  console.log("   (100,000 paths: BENCH_FULL=1 pnpm bench; minutes on 2 cores)")
}
console.log(`\nload average at the end: ${load()}`)
