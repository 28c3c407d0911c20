// log(k!) and the Stirling-series remainder, accurately, for the exact Poisson and binomial rejection tests.
// A table for k < 256 (summed once at load); the Stirling series beyond, where its truncation error is < 1e-20.

const TABLE_SIZE = 256
const HALF_LOG_2PI = 0.9189385332046728

const LOG_FACTORIAL = new Float64Array(TABLE_SIZE)
{
  let sum = 0
  for (let k = 1; k < TABLE_SIZE; k++) {
    sum += Math.log(k)
    LOG_FACTORIAL[k] = sum
  }
}

/** The main Stirling part of log(k!) written at k+1: (k + 1/2) log(k+1) - (k+1) + log(2 pi)/2. */
const stirlingMain = (k: number): number => (k + 0.5) * Math.log(k + 1) - (k + 1) + HALF_LOG_2PI

const STIRLING_TAIL = new Float64Array(TABLE_SIZE)
for (let k = 0; k < TABLE_SIZE; k++) STIRLING_TAIL[k] = LOG_FACTORIAL[k]! - stirlingMain(k)

/**
 * log(k!) - stirlingMain(k) for integer k >= 0: small and smooth, so differences of log-factorials of big
 * numbers can be formed without cancelling large terms.
 */
export const stirlingTail = (k: number): number => {
  if (k < TABLE_SIZE) return STIRLING_TAIL[k]!
  const n = k + 1
  const n2 = n * n
  return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * n2)) / n2) / n2) / n
}

/** log(k!) for integer k >= 0. */
export const logFactorial = (k: number): number =>
  k < TABLE_SIZE ? LOG_FACTORIAL[k]! : stirlingMain(k) + stirlingTail(k)
