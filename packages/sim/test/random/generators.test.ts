// The generators: reference outputs from the C originals, the open 53-bit uniform, and statistical checks
// (uniformity, pairs, linear complexity) that sfc32 passes and that reject seedrandom's xor128 and xorwow.
import { describe, expect, it } from "vitest"
import fc from "fast-check"
import seedrandom from "seedrandom"
import { doubleFromWords, GeneratorStateInvalidError, Sfc32, Xoshiro128StarStar, type Rng } from "../../src/random/index.ts"
import {
  binnedChiSquare,
  chiSquareTest,
  edgesBetween,
  ksTest,
  linearComplexity,
  linearComplexityTailProbability,
  normalCriticalTwoSided
} from "@hashsim/testkit"

const ALPHA = 0.001
const TWO_POW_53 = 2 ** 53

const words = (rng: Rng, n: number): Array<number> => Array.from({ length: n }, () => rng.nextU32())

describe("reference outputs", () => {
  it("sfc32 matches the C reference (PractRand's sfc32) word for word", () => {
    // From a C program: a=0x9e3779b9 b=0x243f6a88 c=0xb7e15162 counter=1, t=a+b+d; d++; a=b^(b>>9);
    // b=c+(c<<3); c=rotl(c,21)+t.
    expect(words(new Sfc32(0x9e3779b9, 0x243f6a88, 0xb7e15162, 1), 6)).toEqual([
      3262571586, 2602127793, 3691875691, 1400833174, 2246018411, 1634095475
    ])
  })

  it("xoshiro128** matches the reference C code (Blackman and Vigna) from state 1, 2, 3, 4", () => {
    expect(words(new Xoshiro128StarStar(1, 2, 3, 4), 6)).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492])
  })

  it("xoshiro128** refuses the all-zero state (it would stay zero forever)", () => {
    expect(() => new Xoshiro128StarStar(0, 0, 0, 0)).toThrow(GeneratorStateInvalidError)
  })

  it("words are unsigned 32-bit integers", () => {
    const rng = new Sfc32(1, 2, 3, 4)
    for (const w of words(rng, 10_000)) {
      expect(Number.isInteger(w) && w >= 0 && w < 2 ** 32).toBe(true)
    }
  })

  it("a clone continues the same sequence", () => {
    const rng = new Sfc32(5, 6, 7, 8)
    words(rng, 100)
    const copy = rng.clone()
    expect(words(copy, 50)).toEqual(words(rng, 50))
  })
})

/** An sfc32 whose words are scripted, to reach the rare branches of nextDouble. */
class ScriptedWords extends Sfc32 {
  private i = 0
  constructor(private readonly script: ReadonlyArray<number>) {
    super(0, 0, 0, 0)
  }
  override nextU32(): number {
    return this.script[this.i++]! >>> 0
  }
}

describe("nextDouble: open interval (0,1), 53-bit resolution", () => {
  it("never returns 0: the all-zero draw (probability 2^-53) is skipped", () => {
    // First pair (0, 0) gives k = 0 and is drawn again; the next pair (0, 1) gives k = 1.
    expect(new ScriptedWords([0, 0, 0, 1]).nextDouble()).toBe(2 ** -53)
  })

  it("never returns 1: the largest value is 1 - 2^-53", () => {
    const top = new ScriptedWords([0xffffffff, 0xffffffff]).nextDouble()
    expect(top).toBe(1 - 2 ** -53)
    expect(top < 1).toBe(true)
    expect(doubleFromWords(0xffffffff, 0xffffffff)).toBe(1 - 2 ** -53)
    expect(-Math.log(2 ** -53)).toBeCloseTo(36.7368, 4)
  })

  it("the high 21 bits of the first word and all 32 of the second make k / 2^53", () => {
    expect(new ScriptedWords([0x800, 0]).nextDouble()).toBe(2 ** 32 / TWO_POW_53)
    expect(new ScriptedWords([0x7ff, 5]).nextDouble()).toBe(5 / TWO_POW_53) // low 11 bits of the first word unused
  })

  it("always: from any state, every draw u has 0 < u < 1 and u * 2^53 an integer", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), fc.integer(), fc.integer(), (a, b, c, d) => {
        const rng = new Sfc32(a, b, c, d)
        for (let i = 0; i < 200; i++) {
          const u = rng.nextDouble()
          if (!(u > 0 && u < 1 && Number.isInteger(u * TWO_POW_53))) return false
        }
        return true
      })
    )
  })

  it("covers all 53 bits: each bit of k is set in half the draws (z-tests, family alpha 0.001, Bonferroni)", () => {
    const rng = new Sfc32(11, 22, 33, 44)
    const n = 1 << 20
    const setCounts = new Array<number>(53).fill(0)
    for (let i = 0; i < n; i++) {
      let k = rng.nextDouble() * TWO_POW_53
      const lo = k % 2 ** 26
      k = (k - lo) / 2 ** 26
      for (let j = 0; j < 26; j++) if ((lo >>> j) & 1) setCounts[j]!++
      for (let j = 0; j < 27; j++) if ((Math.floor(k / 2 ** j) & 1) === 1) setCounts[26 + j]!++
    }
    const critical = normalCriticalTwoSided(ALPHA / 53)
    for (let j = 0; j < 53; j++) {
      const z = (setCounts[j]! - n / 2) / Math.sqrt(n / 4)
      expect(Math.abs(z), `bit ${j}`).toBeLessThan(critical)
    }
  })
})

