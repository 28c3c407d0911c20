// Geometric Brownian motion with drift and volatility per year, stepped exactly over each day's length (the
// day's value steps from the value in effect, so an observed value carries into the forecast). Day 0 keeps the
// start value. Parameters: `driftPerYear`, `volatilityPerYear` of the scenario's market model (docs/EVENTS.md).
import { rngFor, standardNormal, type Sfc32 } from "../random/index.ts"
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
  private driftAdj = 0
  // The plan's numbers as own fields: one load each in the daily step.
  private readonly drift: number
  private readonly sigma: number
  private readonly dayDtYears: Float64Array
  private readonly daySqrtDt: Float64Array

  constructor(
    plan: GbmSeriesPlan,
    days: PlanIndex,
    /** The name of the random stream this series draws from. */
    private readonly stream: string
  ) {
    this.drift = plan.driftPerYear
    this.sigma = plan.volatilityPerYear
    this.dayDtYears = days.dayDtYears
    this.daySqrtDt = days.daySqrtDt
  }

  reset(seed: number, driftAdjPerYear: number): void {
    this.rng = rngFor(seed, this.stream)
    this.driftAdj = driftAdjPerYear
  }

  /** The next day steps from the observed value. */
  rebase(value: number): void {
    this.value = value
  }

  step(d: number): void {
    if (d === 0) return
    const sigma = this.sigma
    const drift = (this.drift + this.driftAdj - 0.5 * sigma * sigma) * this.dayDtYears[d]!
    this.value *= Math.exp(sigma > 0 ? drift + sigma * this.daySqrtDt[d]! * standardNormal(this.rng) : drift)
  }
}
