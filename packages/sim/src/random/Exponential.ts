// Exponential variates by inversion: -log(U) with U in (0,1) open, so the result is finite and positive.
import type { Rng } from "./Rng.ts"
import { SamplerParameterInvalidError } from "./SamplerParameterInvalidError.ts"

/** Exp(1): mean 1. */
export const standardExponential = (rng: Rng): number => -Math.log(rng.nextDouble())

/** Exponential with the given rate (mean 1/rate), rate > 0. */
export const exponential = (rng: Rng, rate: number): number => {
  if (!(rate > 0 && rate < Infinity)) throw new SamplerParameterInvalidError("exponential", "rate", rate)
  return -Math.log(rng.nextDouble()) / rate
}

/** Exponential with the given mean (rate 1/mean), mean > 0. */
export const exponentialMean = (rng: Rng, mean: number): number => {
  if (!(mean > 0 && mean < Infinity)) throw new SamplerParameterInvalidError("exponentialMean", "mean", mean)
  return -Math.log(rng.nextDouble()) * mean
}
