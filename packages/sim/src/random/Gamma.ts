// Gamma variates by Marsaglia and Tsang (2000): a squeeze-accelerated rejection from a transformed normal,
// exact for shape >= 1; shapes below 1 use the boost Gamma(a) = Gamma(a+1) * U^(1/a). No tables, no state.
import type { Rng } from "./Rng.ts"
import { standardNormal } from "./Normal.ts"
import { SamplerParameterInvalidError } from "./SamplerParameterInvalidError.ts"

/**
 * Gamma(shape, scale 1), shape > 0. Mean = shape. (For shape < 1 a tiny result may underflow to 0.)
 * One function for both shape ranges: one call fewer that V8 might not inline (a double returned from a call
 * that is not inlined is boxed in a heap number; see README.md, "Allocation").
 */
export const standardGamma = (rng: Rng, shape: number): number => {
  if (!(shape > 0 && shape < Infinity)) throw new SamplerParameterInvalidError("gamma", "shape", shape)
  const boosted = shape < 1
  const d = (boosted ? shape + 1 : shape) - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
  let g: number
  for (;;) {
    let x: number
    let v: number
    do {
      x = standardNormal(rng)
      v = 1 + c * x
    } while (v <= 0)
    v = v * v * v
    const u = rng.nextDouble()
    const x2 = x * x
    if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
      g = d * v
      break
    }
  }
  // The boost: Gamma(a) = Gamma(a+1) * U^(1/a), its uniform drawn after the Gamma(a+1).
  return boosted ? g * Math.pow(rng.nextDouble(), 1 / shape) : g
}

/** Gamma(shape, scale): density x^(shape-1) e^(-x/scale); mean shape*scale, variance shape*scale^2. */
export const gamma = (rng: Rng, shape: number, scale: number): number => {
  if (!(scale > 0 && scale < Infinity)) throw new SamplerParameterInvalidError("gamma", "scale", scale)
  return standardGamma(rng, shape) * scale
}
