// The outcome's formulas over plain numbers, in one place: NPV discounting, payback, depreciation, cost per BTC,
// FPPS expected value and online TH/s. Kept apart so a shared economics kernel can replace this file alone; the
// operation order of each formula is part of the byte-identical outputs (floating point), so keep it as written.
import { roundHalfEven } from "../Money.ts"
import { SECONDS_PER_YEAR } from "../Seconds.ts"

/** Hashes per second in one TH/s. */
export const HASHES_PER_THS = 1e12

/** The NPV divisor of a flow `years` after the start at `ratePerYear`: (1 + r)^years. */
export const discountFactor = (ratePerYear: number, years: number): number => Math.pow(1 + ratePerYear, years)

/** Payback is reached once the cumulative net margin covers a positive cumulative capex. */
export const paysBack = (cumulativeMarginUsdCents: number, cumulativeCapexUsdCents: number): boolean =>
  cumulativeCapexUsdCents > 0 && cumulativeMarginUsdCents >= cumulativeCapexUsdCents

/** A lot's capex spread evenly over its life, the part owned before `untilS` (US cents, not rounded). */
export const depreciationUsdCents = (priceUsdCents: number, lifeYears: number, purchasedAtS: number, untilS: number): number => {
  const lifeS = lifeYears * SECONDS_PER_YEAR
  const owned = Math.min(untilS, purchasedAtS + lifeS) - purchasedAtS
  return owned > 0 ? (priceUsdCents * owned) / lifeS : 0
}

/** A cost per BTC mined, half-even to the cent (`minedSats` > 0). */
export const costPerBtcUsdCents = (costUsdCents: number, minedSats: number): number => roundHalfEven((costUsdCents * 1e8) / minedSats)

/** FPPS: the expected satoshis of `seconds` of `onlineThs` at `workPerBlock`, before the pool fee (not floored). */
export const fppsExpectedSats = (onlineThs: number, seconds: number, workPerBlock: number, subsidySats: number, feeMeanSats: number): number =>
  ((onlineThs * HASHES_PER_THS * seconds) / workPerBlock) * (subsidySats + feeMeanSats)

/** A site's hashrate that runs: installed TH/s less its curtailed fraction (the fleet's uptime applies to the sum). */
export const availableThs = (installedThs: number, curtailedFraction: number): number => installedThs * (1 - curtailedFraction)
