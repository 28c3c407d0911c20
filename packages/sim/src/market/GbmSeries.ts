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
  private rng!: Sfc32
  private driftAdj = 0

  constructor(
    private readonly plan: GbmSeriesPlan,
    private readonly days: PlanIndex,
    /** The name of the random stream this series draws from. */
    private readonly stream: string
  ) {}

  reset(seed: number, driftAdjPerYear: number): void {
    this.rng = rngFor(seed, this.stream)
    this.driftAdj = driftAdjPerYear
  }

  step(d: number, _dayStartS: number, current: number): number {
    if (d === 0) return current
    const sigma = this.plan.volatilityPerYear
    const drift = (this.plan.driftPerYear + this.driftAdj - 0.5 * sigma * sigma) * this.days.dayDtYears[d]!
    return current * Math.exp(sigma > 0 ? drift + sigma * this.days.daySqrtDt[d]! * standardNormal(this.rng) : drift)
  }
}
