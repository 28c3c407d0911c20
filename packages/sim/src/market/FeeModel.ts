// Fees per block: Gamma(shape, mean / shape), so the fees of n blocks are one Gamma(n shape, mean / shape) draw.
// The mean is constant, or follows a mean-reverting level stepped once a day (MeanRevertingFees, its own stream
// "feeLevel"). Monte Carlo's fee-level uncertainty scales the mean per path by a mean-preserving lognormal level.
import { rngFor, standardGamma, type Sfc32 } from "../random/index.ts"
import type { PlanIndex } from "../scenario/PlanIndex.ts"
import { MeanRevertingFees } from "./MeanRevertingFees.ts"

/** The fee model as the plan holds it. */
export type FeePlan =
  | { readonly model: "constant"; readonly meanSats: number; readonly shape: number }
  | {
      readonly model: "meanReverting"
      readonly meanSats: number
      readonly halfLifeYears: number
      readonly volatilityPerYear: number
      readonly startSats: number
      readonly shape: number
    }

export class FeeModel {
  /** The day's mean fee per block (sats), the path's level included. */
  meanSats = 0
  /** The path's fee level (1 without uncertainty). */
  level = 1
  private scale = 1
  private rng!: Sfc32
  private levelRng!: Sfc32
  private readonly shape: number
  private readonly process: MeanRevertingFees | null
  private readonly dayDtYears: Float64Array

  constructor(
    private readonly plan: FeePlan,
    days: PlanIndex
  ) {
    this.shape = plan.shape
    this.process = plan.model === "meanReverting" ? new MeanRevertingFees(plan) : null
    this.dayDtYears = days.dayDtYears
  }

  /** Per path: the fee level (1 without uncertainty); `draws`: whether fees are drawn at all on this path. */
  reset(seed: number, level: number, draws: boolean): void {
    this.level = level
    if (this.process !== null && this.plan.model === "meanReverting") {
      this.process.reset(this.plan.startSats)
      this.levelRng = rngFor(seed, "feeLevel")
      this.meanSats = this.plan.startSats * level
    } else this.meanSats = this.plan.meanSats * level
    this.scale = this.meanSats / this.shape
    // Only blocks that are counted or paid draw fees (a stream is hashed from the seed and its name, so
    // creating it or not changes no other stream).
    if (draws) this.rng = rngFor(seed, "fees")
  }

  /** Day `d`'s mean: a mean-reverting level steps over the day's length (day 0 keeps the start). */
  step(d: number): void {
    const p = this.process
    if (p === null || d === 0) return
    this.meanSats = p.step(this.levelRng, this.dayDtYears[d]!) * this.level
    this.scale = this.meanSats / this.shape
  }

  /** The fees of `blocks` fleet blocks, floored to the satoshi (0 when the mean is 0). */
  draw(blocks: number): number {
    return this.meanSats > 0 ? Math.floor(standardGamma(this.rng, blocks * this.shape) * this.scale) : 0
  }
}
