// Fees per block: Gamma(shape, mean / shape), so the fees of n blocks are one Gamma(n shape, mean / shape) draw.
// Monte Carlo's fee-level uncertainty scales the model's mean per path by a mean-preserving lognormal level; an
// observed fee level (FeesObserved) replaces the mean over its span, as a fact (no per-path level on it).
import { rngFor, standardGamma, type Sfc32 } from "../random/index.ts"

export class FeeModel {
  /** The mean fee per block in force (sats): FPPS pays it, solo draws around it. */
  meanSats = 0
  private scale = 1
  /** The path's model mean (the plan's, times the path's level). */
  private modelMeanSats = 0
  private rng!: Sfc32

  constructor(
    private readonly baseMeanSats: number,
    private readonly shape: number,
    /** Test fault: observed fee levels are ignored (the model's mean stays in force). */
    private readonly observedIgnored = false
  ) {}

  /** Per path: the fee level (1 without uncertainty); `draws`: whether fees are drawn at all on this path. */
  reset(seed: number, level: number, draws: boolean): void {
    this.modelMeanSats = this.baseMeanSats * level
    this.setMean(this.modelMeanSats)
    // Only blocks that are counted or paid draw fees (a stream is hashed from the seed and its name, so
    // creating it or not changes no other stream).
    if (draws) this.rng = rngFor(seed, "fees")
  }

  /** An observed mean fee per block (sats) from now on; NaN: the span ended, the model's mean again. */
  observe(meanSats: number): void {
    this.setMean(Number.isNaN(meanSats) || this.observedIgnored ? this.modelMeanSats : meanSats)
  }

  private setMean(meanSats: number): void {
    this.meanSats = meanSats
    this.scale = meanSats / this.shape
  }

  /** The fees of `blocks` fleet blocks, floored to the satoshi (0 when the mean is 0). */
  draw(blocks: number): number {
    return this.meanSats > 0 ? Math.floor(standardGamma(this.rng, blocks * this.shape) * this.scale) : 0
  }
}
