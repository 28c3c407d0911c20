// Fees per block: Gamma(shape, mean / shape), so the fees of n blocks are one Gamma(n shape, mean / shape) draw.
// Monte Carlo's fee-level uncertainty scales the mean per path by a mean-preserving lognormal level.
import { rngFor, standardGamma, type Sfc32 } from "../random/index.ts"

export class FeeModel {
  /** The path's mean fee per block (sats). */
  meanSats = 0
  private scale = 1
  private rng!: Sfc32

  constructor(
    private readonly baseMeanSats: number,
    private readonly shape: number
  ) {}

  /** Per path: the fee level (1 without uncertainty); `draws`: whether fees are drawn at all on this path. */
  reset(seed: number, level: number, draws: boolean): void {
    this.meanSats = this.baseMeanSats * level
    this.scale = this.meanSats / this.shape
    // Only blocks that are counted or paid draw fees (a stream is hashed from the seed and its name, so
    // creating it or not changes no other stream).
    if (draws) this.rng = rngFor(seed, "fees")
  }

  /** The fees of `blocks` fleet blocks, floored to the satoshi (0 when the mean is 0). */
  draw(blocks: number): number {
    return this.meanSats > 0 ? Math.floor(standardGamma(this.rng, blocks * this.shape) * this.scale) : 0
  }
}
