// The one interface every market series model implements (BTC price, everyone else's hashrate, the fleet's
// uptime): a daily step from the value in effect to the day's value, over plain numbers (nothing allocated a day).
import type { Sfc32 } from "../random/index.ts"

export interface SeriesStepper {
  /**
   * Per path: the seed (a model that draws opens its own named stream from it) and the Monte Carlo drift
   * adjustment per year drawn for this path (0 without parameter uncertainty).
   */
  reset(seed: number, driftAdjPerYear: number): void
  /** The value on day `d` (starting at `dayStartS`), from `current`, the value in effect before it. */
  step(d: number, dayStartS: number, current: number): number
}

/** What a model's compile step needs from the compiler: time parsing and a place to report problems. */
export interface SeriesCompileContext {
  /** Integer seconds of an `at`. */
  readonly secondsOf: (at: string) => number
  /** The problem's field, under the model's own field (e.g. `data.market.price`). */
  readonly problem: (field: string, message: string) => void
}

export type { Sfc32 }
