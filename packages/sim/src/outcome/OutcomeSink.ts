// The outcome accounting as a sink: folds the facts of a run (credits, invoices, sales, capex, day closes) into
// the PathOutcome Monte Carlo tabulates — totals, months, payback, NPV, cost per BTC, the treasury at the end —
// with the formulas of @hashsim/economics. Equal to what @hashsim/ledger's report computes from the same run's
// complete log (tested). NPV counts the treasury's cash when it moves (sales, invoices, credits, capex) and the BTC
// still held at the horizon's end price on the last day, so sales policies give different NPVs.
import { centsOfSats, roundHalfEven } from "../Money.ts"
import { SECONDS_PER_DAY } from "../Seconds.ts"
import type { PlanIndex } from "../scenario/PlanIndex.ts"
import type { ScenarioPlan } from "../scenario/ScenarioPlan.ts"
import type { RewardBasisCode, SimSink } from "../sinks/SimSink.ts"
import * as economics from "@hashsim/economics"
import { emptyOutcome, type PathOutcome } from "./PathOutcome.ts"

// Bound once: under tsx's module transform every use of an imported name is a getter call, too dear per day.
const { allInCostPerBtcUsdCents, cashCostPerBtcUsdCents, depreciationUsdCents, presentValueUsdCents, reachesPayback } = economics

export class OutcomeSink implements SimSink {
  /** Overwritten by the next run (copyOutcome to keep it). */
  readonly outcome: PathOutcome
  private dayCreditedSats = 0
  private dayRevenueUsdCents = 0
  private dayPoolFeeSats = 0
  private dayHostingUsdCents = 0
  private dayCreditsUsdCents = 0
  private dayCapexUsdCents = 0
  private daySaleProceedsUsdCents = 0
  private daySoldSats = 0
  private dayHashpriceSum = 0
  private monthDays = 0
  private cumMarginUsdCents = 0
  private cumCapexUsdCents = 0
  private npv = 0
  private paybackDay = -1
  // Totals of the run in own fields (written to the outcome at the end).
  private minedSats = 0
  private revenueUsdCents = 0
  private hostingUsdCents = 0
  private creditsUsdCents = 0
  private poolFeeSats = 0
  private soldSats = 0
  private saleProceedsUsdCents = 0

  constructor(
    private readonly plan: ScenarioPlan,
    private readonly index: PlanIndex,
    /** Read at a credit and at each day's close (fields, not arguments: a double passed to a call is boxed). */
    private readonly market: { readonly hashpriceUsdPerPhDay: number; readonly priceUsdCents: number },
    private readonly treasury: { readonly heldSats: number }
  ) {
    this.outcome = emptyOutcome(plan.calendar.months)
  }

  reset(): void {
    this.dayCreditedSats = 0
    this.dayRevenueUsdCents = 0
    this.dayPoolFeeSats = 0
    this.dayHostingUsdCents = 0
    this.dayCreditsUsdCents = 0
    this.dayCapexUsdCents = 0
    this.daySaleProceedsUsdCents = 0
    this.daySoldSats = 0
    this.dayHashpriceSum = 0
    this.monthDays = 0
    this.soldSats = 0
    this.saleProceedsUsdCents = 0
    this.cumMarginUsdCents = 0
    this.cumCapexUsdCents = 0
    this.npv = 0
    this.paybackDay = -1
    this.minedSats = 0
    this.revenueUsdCents = 0
    this.hostingUsdCents = 0
    this.creditsUsdCents = 0
    this.poolFeeSats = 0
    const o = this.outcome
    o.minedSats = 0
    o.revenueUsdCents = 0
    o.hostingCostUsdCents = 0
    o.creditsUsdCents = 0
    o.poolFeeSats = 0
    o.netMarginUsdCents = 0
    o.cashCostPerBtcUsdCents = Number.NaN
    o.allInCostPerBtcUsdCents = Number.NaN
    o.paybackDate = undefined
    o.paybackDays = Number.NaN
    o.npvUsdCents = 0
    o.btcHeldSats = 0
    o.fleetShareEnd = 0
    o.btcSoldSats = 0
    o.saleProceedsUsdCents = 0
    o.endPriceUsdCents = 0
    o.btcHeldValueUsdCents = 0
    o.operatingCashUsdCents = 0
    o.positionValueUsdCents = 0
    o.priceDriftAdjPerYear = 0
    o.otherHashrateDriftAdjPerYear = 0
    o.feeLevel = 1
    o.siteDaysOff = 0
    o.minedSatsByMonth.fill(0)
    o.netMarginUsdCentsByMonth.fill(0)
    o.hashpriceUsdPerPhDayByMonth.fill(0)
    o.priceUsdCentsByMonth.fill(0)
    o.btcHeldSatsByMonth.fill(0)
    o.btcSoldSatsByMonth.fill(0)
  }

