// The fee level per block as a mean-reverting process: an Ornstein-Uhlenbeck process on the log of the expected
// fees per block, stepped by its exact transition (a normal with closed-form mean and variance), so fee droughts
// and fee spikes persist for months and then fade, instead of a level fixed for the whole path.
import { standardNormal } from "../random/Normal.ts"
import type { Rng } from "../random/Rng.ts"
import { checkRange } from "./MarketParameterInvalidError.ts"

const MODEL = "meanRevertingFees"

export interface MeanRevertingFeesParams {
  /** Long-run (stationary) mean of the expected fees per block, sats: E[exp X] under the stationary law. */
  readonly meanSats: number
  /** Half-life of a deviation of log fees from its long-run mean, years: theta = ln 2 / halfLife. */
  readonly halfLifeYears: number
  /** Volatility of log fees a year, s (instantaneous). */
  readonly volatilityPerYear: number
}

/** theta, the rate of mean reversion a year. */
export const reversionPerYear = (p: MeanRevertingFeesParams): number => Math.LN2 / p.halfLifeYears

/** Stationary variance of log fees, s^2 / (2 theta). */
export const stationaryLogVariance = (p: MeanRevertingFeesParams): number =>
  (p.volatilityPerYear * p.volatilityPerYear) / (2 * reversionPerYear(p))

/** Long-run mean m of log fees, so that E[exp X] = meanSats: m = ln(meanSats) - v/2. */
export const stationaryLogMean = (p: MeanRevertingFeesParams): number => Math.log(p.meanSats) - 0.5 * stationaryLogVariance(p)

export const validateMeanRevertingFees = (p: MeanRevertingFeesParams): void => {
  checkRange(MODEL, "meanSats", p.meanSats, 0, 21e14, true)
  checkRange(MODEL, "halfLifeYears", p.halfLifeYears, 0, 1e6, true)
  checkRange(MODEL, "volatilityPerYear", p.volatilityPerYear, 0, 100)
}

/**
 * One path's fee level. X = log(expected fees per block in sats); over dt years,
 * X' = m + (X - m) e^(-theta dt) + s sqrt((1 - e^(-2 theta dt)) / (2 theta)) Z, exactly. One normal a step.
 * The per-block fee draws (the engine's gamma) then use exp(X) as their mean.
 */
export class MeanRevertingFees {
  private readonly m: number
  private readonly theta: number
  private readonly s: number
  private x: number
  private cachedDt = Number.NaN
  private decay = 0
  private sd = 0

  constructor(params: MeanRevertingFeesParams) {
    validateMeanRevertingFees(params)
    this.m = stationaryLogMean(params)
    this.theta = reversionPerYear(params)
    this.s = params.volatilityPerYear
    this.x = this.m
  }

  /** Starts a path at `startSats` expected fees per block (an observed level, or the long-run mean). */
  reset(startSats: number): void {
    checkRange(MODEL, "startSats", startSats, 0, 21e14, true)
    this.x = Math.log(startSats)
  }

  /** Starts a path at a draw from the stationary law (one normal). */
  resetStationary(rng: Rng): void {
    this.x = this.m + (this.s / Math.sqrt(2 * this.theta)) * standardNormal(rng)
  }

  /** Steps `dtYears` and returns the new expected fees per block, sats (not rounded: a mean, not an amount). */
  step(rng: Rng, dtYears: number): number {
    if (dtYears !== this.cachedDt) {
      this.decay = Math.exp(-this.theta * dtYears)
      this.sd = this.s * Math.sqrt(-Math.expm1(-2 * this.theta * dtYears) / (2 * this.theta))
      this.cachedDt = dtYears
    }
    this.x = this.m + (this.x - this.m) * this.decay
    if (this.sd > 0) this.x += this.sd * standardNormal(rng)
    return Math.exp(this.x)
  }

  /** log of the current expected fees per block. */
  get logSats(): number {
    return this.x
  }
  /** The current expected fees per block, sats. */
  get sats(): number {
    return Math.exp(this.x)
  }
}

/**
 * Reference parameters.
 * - meanSats 7,000,000 (0.07 BTC): the reference scenarios' fee mean (scenarios/README.md); the observed monthly
 *   averages were 0.100 BTC (2024-11) and 0.087 BTC (2024-12), then 0.019-0.046 BTC through 2025
 *   (../shared/data/chain/mainnet-fees-monthly-2024-11-2025-12.csv).
 * - volatilityPerYear 0.63: the standard deviation of the 13 monthly changes of log(average fee per block) in that
 *   file (0.182 a month) x sqrt(12).
 * - halfLifeYears 1: assumption. The observed series fell for 13 months without reverting, so a half-life much
 *   shorter than a year would contradict it; the data are too short to fit one.
 */
export const MEAN_REVERTING_FEES_REFERENCE: MeanRevertingFeesParams = {
  meanSats: 7_000_000,
  halfLifeYears: 1,
  volatilityPerYear: 0.63
}
