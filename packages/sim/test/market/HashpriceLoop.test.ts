// The hashprice-driven network through the real simulator: the engines mine the chain, difficulty follows the
// hashrate online through Bitcoin's exact retarget, and hashprice follows difficulty (no stand-in). The scenario
// is the reference start (753 EH/s, 101.65 T, $75,600, 0.07 BTC fees, a 50 EH/s fleet always on, FPPS), the
// price a table the property chooses, the network the sourced defaults (docs/MARKET.md).
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { HASHPRICE_NETWORK_DEFAULTS, type HashpriceNetworkParams } from "../../src/market/index.ts"
import { PathSimulator } from "../../src/PathSimulator.ts"
import { scenarioOfText } from "../../src/scenario/Scenario.ts"
import { NullSink } from "../support/TestScenario.ts"

const START_S = Date.parse("2024-11-07T00:00:00Z") / 1000
const DAY_S = 86_400
const START_PRICE_CENTS = 7_560_000
const iso = (s: number): string => new Date(s * 1000).toISOString().replace(".000Z", "Z")
const line = (at: string, type: string, data: unknown): string => JSON.stringify({ at, type, v: 1, data })

/** The reference start with a daily price table (cents, one a day) and the network `params`, `days` long. */
const scenarioText = (params: HashpriceNetworkParams, prices: ReadonlyArray<number>): string => {
  const at0 = iso(START_S)
  const until = iso(START_S + prices.length * DAY_S)
  return [
    line(at0, "ScenarioStarted", {
      name: "loop", network: { height: 869183, bits: "1702c4de", epochFirstBlockTimeS: 1730772000, hashrateThs: 753_110_000 },
      priceUsdCents: START_PRICE_CENTS, until, discountRatePerYear: 0.1,
      market: {
        otherHashrate: { model: "hashprice", ...params },
        price: { model: "table", points: prices.map((p, d) => ({ at: iso(START_S + d * DAY_S), priceUsdCents: p })) },
        feePerBlock: { meanSats: 7_000_000, shape: 2 },
        uptime: { meanFraction: 0.95, sdFraction: 0 }
      }
    }),
    line(at0, "HashratePurchased", { lotId: "lot", vendor: "v", hashrateThs: 50_000_000, machineModel: "S21", efficiencyJth: 17.5, priceUsdCents: 40_000_000_000, lifeYears: 4, payment: { kind: "cash" } }),
    line(at0, "HostingContractSigned", { contractId: "c", host: "h", siteId: "s", ratePerMwhUsdCents: 7500, endsAt: until, uptimeSlaFraction: 0, slaCreditPerMwhUsdCents: 0, curtailmentCreditPerMwhUsdCents: 0 }),
    line(at0, "PoolConfigured", { mode: "fpps", feeFraction: 0.025 }),
    line(at0, "MachinesDeployed", { lotId: "lot", siteId: "s", hashrateThs: 50_000_000 })
  ].join("\n") + "\n"
}

/** Per day: hashprice, the best cohort's cash cost, the marginal running cohort's, others online; retarget days. */
interface Trace {
  readonly hashprice: Float64Array
  readonly minCash: Float64Array
  readonly marginalCash: Float64Array
  readonly otherThs: Float64Array
  /** Day index of each generated retarget, and the difficulty ratio new / old. */
  readonly retargetDays: Array<number>
  readonly retargetRatios: Array<number>
}

const run = (params: HashpriceNetworkParams, prices: ReadonlyArray<number>, seed = 1): Trace => {
  const sim = new PathSimulator(scenarioOfText(scenarioText(params, prices)))
  const n = prices.length
  const t: Trace = {
    hashprice: new Float64Array(n), minCash: new Float64Array(n), marginalCash: new Float64Array(n), otherThs: new Float64Array(n),
    retargetDays: [], retargetRatios: []
  }
  let d = 0
  class Recorder extends NullSink {
    override marketStepped(tS: number, _price: number, other: number): void {
      d = Math.floor((tS - START_S) / DAY_S)
      const m = sim.marketView
      const net = m.hashpriceNetwork!
      t.hashprice[d] = m.hashpriceUsdPerPhDay
      t.minCash[d] = net.minCashCostUsdPerPhDay
      t.marginalCash[d] = net.marginalCashCostUsdPerPhDay
      t.otherThs[d] = other
    }
    override difficultyAdjusted(tS: number, _height: number, oldBits: number, newBits: number): void {
      t.retargetDays.push(Math.floor((tS - START_S) / DAY_S))
      t.retargetRatios.push(targetOf(oldBits) / targetOf(newBits))
    }
  }
  sim.run(seed, "aggregate", new Recorder())
  return t
}
const targetOf = (bits: number): number => (bits & 0x7fffff) * 2 ** (8 * ((bits >>> 24) - 3))

