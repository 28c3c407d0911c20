// Fees per block: Gamma(shape, mean / shape), so the fees of n blocks are one Gamma(n shape, mean / shape) draw.
// The model's mean is constant, or follows a mean-reverting level stepped once a day (MeanRevertingFees, its own
// stream "feeLevel"); Monte Carlo's fee-level uncertainty scales it per path by a mean-preserving lognormal level.
// An observed fee level (FeesObserved) replaces the mean over its span, as a fact (no per-path level on it).
import { NamedStream, standardGamma, type Sfc32 } from "../random/index.ts"
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
  /** The mean fee per block in force (sats): FPPS pays it, solo draws around it. */
  meanSats = 0
  /** The path's fee level (1 without uncertainty). */
  level = 1
  private scale = 1
  /** The path's model mean (the plan's, times the path's level), whatever is observed. */
  private modelMeanSats = 0
  /** The observed mean fee per block in force, NaN outside an observed span. */
  private observedSats = Number.NaN
  private readonly sFees = new NamedStream("fees")
  private readonly sLevel = new NamedStream("feeLevel")
  private rng!: Sfc32
  private levelRng!: Sfc32
  private readonly shape: number
  private readonly process: MeanRevertingFees | null
  private readonly dayDtYears: Float64Array

  constructor(
    private readonly plan: FeePlan,
    days: PlanIndex,
    /** Test fault: observed fee levels are ignored (the model's mean stays in force). */
    private readonly observedIgnored = false
  ) {
    this.shape = plan.shape
    this.process = plan.model === "meanReverting" ? new MeanRevertingFees(plan) : null
    this.dayDtYears = days.dayDtYears
  }

  /** Per path: the fee level (1 without uncertainty); `draws`: whether fees are drawn at all on this path. */
  reset(seed: number, level: number, draws: boolean): void {
    this.level = level
    this.observedSats = Number.NaN
    if (this.process !== null && this.plan.model === "meanReverting") {
      this.process.reset(this.plan.startSats)
      this.levelRng = this.sLevel.open(seed)
      this.modelMeanSats = this.plan.startSats * level
    } else this.modelMeanSats = this.plan.meanSats * level
    this.update()
    // Only blocks that are counted or paid draw fees (a stream is hashed from the seed and its name, so
    // creating it or not changes no other stream).
    if (draws) this.rng = this.sFees.open(seed)
  }

  /** Day `d`'s model mean: a mean-reverting level steps over the day's length (day 0 keeps the start). */
  step(d: number): void {
    const p = this.process
    if (p === null || d === 0) return
    this.modelMeanSats = p.step(this.levelRng, this.dayDtYears[d]!) * this.level
    this.update()
  }

  /** An observed mean fee per block (sats) from now on; NaN: the span ended, the model's mean again. */
  observe(meanSats: number): void {
    this.observedSats = this.observedIgnored ? Number.NaN : meanSats
    this.update()
  }

  private update(): void {
    this.meanSats = Number.isNaN(this.observedSats) ? this.modelMeanSats : this.observedSats
    this.scale = this.meanSats / this.shape
  }

  /** The fees of `blocks` fleet blocks, floored to the satoshi (0 when the mean is 0). */
  draw(blocks: number): number {
    return this.meanSats > 0 ? Math.floor(standardGamma(this.rng, blocks * this.shape) * this.scale) : 0
  }
}
