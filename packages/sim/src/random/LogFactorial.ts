// log(k!) and the Stirling-series remainder, accurately, for the exact Poisson and binomial rejection tests.
// Below 256, log(k!) is summed once at load; from 256 on, the Stirling series (truncation error < 1e-20) gives
// it. A table holds log(k!) for k < 16384 so that the samplers' slow paths need no logs for the pmf.

const SUMMED_BELOW = 256
/** log(k!) is tabulated for 0 <= k < LOG_FACTORIAL_TABLE_SIZE (128 KB). */
export const LOG_FACTORIAL_TABLE_SIZE = 16384
const HALF_LOG_2PI = 0.9189385332046728

/** The main Stirling part of log(k!) written at k+1: (k + 1/2) log(k+1) - (k+1) + log(2 pi)/2. */
const stirlingMain = (k: number): number => (k + 0.5) * Math.log(k + 1) - (k + 1) + HALF_LOG_2PI

/** The Stirling series of log(k!) - stirlingMain(k), for k >= 256 (where 4 terms reach 1e-20). */
const stirlingSeries = (k: number): number => {
  const n = k + 1
  const n2 = n * n
  return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * n2)) / n2) / n2) / n
}

/**
 * log(k!) for k < LOG_FACTORIAL_TABLE_SIZE: summed logs below 256, Stirling above. Absolute error about an ulp of
 * the value (2e-12 near k = 2016, 3e-11 at the top), so differences of entries give pmf ratios to ~1e-11.
 */
export const LOG_FACTORIAL_TABLE = new Float64Array(LOG_FACTORIAL_TABLE_SIZE)
const STIRLING_TAIL = new Float64Array(SUMMED_BELOW)
{
  let sum = 0
  for (let k = 1; k < SUMMED_BELOW; k++) {
    sum += Math.log(k)
    LOG_FACTORIAL_TABLE[k] = sum
  }
  for (let k = 0; k < SUMMED_BELOW; k++) STIRLING_TAIL[k] = LOG_FACTORIAL_TABLE[k]! - stirlingMain(k)
  for (let k = SUMMED_BELOW; k < LOG_FACTORIAL_TABLE_SIZE; k++) {
    LOG_FACTORIAL_TABLE[k] = stirlingMain(k) + stirlingSeries(k)
  }
}

/**
 * log(k!) - stirlingMain(k) for integer k >= 0: small and smooth, so differences of log-factorials of big
 * numbers can be formed without cancelling large terms.
 */
export const stirlingTail = (k: number): number => (k < SUMMED_BELOW ? STIRLING_TAIL[k]! : stirlingSeries(k))

/** log(k!) for integer k >= 0. */
export const logFactorial = (k: number): number =>
  k < LOG_FACTORIAL_TABLE_SIZE ? LOG_FACTORIAL_TABLE[k]! : stirlingMain(k) + stirlingSeries(k)
