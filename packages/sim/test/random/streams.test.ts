// Streams: the derivation from (seed, name) pinned against an independent C implementation, determinism,
// distinct and independent streams, seed validation.
import { describe, expect, it } from "vitest"
import fc from "fast-check"
import {
  checkSeed,
  fnv1a64,
  MAX_SEED,
  mix64,
  NamedStream,
  rngFor,
  SeedInvalidError,
  splitmix64At,
  STREAM_NAMES,
  streamsFor,
  streamState,
  type StreamName
} from "../../src/random/index.ts"
import { chiSquareTest, normalCriticalTwoSided } from "@hashsim/testkit"

const ALPHA = 0.001

describe("the derivation (part of the reproducibility contract)", () => {
  it("splitmix64 gives the published outputs for seed 1234567", () => {
    expect([1, 2, 3].map((i) => splitmix64At(1234567n, i))).toEqual([
      6457827717110365317n,
      3203168211198807973n,
      9817491932198370423n
    ])
  })

  it("FNV-1a-64 gives the published values", () => {
    expect(fnv1a64("")).toBe(0xcbf29ce484222325n)
    expect(fnv1a64("a")).toBe(0xaf63dc4c8601ec8cn)
    expect(fnv1a64("foobar")).toBe(0x85944171f73967e8n)
  })

  it("mix64 is the splitmix64 finaliser (a bijection: 0 maps to 0, distinct inputs to distinct outputs)", () => {
    expect(mix64(0n)).toBe(0n)
    const outs = new Set(Array.from({ length: 1000 }, (_, i) => mix64(BigInt(i))))
    expect(outs.size).toBe(1000)
  })

  // First four words after the 12-word warm-up, from a C program that implements the documented derivation
  // (FNV-1a-64 of the name, mix64, splitmix64 steps, sfc32) independently of this code.
  const reference: Record<string, Record<StreamName, [number, number, number, number]>> = {
    "0": {
      arrivals: [3364585279, 1569530149, 3719964510, 3205037640],
      fleetShare: [1517898444, 2184163342, 947557104, 2183547657],
      fees: [741514336, 943255895, 651892262, 3953019605],
      price: [1240262818, 2156095156, 583286466, 2293233456],
      network: [3503494135, 47719093, 3607909123, 2407323069],
      uptime: [2769851316, 1293813627, 1156342019, 925569893],
      curtailment: [3742871524, 1151246486, 3134615229, 3521601238],
      params: [2209891714, 3266490081, 3185537845, 2843018260]
    },
    "1": {
      arrivals: [337860126, 2865484905, 4048127141, 2368241386],
      fleetShare: [464135099, 863665712, 2724386624, 585514483],
      fees: [3862889296, 1789030456, 4092527849, 3226981588],
      price: [2208303081, 2528740139, 1383088913, 2812381896],
      network: [3792035481, 3025097467, 3566188073, 177157201],
      uptime: [3686154788, 2038539275, 2888096827, 4049520158],
      curtailment: [3362064585, 1273452324, 1653385579, 2196108589],
      params: [1794784420, 348692084, 631358692, 2697779592]
    },
    "42": {
      arrivals: [224905406, 3341387246, 3112954619, 823061137],
      fleetShare: [2950098211, 1209457177, 3674942342, 3106636810],
      fees: [4289393434, 1808365795, 2221455313, 368984736],
      price: [434092552, 2976583593, 3022355940, 4241199911],
      network: [245048231, 545414961, 1457736803, 517799055],
      uptime: [3805343955, 426187473, 1479329647, 1263814064],
      curtailment: [1166974398, 3890632470, 1917869415, 3472893065],
      params: [3421052066, 1470100731, 3650604839, 85088570]
    },
    "9007199254740991": {
      arrivals: [3535434985, 3480675820, 204091133, 2343495634],
      fleetShare: [1506823312, 433614643, 625893081, 334063521],
      fees: [2137559860, 3687923856, 4258834112, 128988893],
      price: [254396438, 2903766644, 137107509, 3178439098],
      network: [3165841226, 3146346030, 4176759590, 176853887],
      uptime: [2287834396, 2633200553, 3626027405, 1568277452],
      curtailment: [2800131523, 2165065471, 3330544061, 779161581],
      params: [1629743328, 2247618633, 4197338987, 3300010301]
    }
  }

  it.each(Object.keys(reference))("seed %s: every stream's first words match the independent C implementation", (seedText) => {
    const seed = Number(seedText)
    const streams = streamsFor(seed)
    for (const name of STREAM_NAMES) {
      const rng = streams[name]
      expect([rng.nextU32(), rng.nextU32(), rng.nextU32(), rng.nextU32()], name).toEqual(reference[seedText]![name])
    }
  })

  it("the fixed stream names are exactly these eight", () => {
    expect([...STREAM_NAMES]).toEqual(["arrivals", "fleetShare", "fees", "price", "network", "uptime", "curtailment", "params"])
  })
})

