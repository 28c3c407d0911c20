// Speed of the random layer: million draws per second of each generator candidate (53-bit doubles and 32-bit
// words) and of each sampler on the chosen generator, median of several runs. Not a test: timings vary by machine.
// Run: npx -y pnpm@10.34.9 exec tsx packages/sim/bench/random.bench.ts
import seedrandom from "seedrandom"
import { pathToFileURL } from "node:url"
import {
  beta,
  binomial,
  exponential,
  gamma,
  lognormal,
  poisson,
  rngFor,
  standardNormal,
  streamState,
  Xoshiro128StarStar,
  type Rng
} from "../src/random/index.ts"
import { median } from "@hashsim/testkit/median"

export interface RandomBenchRow {
  readonly name: string
  /** Million draws per CPU-second of this process, median of the runs (robust to other load on the machine). */
  readonly mDrawsPerS: number
  /** CPU nanoseconds per draw at that median. */
  readonly nsPerDraw: number
  /** Million draws per wall-clock second, median of the runs. */
  readonly wallMDrawsPerS: number
}

/** seedrandom behind the Rng interface (int32 is signed there). */
class SeedrandomRng implements Rng {
  constructor(private readonly prng: seedrandom.PRNG) {}
  nextU32(): number {
    return this.prng.int32() >>> 0
  }
  nextDouble(): number {
    return this.prng.double()
  }
}

type Loop = (target: unknown, n: number, a: number, b: number) => number

// A fresh Function per measurement so each loop has its own type feedback: a shared loop would see every
// candidate and go megamorphic, which measures V8's dispatch rather than the generator.
const makeLoop = (body: string): Loop =>
  new Function("target", "n", "a", "b", `let s = 0; for (let i = 0; i < n; i++) { s += ${body} } return s`) as Loop


let sink = 0

const measure = (name: string, body: string, target: unknown, n: number, runs: number, a = 0, b = 0): RandomBenchRow => {
  const loop = makeLoop(body)
  sink += loop(target, Math.min(n, 100_000), a, b) // warm-up, so the optimised code is what gets timed
  const cpuRates: Array<number> = []
  const wallRates: Array<number> = []
  for (let r = 0; r < runs; r++) {
    const cpu = process.cpuUsage()
    const start = process.hrtime.bigint()
    sink += loop(target, n, a, b)
    const wallS = Number(process.hrtime.bigint() - start) / 1e9
    const used = process.cpuUsage(cpu)
    const cpuS = (used.user + used.system) / 1e6
    cpuRates.push(n / cpuS / 1e6)
    wallRates.push(n / wallS / 1e6)
  }
  const mDrawsPerS = median(cpuRates)
  return { name, mDrawsPerS, nsPerDraw: 1000 / mDrawsPerS, wallMDrawsPerS: median(wallRates) }
}

const SEED = 20241107

/** The generator candidates, each as (name, object, how to draw a double, how to draw a word). */
const candidates = (): ReadonlyArray<{ name: string; target: unknown; double: string; word: string }> => {
  const [s0, s1, s2, s3] = streamState(SEED, "bench")
  const seed = String(SEED)
  return [
    { name: "sfc32 (hand-written class)", target: rngFor(SEED, "bench"), double: "target.nextDouble()", word: "target.nextU32()" },
    { name: "xoshiro128** (hand-written class)", target: new Xoshiro128StarStar(s0, s1, s2, s3), double: "target.nextDouble()", word: "target.nextU32()" },
    { name: "seedrandom xor128", target: seedrandom.xor128(seed), double: "target.double()", word: "(target.int32() >>> 0)" },
    { name: "seedrandom xorwow", target: seedrandom.xorwow(seed), double: "target.double()", word: "(target.int32() >>> 0)" },
    { name: "seedrandom xor4096", target: seedrandom.xor4096(seed), double: "target.double()", word: "(target.int32() >>> 0)" },
    { name: "seedrandom tychei", target: seedrandom.tychei(seed), double: "target.double()", word: "(target.int32() >>> 0)" },
    { name: "seedrandom alea", target: seedrandom.alea(seed), double: "target.double()", word: "(target.int32() >>> 0)" },
    { name: "seedrandom xor128 via Rng adapter", target: new SeedrandomRng(seedrandom.xor128(seed)), double: "target.nextDouble()", word: "target.nextU32()" },
    { name: "seedrandom xor4096 via Rng adapter", target: new SeedrandomRng(seedrandom.xor4096(seed)), double: "target.nextDouble()", word: "target.nextU32()" }
  ]
}

