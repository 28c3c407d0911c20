import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  bitsForHashrate,
  bitsToDifficulty,
  blockSubsidy,
  compactToTarget,
  difficultyToBits,
  DifficultyInvalidError,
  ehsToThs,
  HALVING_INTERVAL,
  halvingHeight,
  hashrateForBits,
  HeightInvalidError,
  nextHalvingHeight,
  POW_LIMIT,
  thsToHashesPerS,
  workForBits
} from "../src/index.ts"

describe("blockSubsidy", () => {
  it("is 50 BTC >> halvings at every halving, zero from the 64th", () => {
    for (let n = 0; n < 70; n++) {
      const expected = n >= 64 ? 0n : 5_000_000_000n >> BigInt(n)
      expect(blockSubsidy(halvingHeight(n)), `halving ${n}`).toBe(expected)
      if (n > 0) expect(blockSubsidy(halvingHeight(n) - 1)).toBe(n > 64 ? 0n : 5_000_000_000n >> BigInt(n - 1))
    }
    expect(blockSubsidy(1_050_000)).toBe(156_250_000n)
    expect(blockSubsidy(1_049_999)).toBe(312_500_000n)
    expect(nextHalvingHeight(870_000)).toBe(1_050_000)
    expect(nextHalvingHeight(1_050_000)).toBe(1_260_000)
  })

  it("issues 2,099,999,997,690,000 satoshis in total", () => {
    let total = 0n
    for (let n = 0; n < 64; n++) total += blockSubsidy(halvingHeight(n)) * BigInt(HALVING_INTERVAL)
    expect(total).toBe(2_099_999_997_690_000n)
  })

  it("refuses negative and fractional heights", () => {
    expect(() => blockSubsidy(-1)).toThrow(HeightInvalidError)
    expect(() => blockSubsidy(0.5)).toThrow(HeightInvalidError)
  })

  it("always halves exactly at a halving height and never increases", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 64 * HALVING_INTERVAL }), fc.integer({ min: 0, max: 1_000_000 }), (h, d) => {
        expect(blockSubsidy(h + d) <= blockSubsidy(h)).toBe(true)
        if (h % HALVING_INTERVAL === 0 && h > 0) expect(blockSubsidy(h)).toBe(blockSubsidy(h - 1) / 2n)
        else if (h > 0) expect(blockSubsidy(h)).toBe(blockSubsidy(h - 1))
      })
    )
  })
})

describe("work and difficulty", () => {
  it("work at powLimit is 2^32 + 2^16 + 1 hashes, as Core's GetBlockProof", () => {
    expect(workForBits(0x1d00ffff)).toBe(0x100010001n)
    expect(workForBits(0)).toBe(0n)
    expect(workForBits(0x04923456)).toBe(0n)
  })

  it("difficulty 1 is powLimit, and difficultyToBits inverts bitsToDifficulty", () => {
    expect(bitsToDifficulty(0x1d00ffff)).toBe(1)
    expect(difficultyToBits(1)).toBe(0x1d00ffff)
    expect(difficultyToBits(bitsToDifficulty(0x1704e90f))).toBe(0x1704e90f)
    expect(() => difficultyToBits(0.5)).toThrow(DifficultyInvalidError)
    expect(() => difficultyToBits(Number.POSITIVE_INFINITY)).toThrow(DifficultyInvalidError)
  })

  it("converts hashrate and bits both ways at 600 s per block", () => {
    const bits = bitsForHashrate(thsToHashesPerS(ehsToThs(753.11)))
    const back = hashrateForBits(bits)
    expect(Math.abs(back / thsToHashesPerS(ehsToThs(753.11)) - 1)).toBeLessThan(1e-4)
    expect(() => bitsForHashrate(0)).toThrow(DifficultyInvalidError)
  })

  it("always gives more work for a smaller target", () => {
    const target = fc.bigInt({ min: 1n, max: POW_LIMIT })
    fc.assert(
      fc.property(fc.integer({ min: 0x03008000, max: 0x1d00ffff }), fc.integer({ min: 0x03008000, max: 0x1d00ffff }), (a, b) => {
        const ta = compactToTarget(a)
        const tb = compactToTarget(b)
        fc.pre(!ta.negative && !tb.negative && ta.target > 0n && tb.target > 0n && ta.target <= POW_LIMIT && tb.target <= POW_LIMIT)
        if (ta.target < tb.target) expect(workForBits(a) >= workForBits(b)).toBe(true)
      })
    )
    expect(target).toBeDefined()
  })
})

describe("difficultyToBits", () => {
  it("always maps the difficulty of any mainnet bits back to the same bits", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0x008000, max: 0x7fffff }), fc.integer({ min: 0x04, max: 0x1c }), (mantissa, size) => {
        const bits = ((size << 24) | mantissa) >>> 0
        expect(difficultyToBits(bitsToDifficulty(bits))).toBe(bits)
      })
    )
  })
})
