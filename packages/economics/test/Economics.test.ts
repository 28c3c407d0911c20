import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  allInCostPerBtcUsdCents, cashCostPerBtcUsdCents, centsOfSats, depreciationUsdCents, discountDivisor, expectedBlocks,
  floorSats, fppsGrossSats, hashpriceUsdCentsPerPhDay, netOfPoolFee, onlineThsOf, perBtcUsdCents, presentValueUsdCents,
  reachesPayback, roundHalfEven, satsToUsdCents, SECONDS_PER_DAY, SECONDS_PER_YEAR, uncurtailedThs, utcDayStartS, withUptimeThs
} from "../src/index.ts"

const T0 = 1_730_937_600 // 2024-11-07T00:00:00Z

describe("time", () => {
  it("a Julian year is 365.25 days; a day starts at 00:00Z", () => {
    expect(SECONDS_PER_YEAR).toBe(31_557_600)
    expect(utcDayStartS(T0 + 86_399)).toBe(T0)
    expect(utcDayStartS(T0 + SECONDS_PER_DAY)).toBe(T0 + SECONDS_PER_DAY)
  })
})

describe("NPV", () => {
  it("discounts a day's flows from 00:00Z of the start's day, whatever the hour of the start", () => {
    // Start at 13:00 on day 0: day 0 is undiscounted, day 365.25 (a Julian year later) is divided by 1 + r.
    expect(discountDivisor(0.1, T0 + 13 * 3600, T0 + 5)).toBe(1)
    expect(discountDivisor(0.1, T0 + 13 * 3600, T0 + 2 * SECONDS_PER_DAY + 7)).toBe(Math.pow(1.1, 2 / 365.25))
    // Four Julian years are 1461 whole days: divided by 1.1^4.
    expect(presentValueUsdCents(14_641, discountDivisor(0.1, T0, T0 + 4 * SECONDS_PER_YEAR))).toBeCloseTo(10_000, 9)
  })
  it("a zero rate leaves every flow as it is", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: -1e12, max: 1e12 }), (day, flow) => {
      expect(presentValueUsdCents(flow, discountDivisor(0, T0, T0 + day * SECONDS_PER_DAY))).toBe(flow)
    }))
  })
})

describe("payback", () => {
  it("needs capex and a margin that has reached it", () => {
    expect(reachesPayback(100, 100)).toBe(true)
    expect(reachesPayback(99, 100)).toBe(false)
    expect(reachesPayback(5, 0)).toBe(false)
  })
})

describe("depreciation", () => {
  it("spreads a lot's price over its life, per second owned inside the window", () => {
    // $256M over 4 Julian years, 3 days of it: 25.6e9 x 3 / 1461 cents.
    expect(depreciationUsdCents(25_600_000_000, T0, 4, T0, T0 + 3 * SECONDS_PER_DAY)).toBeCloseTo((25_600_000_000 * 3) / 1461, 4)
    expect(depreciationUsdCents(1000, T0, 1, T0 - 100, T0)).toBe(0)
    expect(depreciationUsdCents(1000, T0, 1, Number.NEGATIVE_INFINITY, T0 + 10 * SECONDS_PER_YEAR)).toBe(1000)
  })
  it("is additive over adjoining windows and never exceeds the price", () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: -1e8, max: 1e8 }),
      fc.integer({ min: 0, max: 2e8 }), fc.integer({ min: 0, max: 2e8 }),
      (price, life, from, a, b) => {
        const mid = T0 + from + a
        const end = mid + b
        const whole = depreciationUsdCents(price, T0, life, T0 + from, end)
        const parts = depreciationUsdCents(price, T0, life, T0 + from, mid) + depreciationUsdCents(price, T0, life, mid, end)
        expect(whole).toBeCloseTo(parts, 2)
        expect(whole).toBeLessThanOrEqual(price * (1 + 1e-12))
      }
    ))
  })
})