  /** The path's sampled parameters and the policy's site-days off (PathSimulator, before pathEnded). */
  pathParameters(otherDriftAdjPerYear: number, priceDriftAdjPerYear: number, feeLevel: number, siteDaysOff: number): void {
    const o = this.outcome
    o.otherHashrateDriftAdjPerYear = otherDriftAdjPerYear
    o.priceDriftAdjPerYear = priceDriftAdjPerYear
    o.feeLevel = feeLevel
    o.siteDaysOff = siteDaysOff
  }

  /** Day `d`'s market and treasury at its close: its hashprice (for the month's mean), price and BTC held. */
  dayMarket(d: number): void {
    const o = this.outcome
    const cal = this.plan.calendar
    const m = cal.dayMonth[d]!
    this.dayHashpriceSum += this.market.hashpriceUsdPerPhDay
    this.monthDays++
    if (cal.dayClosesMonth[d] === 1) {
      o.hashpriceUsdPerPhDayByMonth[m] = this.dayHashpriceSum / this.monthDays
      o.priceUsdCentsByMonth[m] = this.market.priceUsdCents
      o.btcHeldSatsByMonth[m] = this.treasury.heldSats
      this.dayHashpriceSum = 0
      this.monthDays = 0
    }
  }

  /** A reward credited now, at the price in effect (the day loop's form of rewardCredited). */
  credited(amountSats: number, poolFeeSats: number): void {
    this.dayCreditedSats += amountSats
    this.dayPoolFeeSats += poolFeeSats
    this.dayRevenueUsdCents += centsOfSats(amountSats, this.market.priceUsdCents)
  }

  /** The day's hosting invoices and credits, in total (HostingBooks; the same sums as the per-contract calls). */
  invoiced(hostingUsdCents: number, creditsUsdCents: number): void {
    this.dayHostingUsdCents += hostingUsdCents
    this.dayCreditsUsdCents += creditsUsdCents
  }

  rewardCredited(_tS: number, amountSats: number, poolFeeSats: number, _basis: RewardBasisCode, _height: number, priceUsdCents: number): void {
    this.dayCreditedSats += amountSats
    this.dayPoolFeeSats += poolFeeSats
    this.dayRevenueUsdCents += centsOfSats(amountSats, priceUsdCents)
  }

  hostingFeeCharged(_tS: number, _contractIndex: number, _dayIndex: number, _energyKwh: number, amountUsdCents: number, _takeOrPayKwh: number): void {
    this.dayHostingUsdCents += amountUsdCents
  }

  curtailmentCredited(_tS: number, _contractIndex: number, _dayIndex: number, _curtailedKwh: number, amountUsdCents: number): void {
    this.dayCreditsUsdCents += amountUsdCents
  }

  slaCredited(_tS: number, _contractIndex: number, _dayIndex: number, _shortfallKwh: number, amountUsdCents: number): void {
    this.dayCreditsUsdCents += amountUsdCents
  }

  capexSpent(_tS: number, _lotIndex: number, priceUsdCents: number): void {
    this.dayCapexUsdCents += priceUsdCents
  }

  btcSold(_tS: number, amountSats: number, _priceUsdCents: number, proceedsUsdCents: number): void {
    this.daySaleProceedsUsdCents += proceedsUsdCents
    this.daySoldSats += amountSats
    this.soldSats += amountSats
    this.saleProceedsUsdCents += proceedsUsdCents
  }

  /** Totals, the month's columns, payback (first day the cumulative margin covers capex) and NPV. */
  dayClosed(_tS: number, d: number): void {
    const o = this.outcome
    const m = this.plan.calendar.dayMonth[d]!
    const margin = this.dayRevenueUsdCents - this.dayHostingUsdCents + this.dayCreditsUsdCents
    this.minedSats += this.dayCreditedSats
    this.revenueUsdCents += this.dayRevenueUsdCents
    this.hostingUsdCents += this.dayHostingUsdCents
    this.creditsUsdCents += this.dayCreditsUsdCents
    this.poolFeeSats += this.dayPoolFeeSats
    o.minedSatsByMonth[m] = o.minedSatsByMonth[m]! + this.dayCreditedSats
    o.netMarginUsdCentsByMonth[m] = o.netMarginUsdCentsByMonth[m]! + margin
    this.cumMarginUsdCents += margin
    this.cumCapexUsdCents += this.dayCapexUsdCents
    if (this.paybackDay < 0 && reachesPayback(this.cumMarginUsdCents, this.cumCapexUsdCents)) this.paybackDay = d
    o.btcSoldSatsByMonth[m] = o.btcSoldSatsByMonth[m]! + this.daySoldSats
    this.daySoldSats = 0
    // NPV: the day's cash (sales, invoices, credits, capex); BTC mined is not cash until sold (the end adds what is held).
    const cash = this.daySaleProceedsUsdCents - this.dayHostingUsdCents + this.dayCreditsUsdCents
    this.npv += presentValueUsdCents(cash - this.dayCapexUsdCents, this.index.dayDiscount[d]!)
    this.daySaleProceedsUsdCents = 0
    this.dayCapexUsdCents = 0
    this.dayCreditedSats = 0
    this.dayRevenueUsdCents = 0
    this.dayPoolFeeSats = 0
    this.dayHostingUsdCents = 0
    this.dayCreditsUsdCents = 0
  }