describe("the hashprice network in the real simulator (exact retarget)", () => {
  // Daily log-random walks with crashes, the price kept in [20%, 300%] of the start: at 20% hashprice is 0.2 x
  // $47.80 = $9.56, within the retarget's 4x of the cheapest cohort's cash cost (frontier machines at the
  // cheapest power, >= $5), so one retarget can lift it. A run of days below the best cohort's cash cost starts
  // only once every cohort is off (they all switch off after the lag), and ends at the first retarget after it.
  it("hashprice never stays below the most efficient class's cash cost past the switch-off lag and the next retarget", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.3, max: 0.1, noNaN: true }), { minLength: 120, maxLength: 420 }),
        fc.integer({ min: 0, max: 21 }),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 1, max: 9 }),
        (moves, offLag, onLag, seed) => {
          const params = { ...HASHPRICE_NETWORK_DEFAULTS, switchOffLagDays: offLag, switchOnLagDays: onLag }
          let x = 0
          const prices = moves.map((m) => {
            x = Math.max(Math.log(0.2), Math.min(Math.log(3), x + m))
            return Math.round(START_PRICE_CENTS * Math.exp(x))
          })
          const t = run(params, prices, seed)
          for (let d = 0; d < prices.length; d++) {
            if (!(t.hashprice[d]! < t.minCash[d]!)) continue
            let start = d
            while (start > 0 && t.hashprice[start - 1]! < t.minCash[start - 1]!) start--
            // The cohorts switch off `offLag` days into the run; the next retarget after that lifts hashprice
            // (the day after it, when the market next steps).
            const due = t.retargetDays.find((r) => r >= start + offLag)
            if (due !== undefined && d > due + 1) return false
          }
          return true
        }
      ),
      { numRuns: 25, seed: 13 }
    )
  }, 120_000)

  it("after a 70% price fall held a year, others' online hashrate falls, difficulty follows within two retargets, hashprice recovers towards the marginal cost", () => {
    const before = 60
    const prices = [...Array.from({ length: before }, () => START_PRICE_CENTS), ...Array.from({ length: 365 }, () => Math.round(START_PRICE_CENTS * 0.3))]
    const t = run(HASHPRICE_NETWORK_DEFAULTS, prices)
    const onlineBefore = t.otherThs[before - 1]!
    const lag = HASHPRICE_NETWORK_DEFAULTS.switchOffLagDays
    // Others' online hashrate falls once the switch-off lag has passed.
    expect(t.otherThs[before + lag + 1]!).toBeLessThan(0.8 * onlineBefore)
    // Difficulty falls at one of the first two retargets after the fall.
    const after = t.retargetDays.map((day, i) => ({ day, ratio: t.retargetRatios[i]! })).filter((r) => r.day >= before)
    expect(after.length).toBeGreaterThanOrEqual(2)
    expect(Math.min(after[0]!.ratio, after[1]!.ratio)).toBeLessThan(0.8)
    // Hashprice right after the fall is 30% of before; a year later it has recovered to at least the cash cost of
    // the marginal cohort still running (the cohorts that run must be covered, or they would switch off).
    const fallen = t.hashprice[before]!
    expect(fallen).toBeLessThan(0.31 * t.hashprice[before - 1]!)
    const end = prices.length - 30
    let h = 0
    let marginal = 0
    for (let d = end; d < prices.length; d++) {
      h += t.hashprice[d]!
      marginal += t.marginalCash[d]!
    }
    expect(h / 30).toBeGreaterThan(1.3 * fallen)
    expect(h / 30).toBeGreaterThanOrEqual(marginal / 30)
  }, 60_000)

  it("with a flat price and improving efficiency, others' hashrate still grows while hashprice falls", () => {
    // Flat at the start price for three years (before the 2028 halving). Once the first wave of orders has landed
    // and the old classes have retired, a frontier that stood still would leave the network at the size where
    // hashprice meets today's all-in cost; the improving frontier keeps lowering that cost, so in the third year
    // hashrate still grows and hashprice still falls.
    const prices = Array.from({ length: 3 * 365 }, () => START_PRICE_CENTS)
    const t = run(HASHPRICE_NETWORK_DEFAULTS, prices)
    const [y2, y3] = [730, prices.length - 1]
    expect(t.otherThs[y3]!).toBeGreaterThan(t.otherThs[y2]!)
    expect(t.hashprice[y3]!).toBeLessThan(t.hashprice[y2]!)
  }, 60_000)
})

