import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { mix64 } from "@hashsim/sim/seed"
import { pathSeed, pathSeeds } from "../src/index.ts"

describe("pathSeed", () => {
  it("uses the sim's splitmix64 (the reference output for state 0 after one gamma step)", () => {
    // splitmix64 seeded with 0: first output is 0xE220A8397B1DCDAF (Vigna's reference implementation).
    expect(mix64(0x9e3779b97f4a7c15n)).toBe(0xe220a8397b1dcdafn)
  })

  it("is pinned for a few (master, path) pairs, so a change of derivation is a visible change", () => {
    expect([0, 1, 2].map((i) => pathSeed(0, i))).toMatchInlineSnapshot(`
      [
        7956156453446585,
        3886858653415212,
        238094247788840,
      ]
    `)
    expect(pathSeed(20241107, 999_999)).toMatchInlineSnapshot(`4514267174281`)
  })

  it("always gives a seed in 0..2^53-1 that depends only on (master, path)", () => {
    fc.assert(fc.property(fc.maxSafeNat(), fc.nat({ max: 1e9 }), (master, path) => {
      const seed = pathSeed(master, path)
      expect(Number.isSafeInteger(seed) && seed >= 0).toBe(true)
      expect(pathSeeds(master)(path)).toBe(seed)
    }))
  })

  it("never repeats a seed among the first 100,000 paths, nor across neighbouring master seeds", () => {
    const seen = new Set<number>()
    for (const master of [0, 1]) {
      const seedOf = pathSeeds(master)
      for (let i = 0; i < 50_000; i++) seen.add(seedOf(i))
    }
    expect(seen.size).toBe(100_000)
  })

  it("spreads seeds evenly: top-bit frequency and low-bit frequency within 4 sd over 100,000 paths (alpha ~ 6e-5)", () => {
    const seedOf = pathSeeds(42)
    const n = 100_000
    let top = 0
    let low = 0
    for (let i = 0; i < n; i++) {
      const s = seedOf(i)
      if (s >= 2 ** 52) top++
      if (s % 2 === 1) low++
    }
    const sd = Math.sqrt(n / 4)
    expect(Math.abs(top - n / 2)).toBeLessThan(4 * sd)
    expect(Math.abs(low - n / 2)).toBeLessThan(4 * sd)
  })

  it("rejects masters outside 0..2^53-1", () => {
    expect(() => pathSeed(-1, 0)).toThrow(RangeError)
    expect(() => pathSeed(2 ** 53, 0)).toThrow(RangeError)
    expect(() => pathSeed(1.5, 0)).toThrow(RangeError)
  })
})
