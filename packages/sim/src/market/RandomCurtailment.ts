// Random curtailment (Monte Carlo's `market.curtailment`): windows start as a Poisson process and last an
// exponential time, one window at a time, over the listed sites. Sampled once per path; applied as the day loop
// reaches each window's start or end. A scheduled curtailment takes precedence at its site.
import { NamedStream, standardExponential } from "../random/index.ts"
import { SECONDS_PER_YEAR } from "../Seconds.ts"
import type { Fleet } from "../fleet/Fleet.ts"
import type { MarketPlan } from "../scenario/ScenarioPlan.ts"
import type { SimSink } from "../sinks/SimSink.ts"

export class RandomCurtailment {
  private readonly sites: Int32Array
  private readonly fraction: number
  private starts = new Float64Array(16)
  private ends = new Float64Array(16)
  private count = 0
  private cursor = 0
  private active = false
  private readonly stream = new NamedStream("curtailment")

  constructor(
    private readonly model: MarketPlan["curtailment"],
    private readonly startS: number,
    private readonly untilS: number
  ) {
    this.sites = Int32Array.from(model?.siteIndices ?? [])
    this.fraction = model?.fraction ?? 0
  }

  /** Samples the path's windows from its own stream. */
  reset(seed: number): void {
    this.count = 0
    this.cursor = 0
    this.active = false
    const c = this.model
    if (c === undefined || c.eventsPerYear <= 0 || this.sites.length === 0) return
    const rng = this.stream.open(seed)
    const rate = c.eventsPerYear / SECONDS_PER_YEAR
    const meanDurationS = c.meanDurationHours * 3600
    let t = this.startS
    for (;;) {
      t += standardExponential(rng) / rate
      if (t >= this.untilS) break
      const start = Math.ceil(t)
      const end = start + Math.max(1, Math.round(standardExponential(rng) * meanDurationS))
      if (start >= this.untilS) break
      if (this.count === this.starts.length) this.grow()
      this.starts[this.count] = start
      this.ends[this.count] = end
      this.count++
      t = end
    }
  }

  private grow(): void {
    const s = new Float64Array(this.count * 2)
    s.set(this.starts)
    this.starts = s
    const e = new Float64Array(this.count * 2)
    e.set(this.ends)
    this.ends = e
  }

  /** The next window start or end (Infinity when none is left). */
  nextS(): number {
    if (this.cursor >= this.count) return Infinity
    return this.active ? this.ends[this.cursor]! : this.starts[this.cursor]!
  }

  /** Starts and ends every window due by `t`; returns whether any did (the rates then change). */
  applyUntil(t: number, fleet: Fleet, log: SimSink | null): boolean {
    let changed = false
    for (;;) {
      const at = this.nextS()
      if (at > t) break
      // One curtailment per site at a time, as the ledger keeps it: a window does not start where one is scheduled.
      for (let i = 0; i < this.sites.length; i++) {
        const s = this.sites[i]!
        if (this.active) {
          if (fleet.siteRandomCurtailed[s]! > 0) {
            fleet.siteRandomCurtailed[s] = 0
            if (log !== null) log.curtailmentEnded(at, s)
          }
        } else if (fleet.siteCurtailed[s] === 0) {
          fleet.siteRandomCurtailed[s] = this.fraction
          if (log !== null) log.curtailmentStarted(at, s, this.fraction)
        }
      }
      if (this.active) this.cursor++
      this.active = !this.active
      changed = true
    }
    return changed
  }

  /** A scheduled curtailment at site `s` ends the random window there first. */
  yieldTo(s: number, at: number, fleet: Fleet, log: SimSink | null): void {
    if (fleet.siteRandomCurtailed[s]! > 0) {
      fleet.siteRandomCurtailed[s] = 0
      if (log !== null) log.curtailmentEnded(at, s)
    }
  }
}
