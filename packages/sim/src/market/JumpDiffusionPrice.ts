// BTC price as a Merton (1976) jump-diffusion: a GBM plus a compound Poisson process of lognormal jumps, stepped
// exactly (no Euler error at any step length) and without allocation. Heavy tails: a day can move the price by a
// jump many diffusion sigmas wide, as BTC's crashes and squeezes do.
import { poisson } from "../random/Poisson.ts"
import { standardNormal } from "../random/Normal.ts"
import type { Rng } from "../random/Rng.ts"
import { roundHalfEven } from "../Money.ts"
import { checkRange } from "./MarketParameterInvalidError.ts"

const MODEL = "jumpDiffusionPrice"

export interface JumpDiffusionParams {
  /** Expected growth of the price a year, mu: E[S(t+dt) / S(t)] = exp(mu dt), jumps included (compensated). */
  readonly driftPerYear: number
  /** Volatility of the diffusion part a year, sigma. */
  readonly volatilityPerYear: number
  /** Expected number of jumps a year, lambda. */
  readonly jumpsPerYear: number
  /** Mean of a jump's log size, mu_J (negative: crashes outweigh spikes). */
  readonly jumpLogMean: number
  /** Standard deviation of a jump's log size, sigma_J. */
  readonly jumpLogSd: number
}

/** kappa = E[e^J] - 1, the mean relative size of a jump. */
export const jumpMeanRelative = (p: JumpDiffusionParams): number => Math.expm1(p.jumpLogMean + 0.5 * p.jumpLogSd * p.jumpLogSd)

/** Closed form: mean of the log-return over dt years, (mu - lambda kappa - sigma^2/2) dt + lambda dt mu_J. */
export const logReturnMean = (p: JumpDiffusionParams, dtYears: number): number =>
  (p.driftPerYear - p.jumpsPerYear * jumpMeanRelative(p) - 0.5 * p.volatilityPerYear * p.volatilityPerYear) * dtYears +
  p.jumpsPerYear * dtYears * p.jumpLogMean

/** Closed form: variance of the log-return over dt years, sigma^2 dt + lambda dt (mu_J^2 + sigma_J^2). */
export const logReturnVariance = (p: JumpDiffusionParams, dtYears: number): number =>
  p.volatilityPerYear * p.volatilityPerYear * dtYears +
  p.jumpsPerYear * dtYears * (p.jumpLogMean * p.jumpLogMean + p.jumpLogSd * p.jumpLogSd)

export const validateJumpDiffusion = (p: JumpDiffusionParams): void => {
  checkRange(MODEL, "driftPerYear", p.driftPerYear, -100, 100)
  checkRange(MODEL, "volatilityPerYear", p.volatilityPerYear, 0, 100)
  checkRange(MODEL, "jumpsPerYear", p.jumpsPerYear, 0, 1e6)
  checkRange(MODEL, "jumpLogMean", p.jumpLogMean, -20, 20)
  checkRange(MODEL, "jumpLogSd", p.jumpLogSd, 0, 20)
}

/**
 * The price process for one path. `logReturn` draws, in this order from the one generator: the diffusion's
 * normal, the day's jump count N ~ Poisson(lambda dt), and (only when N > 0) one normal for the jumps' total,
 * which given N is exactly N(N mu_J, N sigma_J^2). The draw order is part of the reproducibility contract.
 */
export class JumpDiffusionPrice {
  private readonly p: JumpDiffusionParams
  private readonly driftCore: number
  constructor(params: JumpDiffusionParams) {
    validateJumpDiffusion(params)
    this.p = params
    // Per year: mu - lambda kappa - sigma^2 / 2 (the compensated drift of the log).
    this.driftCore =
      params.driftPerYear - params.jumpsPerYear * jumpMeanRelative(params) - 0.5 * params.volatilityPerYear * params.volatilityPerYear
  }

  /** log(S(t+dt) / S(t)) over `dtYears`, drawn exactly; `driftAdjPerYear` adds to mu (a path's sampled drift). */
  logReturn(rng: Rng, dtYears: number, driftAdjPerYear = 0): number {
    const p = this.p
    let x = (this.driftCore + driftAdjPerYear) * dtYears
    if (p.volatilityPerYear > 0) x += p.volatilityPerYear * Math.sqrt(dtYears) * standardNormal(rng)
    if (p.jumpsPerYear > 0) {
      const n = poisson(rng, p.jumpsPerYear * dtYears)
      if (n > 0) x += n * p.jumpLogMean + p.jumpLogSd * Math.sqrt(n) * standardNormal(rng)
    }
    return x
  }

  /** The next day's price in cents, rounded half-even as the GBM's is (PathSimulator's marketStep). */
  nextPriceUsdCents(rng: Rng, dtYears: number, priceUsdCents: number, driftAdjPerYear = 0): number {
    return roundHalfEven(priceUsdCents * Math.exp(this.logReturn(rng, dtYears, driftAdjPerYear)))
  }
}

/**
 * A reference parameter set (assumption, not fitted): the reference scenarios' 55% a year of BTC volatility
 * (scenarios/README.md: about BTC's realised volatility in 2024) split into a 45% diffusion and jumps carrying the
 * rest: 6 jumps a year of log size N(-5%, 12%), i.e. 0.45^2 + 6 x (0.05^2 + 0.12^2) = 0.304, sqrt = 55.1% a year.
 * Drift 0 as the GBM's (no view on direction). Fitting the split to daily BTC returns is future work.
 */
export const JUMP_DIFFUSION_REFERENCE: JumpDiffusionParams = {
  driftPerYear: 0,
  volatilityPerYear: 0.45,
  jumpsPerYear: 6,
  jumpLogMean: -0.05,
  jumpLogSd: 0.12
}
