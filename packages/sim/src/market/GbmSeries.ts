// Geometric Brownian motion with drift and volatility per year, stepped exactly over each day's length (the
// day's value steps from the value in effect, so an observed value carries into the forecast). Day 0 keeps the
// start value. Parameters: `driftPerYear`, `volatilityPerYear` of the scenario's market model (docs/EVENTS.md).
import { NamedStream, standardNormal, type Sfc32 } from "../random/index.ts"
import type { PlanIndex } from "../scenario/PlanIndex.ts"
import type { SeriesStepper } from "./SeriesStepper.ts"

export interface GbmSeriesPlan {
  readonly model: "gbm"
  readonly driftPerYear: number
  readonly volatilityPerYear: number
}

export const compileGbm = (raw: { readonly model: "gbm"; readonly driftPerYear: number; readonly volatilityPerYear: number }): GbmSeriesPlan => ({
  model: "gbm",
  driftPerYear: raw.driftPerYear,
  volatilityPerYear: raw.volatilityPerYear
})

export class GbmSeries implements SeriesStepper {
  value = 0
  private rng!: Sfc32
  private readonly stream: NamedStream
  /** The path's log drift a year, drift + adjustment - sigma^2 / 2 (folded once a path: the same double). */
  private logDriftPerYear = 0
  private readonly drift: number
  private readonly sigma: number
  private readonly dayDtYears: Float64Array
  /** Per day: sigma x sqrt(dt), folded at plan time (the same product the step took). */
  private readonly daySigmaSqrtDt: Float64Array

  constructor(
    plan: GbmSeriesPlan,
    days: PlanIndex,
    /** The name of the random stream this series draws from. */
    streamName: string
  ) {
    this.stream = new NamedStream(streamName)
    this.drift = plan.driftPerYear
    this.sigma = plan.volatilityPerYear
    this.dayDtYears = days.dayDtYears
    this.daySigmaSqrtDt = days.daySqrtDt.map((sqrtDt) => this.sigma * sqrtDt)
  }

  reset(seed: number, driftAdjPerYear: number): void {
    this.rng = this.stream.open(seed)
    const sigma = this.sigma
    this.logDriftPerYear = this.drift + driftAdjPerYear - 0.5 * sigma * sigma
  }

  /** The next day steps from the observed value. */
  rebase(value: number): void {
    this.value = value
  }

  step(d: number): void {
    if (d === 0) return
    const drift = this.logDriftPerYear * this.dayDtYears[d]!
    this.value *= Math.exp(this.sigma > 0 ? drift + this.daySigmaSqrtDt[d]! * standardNormal(this.rng) : drift)
  }
}
