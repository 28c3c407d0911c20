// The simulated fleet's operating policy, as pure functions over plain numbers: whether a site runs a day given
// that day's hashprice and what running costs at the margin. The simulator decides once a day and records the
// decision as an event; the contract's terms decide what the marginal power price is (see marginalPowerUsdPerKwh).
import { powerCostUsdPerPhDay } from "./Hashprice.ts"

export type OperatingPolicy =
  | { readonly kind: "alwaysOn" }
  /** Off on a day whose hashprice is below a fixed floor, USD per PH/s per day. */
  | { readonly kind: "hashpriceFloor"; readonly floorUsdPerPhDay: number }
  /** Off on a day whose hashprice does not cover the fleet's marginal power cost (power rate x J/TH). */
  | { readonly kind: "breakeven" }

/** Numeric codes for the hot loop (a switch over numbers, no object per day). */
export const POLICY_ALWAYS_ON = 0
export const POLICY_HASHPRICE_FLOOR = 1
export const POLICY_BREAKEVEN = 2

export const policyCode = (p: OperatingPolicy): number => {
  switch (p.kind) {
    case "alwaysOn":
      return POLICY_ALWAYS_ON
    case "hashpriceFloor":
      return POLICY_HASHPRICE_FLOOR
    case "breakeven":
      return POLICY_BREAKEVEN
  }
}

/**
 * The marginal price of a kWh the fleet draws today, USD: what running one more kWh adds to the bill.
 * - Energy still inside a take-or-pay minimum is paid whether drawn or not: its marginal price is 0.
 * - Above the minimum, the contract's rate per kWh.
 * - Where the contract pays a credit for energy not drawn (a curtailment credit that also applies to the
 *   fleet's own switch-off), drawing forgoes that credit: it adds to the marginal price.
 * `takeOrPayRemainingKwh` is the part of the period's minimum not yet drawn; `dayKwh` what a full day would draw.
 * The day's marginal price is the kWh-weighted mean over the day's draw, so a day that straddles the minimum is
 * priced in proportion.
 */
export const marginalPowerUsdPerKwh = (
  rateUsdPerKwh: number,
  takeOrPayRemainingKwh: number,
  dayKwh: number,
  forgoneCreditUsdPerKwh: number
): number => {
  if (!(dayKwh > 0)) return rateUsdPerKwh + forgoneCreditUsdPerKwh
  const covered = takeOrPayRemainingKwh <= 0 ? 0 : takeOrPayRemainingKwh >= dayKwh ? 1 : takeOrPayRemainingKwh / dayKwh
  return (1 - covered) * rateUsdPerKwh + forgoneCreditUsdPerKwh
}

/**
 * The hashprice below which the fleet does not run today, USD per PH/s per day: 0 always on; the floor; or for
 * breakeven the power cost at the margin, 24 x J/TH x marginal $/kWh (`floorUsdPerPhDay` is used by the floor
 * policy only, `marginalUsdPerKwh` and `efficiencyJth` by breakeven).
 */
export const thresholdUsdPerPhDay = (code: number, floorUsdPerPhDay: number, marginalUsdPerKwh: number, efficiencyJth: number): number => {
  switch (code) {
    case POLICY_ALWAYS_ON:
      return 0
    case POLICY_HASHPRICE_FLOOR:
      return floorUsdPerPhDay
    case POLICY_BREAKEVEN:
      return powerCostUsdPerPhDay(efficiencyJth, marginalUsdPerKwh)
    default:
      throw new Error(`unknown operating policy code ${code}`)
  }
}

/**
 * Whether the fleet runs today: iff the day's hashprice is at or above the policy's threshold. Under breakeven a
 * day it runs never loses money on power at the margin (revenue per PH/s >= power per PH/s).
 */
export const runsToday = (
  code: number,
  hashpriceUsdPerPhDay: number,
  floorUsdPerPhDay: number,
  marginalUsdPerKwh: number,
  efficiencyJth: number
): boolean => code === POLICY_ALWAYS_ON || hashpriceUsdPerPhDay >= thresholdUsdPerPhDay(code, floorUsdPerPhDay, marginalUsdPerKwh, efficiencyJth)
