// The hosting books, per contract: energy drawn, energy curtailed and energy short of the uptime SLA, accrued
// over each constant-rate stretch, then invoiced once a day (hosting fee, curtailment credit, SLA credit, each
// half-even to the cent). A contract is invoiced for every day it was active in, its last included.
import { kwhOfJoules, roundHalfEven } from "../Money.ts"
import type { Fleet } from "../fleet/Fleet.ts"
import type { OutcomeSink } from "../outcome/OutcomeSink.ts"
import type { PlanIndex } from "../scenario/PlanIndex.ts"
import type { SimSink } from "../sinks/SimSink.ts"

export class HostingBooks {
  private readonly active: Uint8Array
  /** Active at some time of the current day (so invoiced at its close). */
  private readonly touched: Uint8Array
  private readonly energyJ: Float64Array
  private readonly curtailedJ: Float64Array
  private readonly shortfallJ: Float64Array
  /** The day's invoices and credits (US cents), for the treasury's month. */
  dayHostingUsdCents = 0
  dayCreditsUsdCents = 0

  constructor(private readonly index: PlanIndex) {
    const n = index.nContracts
    this.active = new Uint8Array(n)
    this.touched = new Uint8Array(n)
    this.energyJ = new Float64Array(n)
    this.curtailedJ = new Float64Array(n)
    this.shortfallJ = new Float64Array(n)
  }

  reset(): void {
    this.active.fill(0)
    this.touched.fill(0)
    this.energyJ.fill(0)
    this.curtailedJ.fill(0)
    this.shortfallJ.fill(0)
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

  /** Energy, curtailment and SLA shortfall of `dt` seconds at the current (constant) rates. */
  accrue(dt: number, fleet: Fleet, uptime: number): void {
    const sla = this.index.contractSla
    const siteOf = this.index.contractSite
    const observed = fleet.observedThs >= 0
    for (let c = 0; c < this.active.length; c++) {
      if (this.active[c] === 0) continue
      const s = siteOf[c]!
      const w = fleet.sitePowerW[s]!
      if (observed) {
        // The reported operating hashrate at the deployed machines' efficiency, spread over the sites as deployed
        // (the ledger's onlinePowerKw); it does not say how much was curtailment or outage, so neither is credited.
        this.energyJ[c] = this.energyJ[c]! + w * fleet.observedScale * dt
        continue
      }
      const cf = fleet.curtailedAt(s)
      this.energyJ[c] = this.energyJ[c]! + w * (1 - cf) * uptime * dt
      if (cf > 0) this.curtailedJ[c] = this.curtailedJ[c]! + w * cf * uptime * dt
      const short = sla[c]! - uptime
      if (short > 0) this.shortfallJ[c] = this.shortfallJ[c]! + w * (1 - cf) * short * dt
    }
  }

  /** Day `d`'s invoices and credits, reported at `stamp` to the outcome and the log. */
  closeDay(d: number, stamp: number, out: OutcomeSink, log: SimSink | null): void {
    const ix = this.index
    let hosting = 0
    let credits = 0
    for (let c = 0; c < this.active.length; c++) {
      if (this.touched[c] === 0) continue
      const kwh = kwhOfJoules(this.energyJ[c]!)
      const fee = roundHalfEven((kwh * ix.contractRatePerMwh[c]!) / 1000)
      out.hostingFeeCharged(stamp, c, d, kwh, fee)
      if (log !== null) log.hostingFeeCharged(stamp, c, d, kwh, fee)
      hosting += fee
      const curtKwh = this.curtailedJ[c] === 0 ? 0 : kwhOfJoules(this.curtailedJ[c]!)
      const curtCredit = ix.contractCurtailmentCreditPerMwh[c]!
      if (curtKwh > 0 && curtCredit > 0) {
        const amount = roundHalfEven((curtKwh * curtCredit) / 1000)
        out.curtailmentCredited(stamp, c, d, curtKwh, amount)
        if (log !== null) log.curtailmentCredited(stamp, c, d, curtKwh, amount)
        credits += amount
      }
      const slaKwh = this.shortfallJ[c] === 0 ? 0 : kwhOfJoules(this.shortfallJ[c]!)
      const slaCredit = ix.contractSlaCreditPerMwh[c]!
      if (slaKwh > 0 && slaCredit > 0) {
        const amount = roundHalfEven((slaKwh * slaCredit) / 1000)
        out.slaCredited(stamp, c, d, slaKwh, amount)
        if (log !== null) log.slaCredited(stamp, c, d, slaKwh, amount)
        credits += amount
      }
      this.energyJ[c] = 0
      this.curtailedJ[c] = 0
      this.shortfallJ[c] = 0
      this.touched[c] = this.active[c]!
    }
    this.dayHostingUsdCents = hosting
    this.dayCreditsUsdCents = credits
  }
}
