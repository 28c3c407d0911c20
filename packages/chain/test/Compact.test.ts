import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { BitsInvalidError, compactToTarget, formatBits, parseBits, TargetInvalidError, targetToCompact } from "../src/index.ts"

describe("compactToTarget / targetToCompact (Core's arith_uint256_tests, bignum_SetCompact)", () => {
  it("decodes zero mantissas and sub-byte sizes to 0, never negative", () => {
    for (const bits of [0, 0x00123456, 0x01003456, 0x02000056, 0x03000000, 0x04000000, 0x00923456, 0x01803456, 0x02800056, 0x03800000, 0x04800000]) {
      const decoded = compactToTarget(bits)
      expect(decoded, formatBits(bits)).toEqual({ target: 0n, negative: false, overflow: false })
      expect(targetToCompact(decoded.target)).toBe(0)
    }
  })

  it("shifts the mantissa right when the size byte is 3 or less", () => {
    expect(compactToTarget(0x01123456)).toEqual({ target: 0x12n, negative: false, overflow: false })
    expect(targetToCompact(0x12n)).toBe(0x01120000)
    expect(compactToTarget(0x02123456).target).toBe(0x1234n)
    expect(targetToCompact(0x1234n)).toBe(0x02123400)
    expect(compactToTarget(0x03123456).target).toBe(0x123456n)
    expect(targetToCompact(0x123456n)).toBe(0x03123456)
  })

  it("shifts left for larger sizes and round-trips Core's examples", () => {
    expect(compactToTarget(0x04123456).target).toBe(0x12345600n)
    expect(targetToCompact(0x12345600n)).toBe(0x04123456)
    expect(compactToTarget(0x05009234).target).toBe(0x92340000n)
    expect(targetToCompact(0x92340000n)).toBe(0x05009234)
    expect(compactToTarget(0x20123456).target).toBe(0x123456n << 232n)
    expect(targetToCompact(0x123456n << 232n)).toBe(0x20123456)
  })

  it("flags negative and overflowing encodings", () => {
    expect(compactToTarget(0x01fedcba)).toEqual({ target: 0x7en, negative: true, overflow: false })
    expect(compactToTarget(0x04923456)).toEqual({ target: 0x12345600n, negative: true, overflow: false })
    expect(compactToTarget(0xff123456).overflow).toBe(true)
    expect(compactToTarget(0x23000001).overflow).toBe(true)
    expect(compactToTarget(0x22000001).overflow).toBe(false)
    expect(compactToTarget(0x22000100).overflow).toBe(true)
  })

  it("never sets the sign bit: a target of 0x80 encodes as 0x02008000", () => {
    expect(targetToCompact(0x80n)).toBe(0x02008000)
    expect(compactToTarget(0x02008000).target).toBe(0x80n)
  })

  it("refuses bits and targets out of range", () => {
    expect(() => compactToTarget(-1)).toThrow(BitsInvalidError)
    expect(() => compactToTarget(1.5)).toThrow(BitsInvalidError)
    expect(() => compactToTarget(2 ** 32)).toThrow(BitsInvalidError)
    expect(() => compactToTarget(Number.NaN)).toThrow(BitsInvalidError)
    expect(() => targetToCompact(-1n)).toThrow(TargetInvalidError)
    expect(() => targetToCompact(1n << 256n)).toThrow(TargetInvalidError)
  })

  it("parses and formats bits as 8 lowercase hex digits", () => {
    expect(parseBits("1704ed7f")).toBe(0x1704ed7f)
    expect(parseBits("0x1D00FFFF")).toBe(0x1d00ffff)
    expect(formatBits(0x1d00ffff)).toBe("1d00ffff")
    expect(formatBits(0x02008000)).toBe("02008000")
    expect(() => parseBits("xyz")).toThrow(BitsInvalidError)
    expect(() => parseBits("123456789")).toThrow(BitsInvalidError)
  })
})

describe("compact encoding properties", () => {
  // A normalized target is one that compact encoding represents exactly: at most 3 significant bytes
  // (mantissa below 0x800000 once placed), i.e. what targetToCompact(compactToTarget(b)) keeps.
  const normalizedTarget = fc
    .tuple(fc.integer({ min: 1, max: 0x7fffff }), fc.integer({ min: 0, max: 29 }))
    .map(([mantissa, shiftBytes]) => BigInt(mantissa) << BigInt(8 * shiftBytes))

  it("always round-trips a normalized target through its compact form", () => {
    fc.assert(
      fc.property(normalizedTarget, (target) => {
        const decoded = compactToTarget(targetToCompact(target))
        expect(decoded).toEqual({ target, negative: false, overflow: false })
      })
    )
  })

  it("always encodes any target to bits whose target is the target truncated to 3 significant bytes", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: (1n << 256n) - 1n }), (target) => {
        const bits = targetToCompact(target)
        const back = compactToTarget(bits)
        expect(back.negative).toBe(false)
        expect(back.target <= target).toBe(true)
        expect(bits & 0x00800000).toBe(0)
        // dropping at most the bytes below the top three loses less than one unit of the lowest kept byte
        const size = (bits >>> 24) - 3
        const unit = size > 0 ? 1n << BigInt(8 * size) : 1n
        expect(target - back.target < unit).toBe(true)
      })
    )
  })

  it("never lets any 32-bit value crash SetCompact", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (bits) => {
        const { target } = compactToTarget(bits)
        expect(target >= 0n && target < 1n << 256n).toBe(true)
      })
    )
  })
})
