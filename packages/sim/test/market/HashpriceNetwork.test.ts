// The hashprice-driven network in a closed loop with a stand-in retarget (standIn.ts): hashprice cannot stay below
// the best cohort's power cost for long, a 70% price fall switches machines off and hashprice recovers towards the
// marginal miner's cost, and better machines grow the network at a flat price while hashprice falls.
import { describe, expect, it } from "vitest"
import fc from "fast-check"
import { HashpriceNetwork } from "../../src/market/HashpriceNetwork.ts"
import { HASHPRICE_NETWORK_DEFAULTS as DEFAULTS } from "../../src/market/HashpriceNetworkDefaults.ts"
import { hashpriceUsdPerPhDay, powerCostUsdPerPhDay } from "../../src/market/Hashprice.ts"
import { MarketParameterInvalidError } from "../../src/market/MarketParameterInvalidError.ts"
import { RETARGET_DAYS, REWARD_SATS, runStandIn, START_PRICE_CENTS, START_WORK } from "./standIn.ts"

/** Longest run of consecutive days on which `below(d)` holds. */
const longestRun = (days: number, below: (d: number) => boolean): number => {
  let run = 0
  let longest = 0
  for (let d = 0; d < days; d++) {
    run = below(d) ? run + 1 : 0
    if (run > longest) longest = run
  }
  return longest
}

describe("hashprice and power cost", () => {
  it("hashprice at the reference start: 3.195 BTC x $75,600 x 1e15 x 86,400 / (101.65e12 x 2^32) = $47.80/PH/day", () => {
    // Hand-computed: 3.195 x 75,600 = 241,542 USD a block; x 8.64e19 = 2.08692e25; / 4.36584e23 = 47.80.
    expect(hashpriceUsdPerPhDay(REWARD_SATS, START_PRICE_CENTS, START_WORK)).toBeCloseTo(47.8, 1)
  })
  it("an S21 (17.5 J/TH) at $0.05/kWh costs $21/PH/day in power (the issue's figure)", () => {
    expect(powerCostUsdPerPhDay(17.5, 0.05)).toBeCloseTo(21, 10)
  })
})

