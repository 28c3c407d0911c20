// Beta variates: Ga/(Ga+Gb) from two gammas (exact, O(1) for any shapes, e.g. the order statistic
// Beta(r, N-r+1) with N in the millions), Johnk's method when both shapes are <= 1 (the gamma ratio would
// underflow to 0/0), and closed forms when a shape is 1.
import type { Rng } from "./Rng.ts"
import { standardGamma } from "./Gamma.ts"
import { SamplerParameterInvalidError } from "./SamplerParameterInvalidError.ts"

/** Beta(a, b), a > 0, b > 0: density x^(a-1) (1-x)^(b-1) / B(a,b) on (0,1). */
export const beta = (rng: Rng, a: number, b: number): number => {
  if (!(a > 0 && a < Infinity)) throw new SamplerParameterInvalidError("beta", "a", a)
  if (!(b > 0 && b < Infinity)) throw new SamplerParameterInvalidError("beta", "b", b)
  if (a === 1) {
    // 1 - U^(1/b), written so that small results keep their precision (the minimum of b uniforms).
    return -Math.expm1(Math.log(rng.nextDouble()) / b)
  }
  if (b === 1) return Math.exp(Math.log(rng.nextDouble()) / a)
  if (a <= 1 && b <= 1) {
    // Johnk (1964): accept U^(1/a) + V^(1/b) <= 1; the logs keep the ratio when both powers underflow.
    for (;;) {
      const logX = Math.log(rng.nextDouble()) / a
      const logY = Math.log(rng.nextDouble()) / b
      const x = Math.exp(logX)
      const y = Math.exp(logY)
      const sum = x + y
      if (sum <= 1) {
        if (sum > 0) return x / sum
        const logMax = logX > logY ? logX : logY
        const ex = Math.exp(logX - logMax)
        return ex / (ex + Math.exp(logY - logMax))
      }
    }
  }
  const ga = standardGamma(rng, a)
  const gb = standardGamma(rng, b)
  return ga / (ga + gb)
}
