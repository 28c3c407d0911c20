// The fleet's uptime: each day a normal draw around the mean (sd 0: the mean), clamped to [0, 1].
import { NamedStream, standardNormal, type Sfc32 } from "../random/index.ts"
import type { SeriesStepper } from "./SeriesStepper.ts"

export class UptimeModel implements SeriesStepper {
  value = 1
  private readonly stream = new NamedStream("uptime")
  private rng!: Sfc32
  // Numbers from the start (not constructor parameter properties, which V8 first defines as undefined): a field
  // that held undefined is a tagged field, and the day's draw mixed with a tagged mean is boxed, an allocation a day.
  private readonly meanFraction: number = 0
  private readonly sdFraction: number = 0

  constructor(meanFraction: number, sdFraction: number) {
    this.meanFraction = meanFraction
    this.sdFraction = sdFraction
  }

  reset(seed: number, _driftAdjPerYear: number): void {
    this.rng = this.stream.open(seed)
    this.value = this.meanFraction
  }

  /** Each day is its own draw: an observed value holds until the next. */
  rebase(value: number): void {
    this.value = value
  }

  step(_d: number): void {
    let uptime = this.meanFraction
    if (this.sdFraction > 0) uptime += this.sdFraction * standardNormal(this.rng)
    this.value = uptime < 0 ? 0 : uptime > 1 ? 1 : uptime
  }
}
