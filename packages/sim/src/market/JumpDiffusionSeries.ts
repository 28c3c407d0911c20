// The BTC price as a Merton jump-diffusion (JumpDiffusionPrice) behind the series interface: the day's value steps
// from the value in effect by an exact draw over the day's length; day 0 keeps the start value (as the GBM's).
import { NamedStream, type Sfc32 } from "../random/index.ts"
import type { PlanIndex } from "../scenario/PlanIndex.ts"
import { JumpDiffusionPrice, type JumpDiffusionParams } from "./JumpDiffusionPrice.ts"
import type { SeriesStepper } from "./SeriesStepper.ts"

export interface JumpDiffusionSeriesPlan extends JumpDiffusionParams {
  readonly model: "jumpDiffusion"
}

export const compileJumpDiffusion = (raw: JumpDiffusionSeriesPlan): JumpDiffusionSeriesPlan => ({ ...raw })

export class JumpDiffusionSeries implements SeriesStepper {
  value = 0
  private rng!: Sfc32
  private readonly stream: NamedStream
  private driftAdj = 0
  private readonly process: JumpDiffusionPrice
  private readonly dayDtYears: Float64Array

  constructor(
    plan: JumpDiffusionSeriesPlan,
    days: PlanIndex,
    /** The name of the random stream this series draws from. */
    streamName: string
  ) {
    this.stream = new NamedStream(streamName)
    this.process = new JumpDiffusionPrice(plan)
    this.dayDtYears = days.dayDtYears
  }

  reset(seed: number, driftAdjPerYear: number): void {
    this.rng = this.stream.open(seed)
    this.driftAdj = driftAdjPerYear
  }

  /** The next day steps from the observed value. */
  rebase(value: number): void {
    this.value = value
  }

  step(d: number): void {
    if (d === 0) return
    this.value *= Math.exp(this.process.logReturn(this.rng, this.dayDtYears[d]!, this.driftAdj))
  }
}
