// The fleet's operating policy at work (OperatingPolicySet): once a day, after the market steps, each site runs or
// is switched off for the day by comparing the day's hashprice, net of the pool fee, with the policy's threshold
// (market/OperatingPolicy.ts). Under breakeven the threshold is the site's power cost at the marginal price its
// contract sets (take-or-pay energy costs nothing more; a credit forgone by running adds to it). A change is
// reported (FleetSwitched), so a replay needs no policy code.
import type { HostingBooks } from "../books/HostingBooks.ts"
import type { Market } from "../market/Market.ts"
import {
  marginalPowerUsdPerKwh, type OperatingPolicy, POLICY_ALWAYS_ON, policyCode, runsToday, thresholdUsdPerPhDay
} from "../market/OperatingPolicy.ts"
import type { PlanIndex } from "../scenario/PlanIndex.ts"
import type { SimSink } from "../sinks/SimSink.ts"
import type { Fleet } from "./Fleet.ts"

/** US cents per MWh -> USD per kWh. */
const USD_PER_KWH_PER_CENT_PER_MWH = 1e-5
const SECONDS_PER_HOUR = 3600

export class Operator {
  private code = POLICY_ALWAYS_ON
  private floorUsdPerPhDay = 0
  /** Site-days switched off by the policy in this run. */
  daysOff = 0
  /** Sites the policy has off now: always on with none off, a day's decision changes nothing (skipped). */
  private sitesOff = 0

  constructor(
    private readonly index: PlanIndex,
    private readonly fleet: Fleet,
    private readonly market: Market,
    private readonly books: HostingBooks,
    /** The pool fee is read here (a field, not an argument: a double passed to a call not inlined is boxed). */
    private readonly pool: { readonly feeFraction: number }
  ) {}

  reset(): void {
    this.code = POLICY_ALWAYS_ON
    this.floorUsdPerPhDay = 0
    this.daysOff = 0
    this.sitesOff = 0
  }

  setPolicy(policy: OperatingPolicy): void {
    this.code = policyCode(policy)
    this.floorUsdPerPhDay = policy.kind === "hashpriceFloor" ? policy.floorUsdPerPhDay : 0
  }

  /** Day `d` (of `dayLengthS` seconds, starting at `t`): each site with machines runs or is off for the day. */
  decide(t: number, dayLengthS: number, log: SimSink | null): void {
    if (this.code === POLICY_ALWAYS_ON && this.sitesOff === 0) return
    const ix = this.index
    const fleet = this.fleet
    const market = this.market
    const books = this.books
    const hashprice = market.hashpriceUsdPerPhDay * (1 - this.pool.feeFraction)
    const uptime = market.uptimeFraction
    for (let s = 0; s < fleet.siteThs.length; s++) {
      const ths = fleet.siteThs[s]!
      let runs = true
      let threshold = 0
      if (ths > 0 && this.code !== POLICY_ALWAYS_ON) {
        const jth = fleet.sitePowerW[s]! / ths
        const c = books.activeContractAt(s)
        let marginal = 0
        if (c >= 0) {
          const rate = ix.contractRatePerMwh[c]! * USD_PER_KWH_PER_CENT_PER_MWH
          const credit = ix.contractCreditsOwnSwitchOff[c] === 1 ? ix.contractCurtailmentCreditPerMwh[c]! * USD_PER_KWH_PER_CENT_PER_MWH : 0
          // The day's full draw and the part of it the take-or-pay minimum already bills (kWh).
          const fullKwh = (fleet.sitePowerW[s]! * (1 - fleet.hostCurtailedAt(s)) * dayLengthS) / SECONDS_PER_HOUR / 1000
          marginal = marginalPowerUsdPerKwh(rate, ix.contractTakeOrPay[c]! * fullKwh, fullKwh * uptime, credit)
        }
        threshold = thresholdUsdPerPhDay(this.code, this.floorUsdPerPhDay, marginal, jth)
        runs = runsToday(this.code, hashprice, this.floorUsdPerPhDay, marginal, jth)
      }
      const off = runs ? 0 : 1
      if (off === 1) this.daysOff++
      if (fleet.sitePolicyOff[s] !== off) {
        fleet.sitePolicyOff[s] = off
        this.sitesOff += off === 1 ? 1 : -1
        if (log !== null) log.fleetSwitched(t, s, runs, hashprice, threshold)
      }
    }
  }
}
