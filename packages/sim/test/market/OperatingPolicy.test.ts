// The fleet's operating policy: breakeven never runs a day at a loss on power at the margin, take-or-pay energy is
// free at the margin, a forgone curtailment credit is a cost, and the floor and always-on policies do what they say.
import { describe, expect, it } from "vitest"
import fc from "fast-check"
import {
  marginalPowerUsdPerKwh,
  POLICY_ALWAYS_ON,
  POLICY_BREAKEVEN,
  POLICY_HASHPRICE_FLOOR,
  policyCode,
  runsToday
} from "../../src/market/OperatingPolicy.ts"

const price = fc.double({ min: 0, max: 500, noNaN: true })
const rate = fc.double({ min: 0, max: 0.5, noNaN: true })
const jth = fc.double({ min: 5, max: 120, noNaN: true })

describe("OperatingPolicy", () => {
  it("breakeven: on every day it runs, a PH/s earns at least its power at the marginal rate", () => {
    fc.assert(
      // Hashprice drawn around the power cost (0 to 2x in steps of 0.001; fc.double would crowd near 0).
      fc.property(fc.integer({ min: 0, max: 2000 }).map((i) => i / 1000), rate, jth, fc.double({ min: 1, max: 1e6, noNaN: true }), (f, r, e, ph) => {
        const h = f * 24 * e * r
        if (!runsToday(POLICY_BREAKEVEN, h, 0, r, e)) return true
        const revenue = h * ph
        const kwh = (e * 1000 * ph * 24) / 1000 // W per PH/s x PH/s x 24 h, in kWh
        return revenue >= kwh * r * (1 - 1e-12)
      })
    )
  })

  it("breakeven: runs when hashprice covers power and not when it does not (an S21 at $0.05: $21/PH/day)", () => {
    expect(runsToday(POLICY_BREAKEVEN, 21.01, 0, 0.05, 17.5)).toBe(true)
    expect(runsToday(POLICY_BREAKEVEN, 20.99, 0, 0.05, 17.5)).toBe(false)
  })

  it("floor and always-on", () => {
    fc.assert(
      fc.property(price, price, (h, floor) => {
        return runsToday(POLICY_HASHPRICE_FLOOR, h, floor, 0, 0) === h >= floor && runsToday(POLICY_ALWAYS_ON, h, floor, 0, 0)
      })
    )
    expect(policyCode({ kind: "hashpriceFloor", floorUsdPerPhDay: 30 })).toBe(POLICY_HASHPRICE_FLOOR)
  })

  it("take-or-pay: energy inside the minimum is free at the margin; a forgone credit adds to the price", () => {
    expect(marginalPowerUsdPerKwh(0.075, 1e9, 1e6, 0)).toBe(0)
    expect(marginalPowerUsdPerKwh(0.075, 0, 1e6, 0)).toBe(0.075)
    expect(marginalPowerUsdPerKwh(0.075, 5e5, 1e6, 0)).toBeCloseTo(0.0375, 15)
    expect(marginalPowerUsdPerKwh(0.065, 0, 1e6, 0.05)).toBeCloseTo(0.115, 15)
    // So under a minimum, breakeven runs at any hashprice: switching off would save nothing.
    expect(runsToday(POLICY_BREAKEVEN, 0.01, 0, marginalPowerUsdPerKwh(0.075, 1e9, 1e6, 0), 17.5)).toBe(true)
  })
})
