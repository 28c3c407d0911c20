// The BTC the company holds and its monthly sales policy: hold, sell a share of the month's credited BTC, or
// sell enough to cover the month's hosting net of credits, at the month's last price, never more than is held.
import { centsOfSats } from "../Money.ts"
import type { SalesPolicy } from "../scenario/ScenarioPlan.ts"
import type { OutcomeSink } from "../outcome/OutcomeSink.ts"
import type { SimSink } from "../sinks/SimSink.ts"

export class Treasury {
  heldSats = 0
  private policy: SalesPolicy = { kind: "hold" }
  private monthCreditedSats = 0
  private monthHostingUsdCents = 0
  private monthCreditsUsdCents = 0

  reset(): void {
    this.heldSats = 0
    this.policy = { kind: "hold" }
    this.monthCreditedSats = 0
    this.monthHostingUsdCents = 0
    this.monthCreditsUsdCents = 0
  }

  setPolicy(policy: SalesPolicy): void {
    this.policy = policy
  }

  credit(netSats: number): void {
    this.heldSats += netSats
    this.monthCreditedSats += netSats
  }

  /** A sale the scenario records (observed history). */
  sold(amountSats: number): void {
    this.heldSats -= amountSats
  }

  /** A day's hosting invoices and credits count toward the month's need to cover. */
  invoiced(hostingUsdCents: number, creditsUsdCents: number): void {
    this.monthHostingUsdCents += hostingUsdCents
    this.monthCreditsUsdCents += creditsUsdCents
  }

  /** The month's sale at `priceUsdCents`, reported at `stamp` to the outcome and the log. */
  closeMonth(stamp: number, priceUsdCents: number, out: OutcomeSink, log: SimSink | null): void {
    let amount = this.saleOf(priceUsdCents)
    if (amount > this.heldSats) amount = this.heldSats
    if (amount > 0 && priceUsdCents > 0) {
      const proceeds = centsOfSats(amount, priceUsdCents)
      out.btcSold(stamp, amount, priceUsdCents, proceeds)
      if (log !== null) log.btcSold(stamp, amount, priceUsdCents, proceeds)
      this.heldSats -= amount
    }
    this.monthCreditedSats = 0
    this.monthHostingUsdCents = 0
    this.monthCreditsUsdCents = 0
  }

  private saleOf(price: number): number {
    const p = this.policy
    switch (p.kind) {
      case "hold":
        return 0
      case "sellShareMonthly":
        return Math.floor(p.fraction * this.monthCreditedSats)
      case "sellToCoverHosting": {
        const need = this.monthHostingUsdCents - this.monthCreditsUsdCents
        if (!(price > 0) || need <= 0) return 0
        // The fewest sats whose proceeds (half-even to the cent) cover the need.
        let amount = Math.ceil(need * (1e8 / price))
        while (centsOfSats(amount, price) < need) amount++
        while (amount > 0 && centsOfSats(amount - 1, price) >= need) amount--
        return amount
      }
      default:
        return p satisfies never
    }
  }
}
