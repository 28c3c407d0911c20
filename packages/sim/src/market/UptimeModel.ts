// The fleet's uptime: each day a normal draw around the mean (sd 0: the mean), clamped to [0, 1].
import { NamedStream, standardNormal, type Sfc32 } from "../random/index.ts"
import type { SeriesStepper } from "./SeriesStepper.ts"

export class UptimeModel implements SeriesStepper {
  value = 1
  private readonly stream = new NamedStream("uptime")
  private rng!: Sfc32

  constructor(
    private readonly meanFraction: number,
    private readonly sdFraction: number
  ) {}

  reset(seed: number, _driftAdjPerYear: number): void {
    this.rng = this.stream.open(seed)
    this.value = this.meanFraction
  }

  step(_d: number): void {
    let uptime = this.meanFraction
    if (this.sdFraction > 0) uptime += this.sdFraction * standardNormal(this.rng)
    this.value = uptime < 0 ? 0 : uptime > 1 ? 1 : uptime
  }
}