  pathEnded(_tS: number, fleetShare: number, heldSats: number, endPriceUsdCents: number): void {
    const o = this.outcome
    const plan = this.plan
    const cal = plan.calendar
    // The BTC held is valued at the end price (the path's own spot price at the horizon: what selling it all then
    // would bring, before any market impact) and discounted from the horizon's last day.
    const heldValue = centsOfSats(heldSats, endPriceUsdCents)
    this.npv += presentValueUsdCents(heldValue, this.index.dayDiscount[cal.dayCount - 1]!)
    o.endPriceUsdCents = endPriceUsdCents
    o.btcHeldValueUsdCents = heldValue
    o.btcSoldSats = this.soldSats
    o.saleProceedsUsdCents = this.saleProceedsUsdCents
    o.operatingCashUsdCents = this.saleProceedsUsdCents - this.hostingUsdCents + this.creditsUsdCents
    o.positionValueUsdCents = o.operatingCashUsdCents + heldValue - this.cumCapexUsdCents
    o.minedSats = this.minedSats
    o.revenueUsdCents = this.revenueUsdCents
    o.hostingCostUsdCents = this.hostingUsdCents
    o.creditsUsdCents = this.creditsUsdCents
    o.poolFeeSats = this.poolFeeSats
    if (this.paybackDay >= 0) {
      const d = this.paybackDay
      o.paybackDate = cal.dayLabels[d]!
      o.paybackDays = Math.floor(cal.dayStartS[d]! / SECONDS_PER_DAY) - Math.floor(cal.dayStartS[0]! / SECONDS_PER_DAY)
    }
    o.netMarginUsdCents = o.revenueUsdCents - o.hostingCostUsdCents + o.creditsUsdCents
    o.npvUsdCents = roundHalfEven(this.npv)
    o.btcHeldSats = heldSats
    o.fleetShareEnd = fleetShare
    if (o.minedSats > 0) {
      // Capex spread per second owned within each lot's life, inside the horizon.
      let depreciation = 0
      for (const lot of plan.lots) {
        depreciation += depreciationUsdCents(lot.priceUsdCents, lot.purchasedAtS, lot.lifeYears, Number.NEGATIVE_INFINITY, plan.untilS)
      }
      o.cashCostPerBtcUsdCents = cashCostPerBtcUsdCents(o.hostingCostUsdCents, o.creditsUsdCents, o.minedSats)!
      o.allInCostPerBtcUsdCents = allInCostPerBtcUsdCents(o.hostingCostUsdCents, o.creditsUsdCents, depreciation, o.minedSats)!
    }
  }

  planEvent(_eventIndex: number): void {}
  marketStepped(_tS: number, _priceUsdCents: number, _otherHashrateThs: number, _uptimeFraction: number): void {}
  blockFound(_tS: number, _height: number, _fleet: boolean, _subsidySats: number, _feesSats: number, _blockTimeS: number): void {}
  blocksMined(_tS: number, _firstHeight: number, _lastHeight: number, _fleetBlocks: number, _subsidySats: number, _feesSats: number): void {}
  difficultyAdjusted(_tS: number, _height: number, _oldBits: number, _newBits: number, _firstBlockTimeS: number, _lastBlockTimeS: number): void {}
  halvingReached(_tS: number, _height: number, _subsidySats: number): void {}
  fleetSwitched(_tS: number, _siteIndex: number, _running: boolean, _hashpriceUsdPerPhDay: number, _thresholdUsdPerPhDay: number): void {}
  curtailmentStarted(_tS: number, _siteIndex: number, _fraction: number): void {}
  curtailmentEnded(_tS: number, _siteIndex: number): void {}
}
