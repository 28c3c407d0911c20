// The one interface every market series model implements (BTC price, everyone else's hashrate, the fleet's
// uptime): a daily step from the value in effect to the day's value, over plain numbers (nothing allocated a day).
import type { Sfc32 } from "../random/index.ts"

export interface SeriesStepper {
  /** The value in effect: each day's step moves it; the market sets it where an observation or a start says. */
  value: number
  /**
   * Per path: the seed (a model that draws opens its own named stream from it) and the Monte Carlo drift
   * adjustment per year drawn for this path (0 without parameter uncertainty).
   */
  reset(seed: number, driftAdjPerYear: number): void
  /** Day `d`'s value, from the value in effect. Numbers in and out through fields: a double passed or returned
   * across a call that is not inlined is boxed, an allocation a day. */
  step(d: number): void
  /**
   * An observation says the value in effect is `value` now (everyone else's hashrate at an observed retarget,
   * docs/EVENTS.md "Observed stretches"): the model continues from it. Rare (once an observed epoch), so a boxed
   * argument is no cost.
   */
  rebase(value: number): void
}

/** What a model's compile step needs from the compiler: time parsing and a place to report problems. */
export interface SeriesCompileContext {
  /** Integer seconds of an `at`. */
  readonly secondsOf: (at: string) => number
  /** The problem's field, under the model's own field (e.g. `data.market.price`). */
  readonly problem: (field: string, message: string) => void
}

export type { Sfc32 }
