// log(k!) as the exact samplers use it: against exact small values and an independent log-gamma, and seamless
// where its method changes (summed table / Stirling table at 256, table / formula at 16384).
import { describe, expect, it } from "vitest"
import { logFactorial, stirlingTail } from "../../src/random/index.ts"
import { logGamma } from "@hashsim/testkit"

describe("logFactorial", () => {
  it("is exact on small factorials", () => {
    expect(logFactorial(0)).toBe(0)
    expect(logFactorial(1)).toBe(0)
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 14)
    expect(logFactorial(20)).toBeCloseTo(Math.log(2432902008176640000), 12)
  })

  it("matches the Lanczos log-gamma of stats.ts to 1e-13 relative, from 2 to 10^9", () => {
    const ks = [2, 10, 100, 255, 256, 257, 1000, 2016, 16383, 16384, 16385, 1e5, 1e6, 1e9]
    for (const k of ks) {
      const expected = logGamma(k + 1)
      expect(Math.abs(logFactorial(k) - expected) / expected, `k = ${k}`).toBeLessThan(1e-13)
    }
  })

  it("has no step where its method changes: successive differences are log(k)", () => {
    for (const k of [255, 256, 16383, 16384]) {
      expect(logFactorial(k) - logFactorial(k - 1), `k = ${k}`).toBeCloseTo(Math.log(k), 9)
    }
  })

  it("stirlingTail is the remainder 1/(12(k+1)) - ... and decreases", () => {
    expect(stirlingTail(0)).toBeCloseTo(1 - 0.5 * Math.log(2 * Math.PI), 14)
    expect(stirlingTail(1000) * 12 * 1001).toBeCloseTo(1, 6)
    for (const k of [1, 10, 255, 256, 1e4]) expect(stirlingTail(k)).toBeLessThan(stirlingTail(k - 1))
  })
})
