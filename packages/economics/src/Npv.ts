// Net present value, the ledger report's convention: a day's flows count at 00:00Z of their UTC day and are
// discounted by (1 + r)^years, years = (that day - 00:00Z of the start's day) / 365.25 days.
import { SECONDS_PER_YEAR, utcDayStartS } from "./Time.ts"

/** The divisor (1 + r)^years of the flows of the day holding `dayS`, for a run that starts at `startS`. */
export const discountDivisor = (ratePerYear: number, startS: number, dayS: number): number =>
  Math.pow(1 + ratePerYear, (utcDayStartS(dayS) - utcDayStartS(startS)) / SECONDS_PER_YEAR)

/** A day's net flow (USD cents, unrounded) brought to the start: flow / divisor. NPV is the sum, half-even at the end. */
export const presentValueUsdCents = (flowUsdCents: number, divisor: number): number => flowUsdCents / divisor