describe("determinism", () => {
  it("always: the same seed gives the same sequences in every stream, across instantiations", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_SEED }), (seed) => {
        const a = streamsFor(seed)
        const b = streamsFor(seed)
        for (const name of STREAM_NAMES) {
          for (let i = 0; i < 50; i++) if (a[name].nextDouble() !== b[name].nextDouble()) return false
        }
        return true
      })
    )
  })

  it("a stream made alone equals the same stream made with the others: adding a stream shifts none", () => {
    const all = streamsFor(77)
    for (const name of STREAM_NAMES) {
      const alone = rngFor(77, name)
      for (let i = 0; i < 100; i++) expect(alone.nextU32()).toBe(all[name].nextU32())
    }
    // A new name is just another hash: the fixed streams' states do not depend on it.
    const before = streamState(77, "arrivals")
    rngFor(77, "someFutureInput")
    expect(streamState(77, "arrivals")).toEqual(before)
  })

  it("a NamedStream opens each path's generator exactly as rngFor derives it (32-bit halves = the BigInt spec)", () => {
    // Every name the simulator opens, and seeds across the whole range (carries, the 2^32 boundary, the top).
    const names = [...STREAM_NAMES, "blockCounts", "feeLevel", "observedArrivals", "observedCounts", "observedFleet", ""]
    const streams = names.map((n) => new NamedStream(n))
    const edges = [0, 1, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 52, MAX_SEED - 1, MAX_SEED]
    const check = (seed: number): boolean => {
      for (const s of streams) {
        const spec = rngFor(seed, s.name)
        const fast = s.open(seed)
        for (let i = 0; i < 4; i++) if (fast.nextU32() !== spec.nextU32()) return false
      }
      return true
    }
    for (const seed of edges) expect(check(seed)).toBe(true)
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_SEED }), check), { numRuns: 2000 })
    // Reopening restarts the stream (the same object, reseeded), whatever was drawn since.
    const s = new NamedStream("price")
    const first = s.open(9).nextU32()
    for (let i = 0; i < 10; i++) s.rng.nextU32()
    expect(s.open(9).nextU32()).toBe(first)
    expect(() => s.open(-1)).toThrow(SeedInvalidError)
  })

  it("drawing from one stream does not move another", () => {
    const a = streamsFor(5)
    const b = streamsFor(5)
    for (let i = 0; i < 1000; i++) a.arrivals.nextU32()
    expect(a.fees.nextU32()).toBe(b.fees.nextU32())
  })
})

