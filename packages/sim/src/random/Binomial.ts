// Binomial variates, exact for any n (tested to 1e9): inversion by sequential search when n*min(p,1-p) < 10,
// otherwise BTRS, Hormann's transformed rejection with squeeze (1993), whose acceptance test uses the exact pmf
// ratio (from a log-factorial table below n = 16384, in Stirling form above so that n around 1e9 does not
// cancel large terms). p > 1/2 uses symmetry.
import type { Rng } from "./Rng.ts"
import { LOG_FACTORIAL_TABLE, LOG_FACTORIAL_TABLE_SIZE, stirlingTail } from "./LogFactorial.ts"
import { SamplerParameterInvalidError } from "./SamplerParameterInvalidError.ts"

/** n*p (p <= 1/2) below this uses inversion; BTRS is valid from 10 on (Hormann 1993). */
export const BINOMIAL_INVERSION_BELOW = 10

/** Search cap for inversion: with n*p < 10, P(X >= 400) < 1e-400; hitting it only means rounding left u unspent. */
const INVERSION_CAP = 400

/** Binomial(n, p): successes in n independent trials of probability p. n a non-negative safe integer, p in [0,1]. */
export const binomial = (rng: Rng, n: number, p: number): number => {
  if (!(Number.isSafeInteger(n) && n >= 0)) throw new SamplerParameterInvalidError("binomial", "n", n)
  if (!(p >= 0 && p <= 1)) throw new SamplerParameterInvalidError("binomial", "p", p)
  if (p <= 0.5) return binomialLowP(rng, n, p)
  return n - binomialLowP(rng, n, 1 - p)
}

const binomialLowP = (rng: Rng, n: number, p: number): number => {
  if (n === 0 || p === 0) return 0
  if (n * p < BINOMIAL_INVERSION_BELOW) return binomialInversion(rng, n, p)
  return binomialBtrs(rng, n, p)
}

// log(1 - p) of the last two p seen: callers thin many counts with the same p (the fleet's share within a
// segment, next to the engine's other binomial), and log1p costs as much as the rest of the setup. A pure
// cache: the value is the same either way.
let cachedP0 = Number.NaN
let cachedLog1mP0 = Number.NaN
let cachedP1 = Number.NaN
let cachedLog1mP1 = Number.NaN
let replaceSlot1 = false

const log1mP = (p: number): number => {
  if (p === cachedP0) return cachedLog1mP0
  if (p === cachedP1) return cachedLog1mP1
  const value = Math.log1p(-p)
  if (replaceSlot1) {
    cachedP1 = p
    cachedLog1mP1 = value
  } else {
    cachedP0 = p
    cachedLog1mP0 = value
  }
  replaceSlot1 = !replaceSlot1
  return value
}

const binomialInversion = (rng: Rng, n: number, p: number): number => {
  const q = 1 - p
  const p0 = Math.exp(n * log1mP(p))
  const ratio = p / q
  const limit = n < INVERSION_CAP ? n : INVERSION_CAP
  for (;;) {
    let u = rng.nextDouble()
    let k = 0
    let pk = p0
    while (u > pk) {
      u -= pk
      k++
      if (k > limit) break
      pk *= ((n - k + 1) * ratio) / k
    }
    if (k <= limit) return k
  }
}

/** BTRS with the constants of Hormann (1993); the acceptance bound as in TensorFlow's random_binomial_op. */
const binomialBtrs = (rng: Rng, n: number, p: number): number => {
  const q = 1 - p
  const spq = Math.sqrt(n * p * q)
  const b = 1.15 + 2.53 * spq
  const a = -0.0873 + 0.0248 * b + 0.01 * p
  const c = n * p + 0.5
  const vr = 0.92 - 4.2 / b
  // Needed only when the squeeze fails (about 1 draw in 3 at n p = 144): computed then, once per call.
  let alpha = Number.NaN
  let m = 0
  let logR = 0
  let modeTerms = 0
  for (;;) {
    const u = rng.nextDouble() - 0.5
    const v = rng.nextDouble()
    const us = 0.5 - Math.abs(u)
    const k = Math.floor(((2 * a) / us + b) * u + c)
    if (k < 0 || k > n) continue
    if (us >= 0.07 && v <= vr) return k
    if (alpha !== alpha) {
      alpha = (2.83 + 5.1 / b) * spq
      m = Math.floor((n + 1) * p)
      logR = Math.log(p / q)
      modeTerms =
        n < LOG_FACTORIAL_TABLE_SIZE
          ? LOG_FACTORIAL_TABLE[m]! + LOG_FACTORIAL_TABLE[n - m]! - m * logR
          : (m + 0.5) * (Math.log((m + 1) / (n - m + 1)) - logR) + stirlingTail(m) + stirlingTail(n - m)
    }
    const logV = Math.log((v * alpha) / (a / (us * us) + b))
    // log( f(k) / f(m) ), f the binomial pmf: log m! + log (n-m)! - log k! - log (n-k)! + (k - m) log(p/q).
    // From the table when it reaches n (no logs: 40 -> 29 ns a draw at n p = 144); else with
    // log(j!) = (j+1/2) log(j+1) - (j+1) + log(2 pi)/2 + tail(j), the large terms cancelled analytically.
    const bound =
      n < LOG_FACTORIAL_TABLE_SIZE
        ? modeTerms - LOG_FACTORIAL_TABLE[k]! - LOG_FACTORIAL_TABLE[n - k]! + k * logR
        : modeTerms +
          (n + 1) * Math.log1p((k - m) / (n - k + 1)) +
          (k + 0.5) * (Math.log((n - k + 1) / (k + 1)) + logR) -
          stirlingTail(k) -
          stirlingTail(n - k)
    if (logV <= bound) return k
  }
}
