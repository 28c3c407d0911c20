// The optimised hashprice network (one pass over the cohorts a day, per-day constants memoised across paths) gives
// the same bits as the network as first written (HashpriceNetworkReference.ts), day by day and read-out by
// read-out: on random price paths with crashes (cohorts switch off and on), random lags, a cohort table small
// enough to fill (later arrivals merge), and two paths on one instance, the second with other day lengths (the
// memo must not serve the first path's constants).
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { HashpriceNetwork } from "../../src/market/HashpriceNetwork.ts"
import { HASHPRICE_NETWORK_DEFAULTS as DEFAULTS } from "../../src/market/HashpriceNetworkDefaults.ts"
import { ReferenceHashpriceNetwork } from "./HashpriceNetworkReference.ts"
import { FLEET_THS, OTHERS_THS, RETARGET_DAYS, REWARD_SATS, START_PRICE_CENTS, START_WORK } from "./standIn.ts"

type Network = HashpriceNetwork | ReferenceHashpriceNetwork

/** Every read-out of a network, in a fixed order (cohort values for every cohort in use). */
const readOuts = (net: Network, entrants: number): Array<number> => {
  const xs = [
    net.hashpriceUsdPerPhDay,
    net.onlineThs,
    net.installedThsTotal,
    net.onOrderThs,
    net.onlinePowerW,
    net.cohorts,
    net.minCashCostUsdPerPhDay,
    net.marginalCashCostUsdPerPhDay,
    net.cheapestOffCashCostUsdPerPhDay
  ]
  for (let i = 0; i < entrants; i++) xs.push(net.allInCostUsdPerPhDay(i))
  for (let k = 0; k < net.cohorts; k++) {
    xs.push(net.cohortEfficiencyJth(k), net.cohortCashCostUsdPerPhDay(k), net.cohortInstalledThs(k), net.cohortOnline(k) ? 1 : 0)
  }
  return xs
}

/** The first read-out whose bits differ (Object.is: NaN equals NaN, 0 differs from -0), or null. */
const firstDifference = (a: ReadonlyArray<number>, b: ReadonlyArray<number>): string | null => {
  if (a.length !== b.length) return `${a.length} read-outs against ${b.length}`
  for (let j = 0; j < a.length; j++) if (!Object.is(a[j], b[j])) return `read-out ${j}: ${a[j]} against ${b[j]}`
  return null
}

describe("HashpriceNetwork against the network as first written", () => {
  it("the same bits every day and in every read-out, over two paths on one instance", () => {
    // What the generated cases went through, so the property is known not to hold vacuously.
    const seen = { switchedOff: 0, switchedOn: 0, full: 0, otherDt: 0, laterEntrantOrdered: 0 }
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.3, max: 0.15, noNaN: true }), { minLength: 120, maxLength: 400 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom(0.02, 0.1, 0.25),
        fc.constantFrom(0, 0.3, 2),
        fc.double({ min: 0, max: 3e8, noNaN: true }),
        fc.constantFrom(1 / 365.25, 1 / 365, 2 / 365.25),
        (moves, offLag, onLag, orderLag, cohortYears, horizonYears, onOrderThs, secondDt) => {
          const params = { ...DEFAULTS, switchOffLagDays: offLag, switchOnLagDays: onLag, orderLagDays: orderLag, cohortYears }
          const net = new HashpriceNetwork(params, horizonYears)
          const ref = new ReferenceHashpriceNetwork(params, horizonYears)
          expect(net.capacity).toBe(ref.capacity)
          for (const [path, dt] of [
            [0, 1 / 365.25],
            [1, secondDt]
          ] as const) {
            net.reset(OTHERS_THS, onOrderThs)
            ref.reset(OTHERS_THS, onOrderThs)
            if (path === 1 && dt !== 1 / 365.25) seen.otherDt++
            let logPrice = 0
            let work = START_WORK
            for (let d = 0; d < moves.length; d++) {
              // A retarget every 14 days to the hashrate online the day before (the stand-in's "lastDay").
              if (d > 0 && d % RETARGET_DAYS === 0) work = (ref.onlineThs + FLEET_THS) * 1e12 * 600
              logPrice = Math.max(Math.log(0.02), Math.min(Math.log(5), logPrice + moves[d]! * (path === 0 ? 1 : -1)))
              const price = Math.round(START_PRICE_CENTS * Math.exp(logPrice))
              const onBefore = ref.cohorts
              const wasOn = Array.from({ length: onBefore }, (_, k) => ref.cohortOnline(k))
              const orderedBefore = ref.onOrderThs
              const a = net.step(dt, price, REWARD_SATS, work)
              const b = ref.step(dt, price, REWARD_SATS, work)
              if (!Object.is(a, b)) throw new Error(`path ${path} day ${d}: online ${a} against ${b}`)
              const diff = firstDifference(readOuts(net, params.entrants.length), readOuts(ref, params.entrants.length))
              if (diff !== null) throw new Error(`path ${path} day ${d}: ${diff}`)
              for (let k = 0; k < onBefore; k++) {
                if (wasOn[k] && !ref.cohortOnline(k)) seen.switchedOff++
                if (!wasOn[k] && ref.cohortOnline(k)) seen.switchedOn++
              }
              if (ref.cohorts === ref.capacity) seen.full++
              // Two or more entrants ordered today: a later one's committed sum starts after an earlier order.
              const h = ref.hashpriceUsdPerPhDay
              if (h > ref.allInCostUsdPerPhDay(1) && ref.onOrderThs > orderedBefore) seen.laterEntrantOrdered++
            }
          }
        }
      ),
      { numRuns: 40, seed: 17 }
    )
    expect(seen.switchedOff).toBeGreaterThan(0)
    expect(seen.switchedOn).toBeGreaterThan(0)
    expect(seen.full).toBeGreaterThan(0)
    expect(seen.otherDt).toBeGreaterThan(0)
    expect(seen.laterEntrantOrdered).toBeGreaterThan(0)
  })

  it("the default network over four years at a falling then recovering price: the same bits", () => {
    // One long path through the defaults: the cohort table grows to its capacity and hashprice crosses many
    // cohorts' costs; a sanity check that the random property's short paths do not miss a late-path effect.
    const days = 1461
    const net = new HashpriceNetwork(DEFAULTS, 4)
    const ref = new ReferenceHashpriceNetwork(DEFAULTS, 4)
    net.reset(OTHERS_THS, 193_000_000)
    ref.reset(OTHERS_THS, 193_000_000)
    let work = START_WORK
    for (let d = 0; d < days; d++) {
      if (d > 0 && d % RETARGET_DAYS === 0) work = (ref.onlineThs + FLEET_THS) * 1e12 * 600
      const price = Math.round(START_PRICE_CENTS * (1 + 0.6 * Math.sin((2 * Math.PI * d) / 400)))
      expect(Object.is(net.step(1 / 365.25, price, REWARD_SATS, work), ref.step(1 / 365.25, price, REWARD_SATS, work))).toBe(true)
    }
    expect(firstDifference(readOuts(net, 3), readOuts(ref, 3))).toBeNull()
    expect(net.cohorts).toBeGreaterThan(40)
  })
})
