import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  BitsInvalidError,
  compactToTarget,
  HeightInvalidError,
  isRetargetHeight,
  MAX_TIMESPAN_S,
  MIN_TIMESPAN_S,
  nextTarget,
  nextWorkRequired,
  POW_LIMIT,
  POW_LIMIT_BITS,
  TimestampInvalidError
} from "../src/index.ts"

describe("nextWorkRequired (Core's pow_tests)", () => {
  it("get_next_work: blocks 30240..32255", () => {
    expect(nextWorkRequired({ bits: 0x1d00ffff, firstBlockTime: 1261130161, lastBlockTime: 1262152739 })).toBe(0x1d00d86a)
  })

  it("get_next_work_pow_limit: a slow epoch at powLimit stays at powLimit", () => {
    expect(nextWorkRequired({ bits: 0x1d00ffff, firstBlockTime: 1231006505, lastBlockTime: 1233061996 })).toBe(0x1d00ffff)
  })

  it("get_next_work_lower_limit_actual: a fast epoch is clamped to a factor of 4", () => {
    expect(nextWorkRequired({ bits: 0x1c05a3f4, firstBlockTime: 1279008237, lastBlockTime: 1279297671 })).toBe(0x1c0168fd)
  })

  it("get_next_work_upper_limit_actual: a slow epoch is clamped to a factor of 4", () => {
    expect(nextWorkRequired({ bits: 0x1c387f6f, firstBlockTime: 1263163443, lastBlockTime: 1269211443 })).toBe(0x1d00e1fd)
  })

  it("the hand-check example of the README: height 810432", () => {
    expect(nextWorkRequired({ bits: 0x1704ed7f, firstBlockTime: 1695114421, lastBlockTime: 1696319769 })).toBe(0x1704e90f)
  })

  it("caps at powLimit and clamps at both ends", () => {
    const slow = { bits: POW_LIMIT_BITS, firstBlockTime: 0, lastBlockTime: 10 * MAX_TIMESPAN_S }
    expect(nextTarget(slow)).toBe(POW_LIMIT)
    const bits = 0x17053894
    const old = compactToTarget(bits).target
    expect(nextTarget({ bits, firstBlockTime: 0, lastBlockTime: 1 })).toBe((old * BigInt(MIN_TIMESPAN_S)) / 1209600n)
    expect(nextTarget({ bits, firstBlockTime: 0, lastBlockTime: -5000 })).toBe((old * BigInt(MIN_TIMESPAN_S)) / 1209600n)
    expect(nextTarget({ bits, firstBlockTime: 0, lastBlockTime: 99 * MAX_TIMESPAN_S })).toBe((old * BigInt(MAX_TIMESPAN_S)) / 1209600n)
  })

  it("refuses non-integer timestamps and bits that encode no target", () => {
    expect(() => nextWorkRequired({ bits: 0x1d00ffff, firstBlockTime: 1.5, lastBlockTime: 2 })).toThrow(TimestampInvalidError)
    expect(() => nextWorkRequired({ bits: 0x1d00ffff, firstBlockTime: 1, lastBlockTime: Number.NaN })).toThrow(TimestampInvalidError)
    expect(() => nextWorkRequired({ bits: 0, firstBlockTime: 1, lastBlockTime: 2 })).toThrow(BitsInvalidError)
    expect(() => nextWorkRequired({ bits: 0x04923456, firstBlockTime: 1, lastBlockTime: 2 })).toThrow(BitsInvalidError)
  })

  it("knows retarget heights", () => {
    expect(isRetargetHeight(0)).toBe(false)
    expect(isRetargetHeight(2016)).toBe(true)
    expect(isRetargetHeight(2017)).toBe(false)
    expect(isRetargetHeight(810432)).toBe(true)
    expect(() => isRetargetHeight(-2016)).toThrow(HeightInvalidError)
    expect(() => isRetargetHeight(2016.5)).toThrow(HeightInvalidError)
  })
})

describe("retarget properties", () => {
  const mainnetBits = fc
    .tuple(fc.integer({ min: 0x010000, max: 0x7fffff }), fc.integer({ min: 0x17, max: 0x1d }))
    .map(([mantissa, size]) => ((size << 24) | mantissa) >>> 0)
    .filter((bits) => compactToTarget(bits).target <= POW_LIMIT)
  const times = fc.tuple(fc.integer({ min: 1_231_006_505, max: 2_000_000_000 }), fc.integer({ min: -3_000_000, max: 20_000_000 }))

  it("always keeps the new target within [old/4, old*4] before encoding, and never above powLimit", () => {
    fc.assert(
      fc.property(mainnetBits, times, (bits, [first, span]) => {
        const old = compactToTarget(bits).target
        const next = nextTarget({ bits, firstBlockTime: first, lastBlockTime: first + span })
        expect(next <= POW_LIMIT).toBe(true)
        expect(next * 4n >= old - 3n).toBe(true) // integer division by 1209600 may lose less than one unit
        expect(next <= old * 4n).toBe(true)
      })
    )
  })

  it("after encoding the target may sit just under old/4, by the encoding's truncation only", () => {
    fc.assert(
      fc.property(mainnetBits, times, (bits, [first, span]) => {
        const input = { bits, firstBlockTime: first, lastBlockTime: first + span }
        const exact = nextTarget(input)
        const next = nextWorkRequired(input)
        const encoded = compactToTarget(next).target
        const unit = 1n << BigInt(8 * Math.max(0, (next >>> 24) - 3))
        expect(encoded <= exact).toBe(true)
        expect(exact - encoded < unit).toBe(true)
      })
    )
  })

  it("is monotonic in the timespan: a slower epoch never gives a harder target", () => {
    fc.assert(
      fc.property(mainnetBits, fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 5_000_000 }), (bits, a, b) => {
        const [short, long] = a <= b ? [a, b] : [b, a]
        const t = (span: number) => nextTarget({ bits, firstBlockTime: 0, lastBlockTime: span })
        expect(t(short) <= t(long)).toBe(true)
      })
    )
  })
})
