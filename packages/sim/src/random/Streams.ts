// Named, independent random streams of one path seed: each random input of the simulation draws from its own.
// A stream is an sfc32 generator whose state is hashed from (seed, name) — see StreamSeed.ts for the derivation.
//
// Why sfc32 (README.md here has the table): of the candidates measured by packages/sim/bench/random.bench.ts,
// it draws 53-bit doubles fastest among those that pass the checks in test/random/generators.test.ts
// (~390 M/s, 2.6 ns, vs xoshiro128** ~350 M/s, seedrandom tychei ~175, xor4096 ~125, alea ~105). seedrandom's
// xor128 and xorwow are a few percent faster but are linear over GF(2) in their low bits (linear complexity 128
// and 162 over 2000 bits, where random bits give ~1000), so they fail linear-complexity tests (TestU01's
// LinearComp, and ours). sfc32 has no reported failure in BigCrush or PractRand. Warm-up: 12 outputs discarded
// after seeding, as its author recommends.
import { Sfc32 } from "./Sfc32.ts"
import { checkSeed } from "./Seed.ts"
import { streamState } from "./StreamSeed.ts"

/** The streams of a path, one per random input. Order here is irrelevant: each is hashed from its own name. */
export const STREAM_NAMES = [
  "arrivals",
  "fleetShare",
  "fees",
  "price",
  "network",
  "uptime",
  "curtailment",
  "params"
] as const

export type StreamName = (typeof STREAM_NAMES)[number]

/** One generator per stream name, all from one path seed. */
export type Streams = { readonly [K in StreamName]: Sfc32 }

/** Outputs discarded after seeding a stream. */
export const SFC32_WARMUP = 12

/** The generator of stream `name` of path seed `seed` (any name; the simulator's fixed ones are STREAM_NAMES). */
export const rngFor = (seed: number, name: string): Sfc32 => {
  const [a, b, c, d] = streamState(seed, name)
  const rng = new Sfc32(a, b, c, d)
  for (let i = 0; i < SFC32_WARMUP; i++) rng.nextU32()
  return rng
}

/** All the fixed streams of path seed `seed`. Same seed, same sequences, on any machine. */
export const streamsFor = (seed: number): Streams => {
  checkSeed(seed)
  return {
    arrivals: rngFor(seed, "arrivals"),
    fleetShare: rngFor(seed, "fleetShare"),
    fees: rngFor(seed, "fees"),
    price: rngFor(seed, "price"),
    network: rngFor(seed, "network"),
    uptime: rngFor(seed, "uptime"),
    curtailment: rngFor(seed, "curtailment"),
    params: rngFor(seed, "params")
  }
}