export interface RandomBenchResult {
  readonly doubles: ReadonlyArray<RandomBenchRow>
  readonly words: ReadonlyArray<RandomBenchRow>
  readonly samplers: ReadonlyArray<RandomBenchRow>
}

/** Runs every measurement, prints the tables, and returns the numbers. `scale` shrinks the draw counts. */
export const runRandomBench = (options: { readonly runs?: number; readonly scale?: number } = {}): RandomBenchResult => {
  const runs = options.runs ?? 7
  const scale = options.scale ?? 1
  const nGen = Math.round(10_000_000 * scale)
  const nSampler = Math.round(2_000_000 * scale)

  const doubles = candidates().map((c) => measure(c.name, c.double, c.target, nGen, runs))
  const words = candidates().map((c) => measure(c.name, c.word, c.target, nGen, runs))

  const rng = rngFor(SEED, "samplers")
  const samplerCases: ReadonlyArray<[string, string, unknown, number, number]> = [
    ["nextDouble (sfc32)", "target.rng.nextDouble()", { rng }, 0, 0],
    ["exponential(rate 1/600)", "target.f(target.rng, a)", { rng, f: exponential }, 1 / 600, 0],
    ["standardNormal (ziggurat)", "target.f(target.rng)", { rng, f: standardNormal }, 0, 0],
    ["lognormal(0, 0.5)", "target.f(target.rng, a, b)", { rng, f: lognormal }, 0, 0.5],
    ["gamma(0.5, 1)", "target.f(target.rng, a, b)", { rng, f: gamma }, 0.5, 1],
    ["gamma(5, 1)", "target.f(target.rng, a, b)", { rng, f: gamma }, 5, 1],
    ["gamma(2016, 1)", "target.f(target.rng, a, b)", { rng, f: gamma }, 2016, 1],
    ["beta(1, 144)", "target.f(target.rng, a, b)", { rng, f: beta }, 1, 144],
    ["beta(2, 3)", "target.f(target.rng, a, b)", { rng, f: beta }, 2, 3],
    ["beta(2016, 1e5)", "target.f(target.rng, a, b)", { rng, f: beta }, 2016, 1e5],
    ["beta(0.5, 0.5)", "target.f(target.rng, a, b)", { rng, f: beta }, 0.5, 0.5],
    ["poisson(0.5)", "target.f(target.rng, a)", { rng, f: poisson }, 0.5, 0],
    ["poisson(9.9)", "target.f(target.rng, a)", { rng, f: poisson }, 9.9, 0],
    ["poisson(10)", "target.f(target.rng, a)", { rng, f: poisson }, 10, 0],
    ["poisson(144)", "target.f(target.rng, a)", { rng, f: poisson }, 144, 0],
    ["poisson(1e5)", "target.f(target.rng, a)", { rng, f: poisson }, 1e5, 0],
    ["poisson(1e9)", "target.f(target.rng, a)", { rng, f: poisson }, 1e9, 0],
    ["binomial(10, 0.3)", "target.f(target.rng, a, b)", { rng, f: binomial }, 10, 0.3],
    ["binomial(144, 0.066)", "target.f(target.rng, a, b)", { rng, f: binomial }, 144, 0.066],
    ["binomial(2016, 0.066)", "target.f(target.rng, a, b)", { rng, f: binomial }, 2016, 0.066],
    ["binomial(1e6, 0.5)", "target.f(target.rng, a, b)", { rng, f: binomial }, 1e6, 0.5],
    ["binomial(1e9, 0.9)", "target.f(target.rng, a, b)", { rng, f: binomial }, 1e9, 0.9]
  ]
  const samplers = samplerCases.map(([name, body, target, a, b]) => measure(name, body, target, nSampler, runs, a, b))

  const print = (title: string, rows: ReadonlyArray<RandomBenchRow>): void => {
    console.log(`\n${title}`)
    for (const r of rows) {
      const cpu = `${r.mDrawsPerS.toFixed(1).padStart(7)} M/s ${r.nsPerDraw.toFixed(2).padStart(7)} ns`
      console.log(`  ${r.name.padEnd(36)} ${cpu}   (wall ${r.wallMDrawsPerS.toFixed(1)} M/s)`)
    }
  }
  console.log(`random: million draws per CPU-second (and per wall second), median of ${runs} runs (Node ${process.version})`)
  print(`53-bit doubles in (0,1), ${nGen} draws a run`, doubles)
  print(`32-bit words, ${nGen} draws a run`, words)
  print(`samplers on sfc32, ${nSampler} draws a run`, samplers)
  if (sink === 0.5) console.log("") // keeps the sums observable
  return { doubles, words, samplers }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) runRandomBench()
