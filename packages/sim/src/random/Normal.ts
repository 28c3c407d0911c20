// Normal variates by the ziggurat (Marsaglia and Tsang 2000, 256 layers, in Doornik's 2005 ZIGNOR form: the
// layer index and the 53-bit uniform come from disjoint bits, which fixes the original's correlation flaw).
// Exact in distribution; no state between draws (no cached spare), so a draw depends only on the words it used.
import type { Rng } from "./Rng.ts"
import { SamplerParameterInvalidError } from "./SamplerParameterInvalidError.ts"

const LAYERS = 256
// Module-local rather than imported from Rng.ts, so no consumer's module format can turn them into getters.
const DOUBLE_UNIT = 1.1102230246251565e-16 // 2^-53
const TWO_POW_32 = 4294967296
/**
 * R, the start of the tail (Marsaglia and Tsang 2000), and V, the common area of the layers under exp(-x^2/2):
 * V = R exp(-R^2/2) + sqrt(pi/2) erfc(R/sqrt 2), computed to 40 digits (mpmath) and rounded. The paper's
 * 12-digit V leaves the top layer's area off by 1e-9 relative; with this one the layers close to 1e-16.
 */
const ZIG_R = 3.6541528853610088
const ZIG_V = 0.004928673233974655

/** x[i]: right edge of layer i; x[0] = V / f(R) (the base layer's virtual width), x[1] = R, x[256] = 0. */
const ZIG_X = new Float64Array(LAYERS + 1)
/** f(x[i]) = exp(-x[i]^2 / 2). */
const ZIG_F = new Float64Array(LAYERS + 1)
/** x[i+1] / x[i]: |u| below it means the point is inside the layer's rectangle, accepted at once. */
const ZIG_RATIO = new Float64Array(LAYERS)

{
  let f = Math.exp(-0.5 * ZIG_R * ZIG_R)
  ZIG_X[0] = ZIG_V / f
  ZIG_X[1] = ZIG_R
  ZIG_F[0] = f
  ZIG_F[1] = f
  for (let i = 2; i < LAYERS; i++) {
    const x = Math.sqrt(-2 * Math.log(ZIG_V / ZIG_X[i - 1]! + f))
    ZIG_X[i] = x
    f = Math.exp(-0.5 * x * x)
    ZIG_F[i] = f
  }
  ZIG_X[LAYERS] = 0
  ZIG_F[LAYERS] = 1
  for (let i = 0; i < LAYERS; i++) ZIG_RATIO[i] = ZIG_X[i + 1]! / ZIG_X[i]!
}

/**
 * Two words -> layer (bits 0-7 of the first) and u in (-1,1) from 53 other bits: u = (2k+1-2^53)/2^53.
 * Kept small so that V8 inlines it into callers (a double returned from a call that is not inlined is boxed, an
 * allocation per draw); the rare rest (1 draw in 67) is in `standardNormalSlow`.
 */
export const standardNormal = (rng: Rng): number => {
  const a = rng.nextU32()
  const b = rng.nextU32()
  const i = a & 0xff
  const u = ((((a >>> 11) - 1048576) * TWO_POW_32 + b) * 2 + 1) * DOUBLE_UNIT
  if (Math.abs(u) < ZIG_RATIO[i]!) return u * ZIG_X[i]!
  // The unary plus is the identity on a number (-0 and NaN included); it tells TurboFan the call's result is a
  // number. Without it the two returns meet as "any value", so the inlined fast path's double was boxed (a heap
  // number allocated per draw, three a path-day in the market step).
  return +standardNormalSlow(rng, i, u)
}

/** The ziggurat outside the rectangles: the base layer's tail, or a wedge; draws again on rejection. */
const standardNormalSlow = (rng: Rng, layer: number, u0: number): number => {
  let i = layer
  let u = u0
  for (;;) {
    if (i === 0) {
      // The tail beyond R (Marsaglia 1964): exact, accepts with probability about 0.92.
      let x: number
      let y: number
      do {
        x = -Math.log(rng.nextDouble()) / ZIG_R
        y = -Math.log(rng.nextDouble())
      } while (y + y < x * x)
      return u < 0 ? -(ZIG_R + x) : ZIG_R + x
    }
    // The wedge between the rectangle of layer i and the curve: accept under the density.
    const x = u * ZIG_X[i]!
    const fHigh = ZIG_F[i + 1]!
    const y = fHigh + rng.nextDouble() * (ZIG_F[i]! - fHigh)
    if (y < Math.exp(-0.5 * x * x)) return x
    // Rejected: a fresh draw, exactly as the fast path makes it.
    const a = rng.nextU32()
    const b = rng.nextU32()
    i = a & 0xff
    u = ((((a >>> 11) - 1048576) * TWO_POW_32 + b) * 2 + 1) * DOUBLE_UNIT
    if (Math.abs(u) < ZIG_RATIO[i]!) return u * ZIG_X[i]!
  }
}

/** Normal with the given mean and standard deviation (sd >= 0). */
export const normal = (rng: Rng, mean: number, sd: number): number => {
  if (!(sd >= 0 && sd < Infinity)) throw new SamplerParameterInvalidError("normal", "sd", sd)
  return mean + sd * standardNormal(rng)
}

/** Lognormal: exp(mu + sigma Z), Z standard normal; mu and sigma are the log's mean and sd. */
export const lognormal = (rng: Rng, mu: number, sigma: number): number => {
  if (!(sigma >= 0 && sigma < Infinity)) throw new SamplerParameterInvalidError("lognormal", "sigma", sigma)
  return Math.exp(mu + sigma * standardNormal(rng))
}
