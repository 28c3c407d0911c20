// Poisson variates, exact for every mean: inversion by sequential search below mean 10, and above it PTRS,
// Hormann's transformed rejection with squeeze (1993), whose acceptance test uses the exact Poisson pmf.
// No normal approximation anywhere. Constant expected cost: ~mean+1 steps below 10, ~1.1 rounds above.
import type { Rng } from "./Rng.ts"
import { LOG_FACTORIAL_TABLE, LOG_FACTORIAL_TABLE_SIZE, stirlingTail } from "./LogFactorial.ts"
import { SamplerParameterInvalidError } from "./SamplerParameterInvalidError.ts"

/** Means below this use inversion; PTRS is valid from 10 on (Hormann 1993). */
export const POISSON_INVERSION_BELOW = 10

/** Search cap for inversion: P(X >= 400 | mean < 10) < 1e-500, so hitting it only means rounding left u unspent. */
const INVERSION_CAP = 400

const HALF_LOG_2PI = 0.9189385332046728

/** Poisson(mean), mean >= 0 (finite). Returns an integer-valued number. */
export const poisson = (rng: Rng, mean: number): number => {
  if (!(mean >= 0 && mean < Infinity)) throw new SamplerParameterInvalidError("poisson", "mean", mean)
  if (mean < POISSON_INVERSION_BELOW) return poissonInversion(rng, mean)
  return poissonPtrs(rng, mean)
}

const poissonInversion = (rng: Rng, mean: number): number => {
  if (mean === 0) return 0
  const p0 = Math.exp(-mean)
  for (;;) {
    let u = rng.nextDouble()
    let k = 0
    let p = p0
    while (u > p) {
      u -= p
      k++
      if (k === INVERSION_CAP) break
      p *= mean / k
    }
    if (k < INVERSION_CAP) return k
  }
}

/** PTRS with the constants of Hormann (1993), as in NumPy's random_poisson_ptrs. */
const poissonPtrs = (rng: Rng, mean: number): number => {
  const sqrtMean = Math.sqrt(mean)
  const b = 0.931 + 2.53 * sqrtMean
  const a = -0.059 + 0.02483 * b
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4)
  const vr = 0.9277 - 3.6224 / (b - 2)
  let logMean = Number.NaN // computed on the first slow-path draw
  for (;;) {
    const u = rng.nextDouble() - 0.5
    const v = rng.nextDouble()
    const us = 0.5 - Math.abs(u)
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43)
    if (us >= 0.07 && v <= vr) return k
    if (k < 0 || (us < 0.013 && v > us)) continue
    // One log instead of three: log(v) + log(invAlpha) - log(a/us^2 + b) = log(v invAlpha / (a/us^2 + b)).
    // The right side is log P(X = k): from the log-factorial table while k is in it (no more logs), else
    // written so no large terms cancel for big means (k! in Stirling form):
    // k log(mean/(k+1)) - log(k+1)/2 + (k+1-mean) - log(2 pi)/2 - stirlingTail(k).
    if (logMean !== logMean) logMean = Math.log(mean)
    const logPmf =
      k < LOG_FACTORIAL_TABLE_SIZE
        ? k * logMean - mean - LOG_FACTORIAL_TABLE[k]!
        : k * Math.log1p((mean - k - 1) / (k + 1)) - 0.5 * Math.log(k + 1) + (k + 1 - mean) - HALF_LOG_2PI - stirlingTail(k)
    if (Math.log((v * invAlpha) / (a / (us * us) + b)) <= logPmf) return k
  }
}