describe("distinct and independent streams", () => {
  it("different names and different seeds start differently: 8 streams x 500 seeds, all first 64 bits distinct", () => {
    const seen = new Set<string>()
    for (let seed = 0; seed < 500; seed++) {
      const s = streamsFor(seed)
      for (const name of STREAM_NAMES) seen.add(`${s[name].nextU32()}:${s[name].nextU32()}`)
    }
    expect(seen.size).toBe(500 * STREAM_NAMES.length)
  })

  const pairs: ReadonlyArray<[string, () => [{ nextU32(): number }, { nextU32(): number }]]> = [
    ["arrivals vs fleetShare, seed 1", () => [rngFor(1, "arrivals"), rngFor(1, "fleetShare")]],
    ["arrivals of seeds 0 and 1", () => [rngFor(0, "arrivals"), rngFor(1, "arrivals")]],
    ["price of seeds 2^53-2 and 2^53-1", () => [rngFor(MAX_SEED - 1, "price"), rngFor(MAX_SEED, "price")]]
  ]

  it.each(pairs)("%s: paired draws are independent (chi-square over 32 x 32 cells, 500,000 pairs, alpha 0.001)", (_n, make) => {
    const [x, y] = make()
    const counts = new Array<number>(1024).fill(0)
    for (let i = 0; i < 500_000; i++) counts[(x.nextU32() >>> 27) * 32 + (y.nextU32() >>> 27)]!++
    const result = chiSquareTest(counts, new Array<number>(1024).fill(1 / 1024), ALPHA)
    expect(result.reject, `chi2 ${result.statistic} > ${result.critical}`).toBe(false)
  })

  it.each(pairs)("%s: correlation of paired uniforms is 0 within its standard error 1/sqrt(n) (alpha 0.001)", (_n, make) => {
    const [x, y] = make()
    const n = 500_000
    let s = 0
    for (let i = 0; i < n; i++) s += (x.nextU32() / 2 ** 32 - 0.5) * (y.nextU32() / 2 ** 32 - 0.5)
    const correlation = (s / n) * 12 // each centred uniform has variance 1/12
    expect(Math.abs(correlation * Math.sqrt(n))).toBeLessThan(normalCriticalTwoSided(ALPHA))
  })
})

describe("the independence checks have power", () => {
  it("the paired chi-square rejects a stream paired with a copy of itself (what a forgotten or colliding name gives)", () => {
    const x = rngFor(1, "arrivals")
    const y = rngFor(1, "arrivals")
    const counts = new Array<number>(1024).fill(0)
    for (let i = 0; i < 500_000; i++) counts[(x.nextU32() >>> 27) * 32 + (y.nextU32() >>> 27)]!++
    expect(chiSquareTest(counts, new Array<number>(1024).fill(1 / 1024), ALPHA).reject).toBe(true)
  })

  it("the correlation check rejects pairs sharing 10% of their variation (u and 0.9 v + 0.1 u, correlation ~0.11)", () => {
    const x = rngFor(1, "arrivals")
    const y = rngFor(1, "fleetShare")
    const n = 500_000
    let sx = 0
    let sy = 0
    let sxy = 0
    let sxx = 0
    let syy = 0
    for (let i = 0; i < n; i++) {
      const u = x.nextDouble()
      const v = 0.9 * y.nextDouble() + 0.1 * u
      sx += u
      sy += v
      sxy += u * v
      sxx += u * u
      syy += v * v
    }
    const cov = sxy / n - (sx / n) * (sy / n)
    const correlation = cov / Math.sqrt((sxx / n - (sx / n) ** 2) * (syy / n - (sy / n) ** 2))
    expect(Math.abs(correlation * Math.sqrt(n))).toBeGreaterThan(normalCriticalTwoSided(ALPHA))
  })
})

describe("seeds", () => {
  it("accepts the integers 0 .. 2^53-1", () => {
    expect(() => checkSeed(0)).not.toThrow()
    expect(() => checkSeed(MAX_SEED)).not.toThrow()
    expect(MAX_SEED).toBe(2 ** 53 - 1)
  })

  it.each([-1, 0.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY])("refuses %s with SeedInvalidError", (seed) => {
    expect(() => streamsFor(seed)).toThrow(SeedInvalidError)
    expect(() => rngFor(seed, "arrivals")).toThrow(SeedInvalidError)
    try {
      streamsFor(seed)
    } catch (e) {
      expect((e as SeedInvalidError)._tag).toBe("SeedInvalidError")
    }
  })
})
