import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { MAX_SEED, parseSeed } from "../../src/random/index.ts"

describe("parseSeed: the README's rule, a decimal integer from 0 to 2^53-1", () => {
  it("reads plain decimals, 0 and 2^53-1 included", () => {
    expect(parseSeed("0")).toBe(0)
    expect(parseSeed("42")).toBe(42)
    expect(parseSeed("9007199254740991")).toBe(MAX_SEED)
  })
  it.each(["1e3", "-1", "+1", "9007199254740992", "2^53", " 1", "1 ", "01", "00", "1.0", "0x10", "", "１"])("refuses %j", (text) => {
    expect(parseSeed(text)).toBeUndefined()
  })
  it("reads back every seed it accepts as written (and only those)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_SEED }), (seed) => {
      expect(parseSeed(String(seed))).toBe(seed)
    }))
    fc.assert(fc.property(fc.string(), (text) => {
      const seed = parseSeed(text)
      if (seed !== undefined) expect(String(seed)).toBe(text)
    }))
  })
})