describe("cost per BTC and hashprice", () => {
  it("cash cost is (hosting - credits) per BTC, all-in adds depreciation, half-even; none without BTC", () => {
    expect(cashCostPerBtcUsdCents(287_280_000, 0, 5_805_000_000)).toBe(Math.round((287_280_000 * 1e8) / 5_805_000_000))
    expect(cashCostPerBtcUsdCents(300, 100, 200_000_000)).toBe(100)
    expect(allInCostPerBtcUsdCents(300, 100, 50, 200_000_000)).toBe(125)
    expect(perBtcUsdCents(5, 200_000_000)).toBe(2) // 2.5 -> 2 (half-even)
    expect(perBtcUsdCents(7, 200_000_000)).toBe(4) // 3.5 -> 4
    expect(cashCostPerBtcUsdCents(300, 100, 0)).toBeNull()
  })
  it("hashprice: revenue per PH/s per day", () => {
    // 1 PH/s online for 2 days earning $20: $10 per PH/s per day.
    expect(hashpriceUsdCentsPerPhDay(2000, 1000 * 2 * SECONDS_PER_DAY)).toBe(1000)
    expect(hashpriceUsdCentsPerPhDay(2000, 0)).toBeNull()
  })
})

describe("expected value (FPPS) and online hashrate", () => {
  it("expected blocks are the fleet's hashes over the work per block", () => {
    // 1 EH/s for 600 s at 6e20 hashes a block: one block.
    expect(expectedBlocks(1e6, 600, 6e20)).toBe(1)
    expect(fppsGrossSats(2, 312_500_000, 20_000_000)).toBe(665_000_000)
    expect(netOfPoolFee(1000, 0.025)).toBe(975)
    expect(floorSats(975.9)).toBe(975)
  })
  it("online = deployed x (1 - curtailed) x uptime, in either grouping", () => {
    expect(onlineThsOf(1000, 0.5, 0.9)).toBe(450)
    expect(withUptimeThs(uncurtailedThs(1000, 0.5) + uncurtailedThs(500, 0), 0.5)).toBe(500)
    fc.assert(fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (d, c, u) => {
      const online = onlineThsOf(d, c, u)
      expect(online).toBeGreaterThanOrEqual(0)
      expect(online).toBeLessThanOrEqual(d)
    }))
  })
})

describe("money", () => {
  it("roundHalfEven rounds ties to even, others to nearest", () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, 2.4999, 2.5001].map(roundHalfEven)).toEqual([0, 2, 2, 0, -2, 2, 3])
  })
  it("centsOfSats (doubles) equals satsToUsdCents (bigint) everywhere in its range", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2_100_000_000_000_000 }), fc.integer({ min: 0, max: 9_999_999_999 }), (sats, price) => {
      const exact = satsToUsdCents(sats, price)
      fc.pre(exact < 2 ** 52)
      expect(centsOfSats(sats, price)).toBe(exact)
    }))
  })
  it("centsOfSats is exact next to every quotient boundary (where a rounded quotient's floor is one off)", () => {
    // Amounts and prices one below, at and one above multiples of 1e8 and 1e4, up to the top of the range: the
    // quotient estimates land on or next to integers here, so the exact integer corrections must decide.
    const near = (k: number, unit: number) => [k * unit - 1, k * unit, k * unit + 1].filter((x) => x >= 0)
    const kAmount = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 21_000_000 }))
    const kPrice = fc.oneof(fc.integer({ min: 0, max: 9_000 }), fc.integer({ min: 0, max: 999_999 }))
    fc.assert(fc.property(kAmount, kPrice, (ka, kp) => {
      for (const sats of near(ka, 1e8)) {
        for (const price of [...near(kp, 1e4), ...near(Math.floor(kp / 100), 1e8)]) {
          const exact = satsToUsdCents(sats, price)
          if (exact < 2 ** 52) expect(centsOfSats(sats, price)).toBe(exact)
        }
      }
    }), { numRuns: 3000 })
    // The second quotient, (amount mod 1e8) x price / 1e8, one below and one above an integer: the amount's low part
    // is -1/price or 1/price modulo 1e8 (price prime to 10), the largest quotients the fast path takes.
    const inverseMod = (a: bigint, m: bigint): bigint => {
      let [r0, r1, s0, s1] = [a % m, m, 1n, 0n]
      while (r1 !== 0n) {
        const q = r0 / r1
        ;[r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1]
      }
      return ((s0 % m) + m) % m
    }
    const primeTo10 = fc.integer({ min: 1, max: 89_999_999 }).filter((p) => p % 2 !== 0 && p % 5 !== 0)
    fc.assert(fc.property(primeTo10, fc.integer({ min: 0, max: 21_000_000 }), (price, whole) => {
      const inv = Number(inverseMod(BigInt(price), 100_000_000n))
      for (const low of [inv, 100_000_000 - inv]) {
        const sats = whole * 1e8 + low
        expect(centsOfSats(sats, price)).toBe(satsToUsdCents(sats, price))
      }
    }), { numRuns: 3000 })
  })
})