describe("HashpriceNetwork", () => {
  // Random daily price paths (log-random walks with crashes), floored at 2% of the start so that the fleet alone
  // would earn above every cost; random lags. Once every cohort is off (switch-off lag), the next retarget that
  // sees only the fleet lifts hashprice: one retarget later with "lastDay", two with "epochMean".
  const bounded = (retarget: "lastDay" | "epochMean", retargets: number): void => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.25, max: 0.12, noNaN: true }), { minLength: 200, maxLength: 500 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 200 }),
        (moves, offLag, onLag, orderLag) => {
          const params = { ...DEFAULTS, switchOffLagDays: offLag, switchOnLagDays: onLag, orderLagDays: orderLag }
          const logPrice = new Float64Array(moves.length)
          let x = 0
          for (let d = 0; d < moves.length; d++) {
            x = Math.max(Math.log(0.02), Math.min(Math.log(5), x + moves[d]!))
            logPrice[d] = x
          }
          const priceAt = (d: number): number => Math.round(START_PRICE_CENTS * Math.exp(logPrice[d]!))
          const { trace } = runStandIn(params, moves.length, priceAt, { retarget })
          const run = longestRun(moves.length, (d) => trace.hashprice[d]! < trace.minCash[d]!)
          return run <= offLag + retargets * RETARGET_DAYS
        }
      ),
      { numRuns: 60 }
    )
  }

  it("never leaves hashprice below the best cohort's power cost for more than the switch-off lag plus one retarget", () => {
    bounded("lastDay", 1)
  })

  it("with difficulty following the epoch's mean hashrate, for no more than the switch-off lag plus two retargets", () => {
    bounded("epochMean", 2)
  })

  it("after a 70% price fall held a year: online hashrate falls, difficulty follows within two retargets, hashprice recovers towards the marginal cost", () => {
    const shock = 364 // a retarget day (26 x 14), one year in
    const days = shock + 365
    const price = (d: number): number => (d >= shock ? Math.round(START_PRICE_CENTS * 0.3) : START_PRICE_CENTS)
    const { trace } = runStandIn(DEFAULTS, days, price, { retarget: "epochMean" })
    const before = trace.online[shock - 1]!
    const workBefore = trace.work[shock - 1]!
    const hAtShock = trace.hashprice[shock]!
    // 30% of the price (the shock day is also a retarget day, so the work moves too).
    expect((hAtShock * trace.work[shock]!) / (trace.hashprice[shock - 1]! * workBefore)).toBeCloseTo(0.3, 9)
    // Machines switch off once the switch-off lag has run: a tenth of the network at least.
    expect(trace.online[shock + DEFAULTS.switchOffLagDays]!).toBeLessThan(0.9 * before)
    // Difficulty follows within two retargets of the fall.
    expect(trace.work[shock + 2 * RETARGET_DAYS]!).toBeLessThan(0.9 * workBefore)
    // A year on, hashprice has recovered from the shock towards the marginal online cohort's power cost, and
    // sits between it and the cheapest cohort that stays off (the market's sandwich).
    const end = days - 1
    const h = trace.hashprice[end]!
    const marginal = trace.marginalCash[end]!
    expect(h).toBeGreaterThan(hAtShock)
    expect(Math.abs(h - marginal)).toBeLessThan(Math.abs(hAtShock - marginal))
    // In the last four epochs, on every day after the switching lags have run since the retarget, hashprice sits
    // between the marginal online cohort's power cost and the cheapest cohort left off (the market's sandwich).
    const settled = Math.max(DEFAULTS.switchOffLagDays, DEFAULTS.switchOnLagDays) + 1
    let checked = 0
    for (let d = end - 4 * RETARGET_DAYS; d <= end; d++) {
      if (d % RETARGET_DAYS < settled) continue
      expect(trace.hashprice[d]!, `day ${d}`).toBeGreaterThanOrEqual(trace.marginalCash[d]!)
      expect(trace.hashprice[d]!, `day ${d}`).toBeLessThanOrEqual(trace.cheapestOffCash[d]!)
      checked++
    }
    expect(checked).toBeGreaterThan(0)
  })

  it("with a flat price and improving machines the network grows while hashprice falls (a miner's bear market)", () => {
    // A flat price at which hashprice starts at the all-in cost of the best machine at the cheapest power, so
    // growth can come only from better machines; measured from the end of the first year (old classes settled).
    const flat = Math.round(START_PRICE_CENTS * 0.64)
    const days = 4 * 365
    const { trace } = runStandIn(DEFAULTS, days, () => flat, { retarget: "epochMean" })
    const y1 = 365
    expect(trace.online[days - 1]!).toBeGreaterThan(1.15 * trace.online[y1]!)
    expect(trace.hashprice[days - 1]!).toBeLessThan(0.9 * trace.hashprice[y1]!)
    // The control: no improvement, the same flat price, and the network does not grow (retirement is replaced).
    const still = runStandIn({ ...DEFAULTS, frontierImprovementPerYear: 0 }, days, () => flat, { retarget: "epochMean" }).trace
    expect(still.online[days - 1]!).toBeLessThan(1.05 * still.online[y1]!)
  })

  it("machines arriving when hashprice does not cover their power start off (and the classes already on wait their lag)", () => {
    const params = { ...DEFAULTS, switchOffLagDays: 30 }
    const net = new HashpriceNetwork(params, 1)
    net.reset(1e8, 1e8) // as much again on order, arriving over the first 120 days
    for (let d = 0; d < 20; d++) {
      const online = net.step(1 / 365.25, 100_000, REWARD_SATS, START_WORK) // $1,000: below every cost
      let starting = 0
      for (let k = 0; k < params.classes.length; k++) starting += net.cohortInstalledThs(k)
      expect(online).toBe(starting)
      expect(net.installedThsTotal).toBeGreaterThan(starting)
    }
  })

  it("conserves power: a merged cohort draws exactly the sum of its arrivals' J/TH x TH/s", () => {
    // Orders every day for a year at a high price with no retirement: every arrival's power is its order-day
    // frontier J/TH x TH/s, and the merged cohorts' draw equals the sum.
    const params = { ...DEFAULTS, machineLifeYears: 1e12, classes: DEFAULTS.classes.map((c) => ({ ...c, meanRemainingLifeYears: 1e12 })) }
    const net = new HashpriceNetwork(params, 2)
    net.reset(1e8)
    let expectedW = net.onlinePowerW
    let lastOnOrder = net.onOrderThs
    const ordered: Array<number> = []
    for (let d = 0; d < 500; d++) {
      net.step(1 / 365.25, START_PRICE_CENTS * 3, REWARD_SATS, START_WORK)
      const arrivals = d >= params.orderLagDays ? ordered[d - params.orderLagDays]! : 0
      ordered.push(net.onOrderThs - lastOnOrder + arrivals)
      lastOnOrder = net.onOrderThs
      if (arrivals > 0) expectedW += arrivals * net.frontierJthAt((d - params.orderLagDays) / 365.25)
    }
    expect(net.cohorts).toBeGreaterThan(params.classes.length + params.entrants.length) // vintages were merged
    expect(net.onlinePowerW / expectedW).toBeCloseTo(1, 9)
  })

  it("rejects shares that do not sum to 1 and non-integer lags", () => {
    expect(() => new HashpriceNetwork({ ...DEFAULTS, entrants: [{ powerUsdPerKwh: 0.04, shareOfOrders: 0.5 }] }, 1)).toThrow(
      MarketParameterInvalidError
    )
    expect(() => new HashpriceNetwork({ ...DEFAULTS, orderLagDays: 1.5 }, 1)).toThrow(/orderLagDays/)
  })
})