const candidates: ReadonlyArray<[string, () => Rng]> = [
  ["sfc32", () => new Sfc32(0x12345678, 0x9abcdef0, 0x0fedcba9, 1)],
  ["xoshiro128**", () => new Xoshiro128StarStar(0x12345678, 0x9abcdef0, 0x0fedcba9, 1)]
]

describe.each(candidates)("%s: statistical checks at alpha = 0.001", (_name, make) => {
  it("doubles are uniform: chi-square over 1000 equal bins, 10^6 draws", () => {
    const rng = make()
    const counts = new Array<number>(1000).fill(0)
    for (let i = 0; i < 1_000_000; i++) counts[Math.floor(rng.nextDouble() * 1000)]!++
    const result = chiSquareTest(counts, new Array<number>(1000).fill(1 / 1000), ALPHA)
    expect(result.df).toBe(999)
    expect(result.reject, `chi2 ${result.statistic} > ${result.critical}`).toBe(false)
  })

  it("doubles are uniform: Kolmogorov-Smirnov, 10^5 draws", () => {
    const rng = make()
    const xs = Array.from({ length: 100_000 }, () => rng.nextDouble())
    const result = ksTest(xs, (x) => x, ALPHA)
    expect(result.reject, `D ${result.statistic} > ${result.critical}`).toBe(false)
  })

  it("consecutive pairs are uniform on the square: chi-square over 64 x 64 cells, 10^6 pairs", () => {
    const rng = make()
    const counts = new Array<number>(4096).fill(0)
    for (let i = 0; i < 1_000_000; i++) {
      const a = rng.nextU32() >>> 26
      const b = rng.nextU32() >>> 26
      counts[a * 64 + b]!++
    }
    const result = chiSquareTest(counts, new Array<number>(4096).fill(1 / 4096), ALPHA)
    expect(result.reject, `chi2 ${result.statistic} > ${result.critical}`).toBe(false)
  })

  it("the low byte of the words is uniform too: chi-square over 256 values, 10^6 words", () => {
    const rng = make()
    const counts = new Array<number>(256).fill(0)
    for (let i = 0; i < 1_000_000; i++) counts[rng.nextU32() & 0xff]!++
    const result = chiSquareTest(counts, new Array<number>(256).fill(1 / 256), ALPHA)
    expect(result.reject, `chi2 ${result.statistic} > ${result.critical}`).toBe(false)
  })
})

/** Bit `bit` of `n` successive words. */
const bitSequence = (next: () => number, bit: number, n: number): Array<number> =>
  Array.from({ length: n }, () => (next() >>> bit) & 1)

describe("linear complexity (Berlekamp-Massey over 2000 bits): random bits have complexity near 1000", () => {
  const n = 2000
  const band = 10
  const alpha = linearComplexityTailProbability(n, band)

  it("the acceptance band 1000 +/- 10 rejects truly random bits with probability below 1e-6", () => {
    expect(alpha).toBeLessThan(1e-6)
    expect(alpha).toBeGreaterThan(0)
  })

  it("is computed right: an LFSR sequence has its degree, a constant sequence complexity 1", () => {
    // x_{i} = x_{i-3} xor x_{i-5}: a degree-5 recurrence.
    const xs = [1, 0, 0, 1, 1]
    for (let i = 5; i < 200; i++) xs.push(xs[i - 3]! ^ xs[i - 5]!)
    expect(linearComplexity(xs)).toBe(5)
    expect(linearComplexity(new Array<number>(100).fill(1))).toBe(1)
  })

  it.each(candidates)("%s passes in bits 0, 1, 16 and 31", (_name, make) => {
    for (const bit of [0, 1, 16, 31]) {
      const rng = make()
      const lc = linearComplexity(bitSequence(() => rng.nextU32(), bit, n))
      expect(Math.abs(lc - n / 2), `bit ${bit}: ${lc}`).toBeLessThanOrEqual(band)
    }
  })

  it.each([
    ["xor128", () => seedrandom.xor128("20241107")],
    ["xorwow", () => seedrandom.xorwow("20241107")]
  ] as const)("seedrandom's %s fails in bit 0 (linear complexity 128 for xor128, 162 for xorwow): why it was not chosen", (_name, make) => {
    const prng = make()
    const lc = linearComplexity(bitSequence(() => prng.int32() >>> 0, 0, n))
    expect(lc).toBeLessThanOrEqual(200)
    expect(Math.abs(lc - n / 2)).toBeGreaterThan(band)
  })
})

describe("the checks have power", () => {
  it("the pairs test rejects a generator whose consecutive draws are correlated (u, then (u + small noise) mod 1)", () => {
    const rng = new Sfc32(1, 2, 3, 4)
    const counts = new Array<number>(4096).fill(0)
    for (let i = 0; i < 1_000_000; i++) {
      const a = rng.nextDouble()
      const b = (a + 0.5 * rng.nextDouble()) % 1
      counts[Math.floor(a * 64) * 64 + Math.floor(b * 64)]!++
    }
    expect(chiSquareTest(counts, new Array<number>(4096).fill(1 / 4096), ALPHA).reject).toBe(true)
  })

  it("the uniform chi-square rejects 32-bit floats rounded to the nearest 2^-8 (a resolution defect, binned at 2^-10)", () => {
    const rng = new Sfc32(1, 2, 3, 4)
    const xs = Array.from({ length: 1_000_000 }, () => Math.round(rng.nextDouble() * 256) / 256)
    const result = binnedChiSquare(xs, (x) => Math.min(1, Math.max(0, x)), edgesBetween(1 / 1024, 1 - 1 / 1024, 1 / 1024), ALPHA)
    expect(result.reject).toBe(true)
  })
})
