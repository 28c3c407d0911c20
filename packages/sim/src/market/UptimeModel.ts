// The fleet's uptime: each day a normal draw around the mean (sd 0: the mean), clamped to [0, 1].
import { rngFor, standardNormal, type Sfc32 } from "../random/index.ts"
import type { SeriesStepper } from "./SeriesStepper.ts"

export class UptimeModel implements SeriesStepper {
  private rng!: Sfc32

  constructor(
    private readonly meanFraction: number,
    private readonly sdFraction: number
  ) {}

  reset(seed: number, _driftAdjPerYear: number): void {
    this.rng = rngFor(seed, "uptime")
  }

  step(_d: number, _dayStartS: number, _current: number): number {
    let uptime = this.meanFraction
    if (this.sdFraction > 0) uptime += this.sdFraction * standardNormal(this.rng)
    return uptime < 0 ? 0 : uptime > 1 ? 1 : uptime
  }
}
