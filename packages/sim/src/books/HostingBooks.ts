// The hosting books, per contract: energy drawn, energy curtailed and energy short of the uptime SLA, accrued
// over each constant-rate stretch, then invoiced once a day (hosting fee, curtailment credit, SLA credit, each
// half-even to the cent). A contract is invoiced for every day it was active in, its last included. A take-or-pay
// term bills a share of the energy the site's machines would draw at full power (less what the host curtails)
// whether drawn or not; energy the fleet's own operating policy leaves undrawn is credited only where the
// contract says its curtailment credit covers it.
import { kwhOfJoules, roundHalfEven } from "../Money.ts"
import type { Fleet } from "../fleet/Fleet.ts"
import type { PlanIndex } from "../scenario/PlanIndex.ts"
import type { SimSink } from "../sinks/SimSink.ts"

export class HostingBooks {
  private readonly active: Uint8Array
  /** Active at some time of the current day (so invoiced at its close). */
  private readonly touched: Uint8Array
  private readonly energyJ: Float64Array
  private readonly curtailedJ: Float64Array
  private readonly shortfallJ: Float64Array
  /** Full-power energy less host curtailment (the take-or-pay base), and energy left undrawn by the policy. */
  private readonly fullJ: Float64Array
  private readonly switchedOffJ: Float64Array
  /** The day's invoices and credits (US cents), for the treasury's month. */
  dayHostingUsdCents = 0
  dayCreditsUsdCents = 0

  constructor(
    private readonly index: PlanIndex,
    private readonly fleet: Fleet,
    /** Where the day's uptime is read (a field, not an argument: a double passed to a call not inlined is boxed). */
    private readonly market: { readonly uptimeFraction: number }
  ) {
    const n = index.nContracts
    this.active = new Uint8Array(n)
    this.touched = new Uint8Array(n)
    this.energyJ = new Float64Array(n)
    this.curtailedJ = new Float64Array(n)
    this.shortfallJ = new Float64Array(n)
    this.fullJ = new Float64Array(n)
    this.switchedOffJ = new Float64Array(n)
  }

  reset(): void {
    this.active.fill(0)
    this.touched.fill(0)
    this.energyJ.fill(0)
    this.curtailedJ.fill(0)
    this.shortfallJ.fill(0)
    this.fullJ.fill(0)
    this.switchedOffJ.fill(0)
    this.dayHostingUsdCents = 0
    this.dayCreditsUsdCents = 0
  }

  start(c: number): void {
    this.active[c] = 1
    this.touched[c] = 1
  }

  end(c: number): void {
    this.active[c] = 0
  }

  /** The contract active at site `s` (-1: none). */
  activeContractAt(s: number): number {
    const siteOf = this.index.contractSite
    for (let c = 0; c < this.active.length; c++) if (this.active[c] === 1 && siteOf[c] === s) return c
    return -1
  }

  /** Energy, curtailment and SLA shortfall of `dt` seconds at the current (constant) rates. */
  accrue(dt: number): void {
    const fleet = this.fleet
    const uptime = this.market.uptimeFraction
    const sla = this.index.contractSla
    const siteOf = this.index.contractSite
    const takeOrPay = this.index.contractTakeOrPay
    const observed = fleet.observedThs >= 0
    for (let c = 0; c < this.active.length; c++) {
      if (this.active[c] === 0) continue
      const s = siteOf[c]!
      const w = fleet.sitePowerW[s]!
      if (observed) {
        // The reported operating hashrate at the deployed machines' efficiency, spread over the sites as deployed
        // (the ledger's onlinePowerKw); it does not say how much was curtailment or outage, so neither is credited.
        this.energyJ[c] = this.energyJ[c]! + w * fleet.observedScale * dt
        if (takeOrPay[c]! > 0) this.fullJ[c] = this.fullJ[c]! + w * dt
        continue
      }
      const cf = fleet.hostCurtailedAt(s)
      if (cf > 0) this.curtailedJ[c] = this.curtailedJ[c]! + w * cf * uptime * dt
      if (takeOrPay[c]! > 0) this.fullJ[c] = this.fullJ[c]! + w * (1 - cf) * dt
      if (fleet.sitePolicyOff[s] === 1) {
        // The fleet chose not to run: nothing drawn, no SLA shortfall (the host did not fail it).
        this.switchedOffJ[c] = this.switchedOffJ[c]! + w * (1 - cf) * uptime * dt
        continue
      }
      this.energyJ[c] = this.energyJ[c]! + w * (1 - cf) * uptime * dt
      const short = sla[c]! - uptime
      if (short > 0) this.shortfallJ[c] = this.shortfallJ[c]! + w * (1 - cf) * short * dt
    }
  }

  /**
   * Day `d`'s invoices and credits: their totals in dayHostingUsdCents and dayCreditsUsdCents (the outcome takes
   * the totals), each reported at `stamp` to the log when one is written.
   */
  closeDay(d: number, stamp: number, log: SimSink | null): void {
    const ix = this.index
    let hosting = 0
    let credits = 0
    for (let c = 0; c < this.active.length; c++) {
      if (this.touched[c] === 0) continue
      const kwh = kwhOfJoules(this.energyJ[c]!)
      // Take-or-pay: the minimum not drawn is billed too.
      const unmetJ = ix.contractTakeOrPay[c]! * this.fullJ[c]! - this.energyJ[c]!
      const topKwh = unmetJ > 0 ? kwhOfJoules(unmetJ) : 0
      const fee = roundHalfEven(((kwh + topKwh) * ix.contractRatePerMwh[c]!) / 1000)
      if (log !== null) log.hostingFeeCharged(stamp, c, d, kwh, fee, topKwh)
      hosting += fee
      const offJ = ix.contractCreditsOwnSwitchOff[c] === 1 ? this.switchedOffJ[c]! : 0
      const curtKwh = this.curtailedJ[c] === 0 && offJ === 0 ? 0 : kwhOfJoules(this.curtailedJ[c]! + offJ)
      const curtCredit = ix.contractCurtailmentCreditPerMwh[c]!
      if (curtKwh > 0 && curtCredit > 0) {
        const amount = roundHalfEven((curtKwh * curtCredit) / 1000)
        if (log !== null) log.curtailmentCredited(stamp, c, d, curtKwh, amount)
        credits += amount
      }
      const slaKwh = this.shortfallJ[c] === 0 ? 0 : kwhOfJoules(this.shortfallJ[c]!)
      const slaCredit = ix.contractSlaCreditPerMwh[c]!
      if (slaKwh > 0 && slaCredit > 0) {
        const amount = roundHalfEven((slaKwh * slaCredit) / 1000)
        if (log !== null) log.slaCredited(stamp, c, d, slaKwh, amount)
        credits += amount
      }
      this.energyJ[c] = 0
      this.curtailedJ[c] = 0
      this.shortfallJ[c] = 0
      this.fullJ[c] = 0
      this.switchedOffJ[c] = 0
      this.touched[c] = this.active[c]!
    }
    this.dayHostingUsdCents = hosting
    this.dayCreditsUsdCents = credits
  }
}
