// Depreciation: a lot's capex spread evenly over its life (Julian years), per second owned within its life.
import { SECONDS_PER_YEAR } from "./Time.ts"

/**
 * The depreciation (USD cents, unrounded) of a lot bought at `purchasedAtS` for `priceUsdCents` with a life of
 * `lifeYears`, over [fromS, toS): price x (seconds of [fromS, toS) within [purchase, purchase + life)) / life.
 * Zero when they do not overlap. A horizon's total is from -Infinity (or the start) to the horizon's end.
 */
export const depreciationUsdCents = (
  priceUsdCents: number,
  purchasedAtS: number,
  lifeYears: number,
  fromS: number,
  toS: number
): number => {
  const lifeS = lifeYears * SECONDS_PER_YEAR
  const overlapS = Math.min(toS, purchasedAtS + lifeS) - Math.max(fromS, purchasedAtS)
  return overlapS > 0 ? (priceUsdCents * overlapS) / lifeS : 0
}
