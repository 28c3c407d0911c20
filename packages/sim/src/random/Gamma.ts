// Gamma variates by Marsaglia and Tsang (2000): a squeeze-accelerated rejection from a transformed normal,
// exact for shape >= 1; shapes below 1 use the boost Gamma(a) = Gamma(a+1) * U^(1/a). No tables, no state.
import type { Rng } from "./Rng.ts"
import { standardNormal } from "./Normal.ts"
import { SamplerParameterInvalidError } from "./SamplerParameterInvalidError.ts"

/** Gamma(shape, 1) for shape >= 1. */
const gammaShapeAtLeastOne = (rng: Rng, shape: number): number => {
  const d = shape - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
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
    if (u < 1 - 0.0331 * x2 * x2) return d * v
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v
  }
}

/** Gamma(shape, scale 1), shape > 0. Mean = shape. (For shape < 1 a tiny result may underflow to 0.) */
export const standardGamma = (rng: Rng, shape: number): number => {
  if (!(shape > 0 && shape < Infinity)) throw new SamplerParameterInvalidError("gamma", "shape", shape)
  if (shape >= 1) return gammaShapeAtLeastOne(rng, shape)
  const g = gammaShapeAtLeastOne(rng, shape + 1)
  return g * Math.pow(rng.nextDouble(), 1 / shape)
}

/** Gamma(shape, scale): density x^(shape-1) e^(-x/scale); mean shape*scale, variance shape*scale^2. */
export const gamma = (rng: Rng, shape: number, scale: number): number => {
  if (!(scale > 0 && scale < Infinity)) throw new SamplerParameterInvalidError("gamma", "scale", scale)
  return standardGamma(rng, shape) * scale
}
