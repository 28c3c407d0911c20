// The simulator's double arithmetic for money gives the ledger's bigint integers.
import { satsToUsdCents } from "@hashsim/ledger"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { centsOfSats, roundHalfEven } from "../src/Money.ts"

describe("centsOfSats", () => {
  it("equals the ledger's half-even satsToUsdCents wherever the result is a safe integer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 9_999_999_999 }), (sats, price) => {
        fc.pre((sats / 1e8) * price < 2 ** 52)
        expect(centsOfSats(sats, price)).toBe(satsToUsdCents(sats, price))
      }),
      { numRuns: 5000 }
    )
  })

  it("equals it on the fast path too (prices below $900,000, amounts up to 2^53)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 89_999_999 }), (sats, price) => {
        fc.pre((sats / 1e8) * price < 2 ** 52)
        expect(centsOfSats(sats, price)).toBe(satsToUsdCents(sats, price))
      }),
      { numRuns: 5000 }
    )
  })

  it("rounds exact halves to even", () => {
    expect(centsOfSats(50_000_000, 1)).toBe(0) // 0.5 -> 0
    expect(centsOfSats(150_000_000, 1)).toBe(2) // 1.5 -> 2
    expect(centsOfSats(100_000_000, 9_800_000)).toBe(9_800_000)
    expect(roundHalfEven(2.5)).toBe(2)
    expect(roundHalfEven(3.5)).toBe(4)
  })
})
