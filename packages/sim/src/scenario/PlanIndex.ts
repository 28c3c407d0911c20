// The plan as the day loop reads it: lots, contracts, changes and days as typed arrays, built once per plan and
// shared by every path (nothing here changes during a run).
import { SECONDS_PER_YEAR } from "../Seconds.ts"
import { discountDivisor } from "@hashsim/economics"
import type { PlanChange, ScenarioPlan } from "./ScenarioPlan.ts"

export interface PlanIndex {
  readonly nSites: number
  readonly nContracts: number
  readonly lotJth: Float64Array
  readonly lotPriceUsdCents: Float64Array
  /** The plan's changes in time order: when, what, and the plan event each comes from (-1: derived). */
  readonly changeAtS: Float64Array
  readonly changes: ReadonlyArray<PlanChange>
  readonly changeEvent: Int32Array
  readonly contractSite: Int32Array
  readonly contractRatePerMwh: Float64Array
  readonly contractSla: Float64Array
  readonly contractSlaCreditPerMwh: Float64Array
  readonly contractCurtailmentCreditPerMwh: Float64Array
  /** Take-or-pay share per contract, and 1 where its curtailment credit also pays for the policy's switch-off. */
  readonly contractTakeOrPay: Float64Array
  readonly contractCreditsOwnSwitchOff: Uint8Array
  /** Per day: its start (the calendar's). */
  readonly dayStartS: Float64Array
  /** Per day: the NPV divisor (1 + r)^years of its 00:00Z from the start's day. */
  readonly dayDiscount: Float64Array
  /** Per day: years since the start, the step from the previous day in years, and its square root. */
  readonly dayYears: Float64Array
  readonly dayDtYears: Float64Array
  readonly daySqrtDt: Float64Array
  /** The fleet's block count matters to money only under solo; a pool mode change could make it matter later. */
  readonly needFleetDraws: boolean
}

export const indexPlan = (plan: ScenarioPlan): PlanIndex => {
  const cal = plan.calendar
  const dayDiscount = new Float64Array(cal.dayCount)
  const dayYears = new Float64Array(cal.dayCount)
  const dayDtYears = new Float64Array(cal.dayCount)
  const daySqrtDt = new Float64Array(cal.dayCount)
  for (let d = 0; d < cal.dayCount; d++) {
    // The ledger report's NPV convention (the economics kernel's): a day's flows at 00:00Z of the day.
    dayDiscount[d] = discountDivisor(plan.discountRatePerYear, plan.startS, cal.dayStartS[d]!)
    dayYears[d] = (cal.dayStartS[d]! - plan.startS) / SECONDS_PER_YEAR
    dayDtYears[d] = d === 0 ? 0 : (cal.dayStartS[d]! - cal.dayStartS[d - 1]!) / SECONDS_PER_YEAR
    daySqrtDt[d] = Math.sqrt(dayDtYears[d]!)
  }
  return {
    nSites: plan.siteIds.length,
    nContracts: plan.contracts.length,
    lotJth: Float64Array.from(plan.lots.map((l) => l.efficiencyJth)),
    lotPriceUsdCents: Float64Array.from(plan.lots.map((l) => l.priceUsdCents)),
    changeAtS: Float64Array.from(plan.changes.map((c) => c.atS)),
    changes: plan.changes.map((c) => c.change),
    changeEvent: Int32Array.from(plan.changes.map((c) => c.eventIndex)),
    contractSite: Int32Array.from(plan.contracts.map((c) => c.siteIndex)),
    contractRatePerMwh: Float64Array.from(plan.contracts.map((c) => c.ratePerMwhUsdCents)),
    contractSla: Float64Array.from(plan.contracts.map((c) => c.uptimeSlaFraction)),
    contractSlaCreditPerMwh: Float64Array.from(plan.contracts.map((c) => c.slaCreditPerMwhUsdCents)),
    contractCurtailmentCreditPerMwh: Float64Array.from(plan.contracts.map((c) => c.curtailmentCreditPerMwhUsdCents)),
    contractTakeOrPay: Float64Array.from(plan.contracts.map((c) => c.takeOrPayFraction)),
    contractCreditsOwnSwitchOff: Uint8Array.from(plan.contracts.map((c) => (c.creditsOwnSwitchOff ? 1 : 0))),
    dayStartS: cal.dayStartS,
    dayDiscount,
    dayYears,
    dayDtYears,
    daySqrtDt,
    needFleetDraws: plan.changes.some((c) => c.change.kind === "pool" && c.change.mode === "solo") ||
      !plan.changes.some((c) => c.change.kind === "pool")
  }
}
