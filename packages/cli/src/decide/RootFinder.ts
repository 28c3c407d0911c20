// The root finder of `breakeven`: where g(x) = 0 for a g that is one batch per evaluation (expensive, so few of
// them) and, with common random numbers, a deterministic and mostly smooth function of x. A bracket is given or
// found by expansion from a start value; then the Illinois variant of false position (secant steps that keep the
// root bracketed, with the stale end's value halved so it cannot stall), falling back to bisection, on the grid of
// values the parameter's units can carry. Generic over how an evaluation runs (an Effect).
import { Effect } from "effect"

export interface RootSearch<E> {
  /** g at x: the statistic minus its target. */
  readonly g: (x: number) => Effect.Effect<number, E>
  /** Rounds a candidate to a value the parameter can take (its units' resolution). */
  readonly round: (x: number) => number
  /** The bracket, if the user gave one. */
  readonly bracket?: readonly [number, number] | undefined
  /** Where expansion starts (the plan's own value) and its first step. */
  readonly start: number
  readonly step: number
  /** The lowest value the parameter may take (0 for a rate, a price, a share), if any. */
  readonly lowest?: number | undefined
  readonly maxExpansions?: number
  readonly maxEvaluations?: number
  /** Stop when the bracket is this narrow. */
  readonly tolerance: number
  /** Stop when |g| at the last value is at most this (e.g. a fraction of the statistic's standard error). */
  readonly gTolerance?: number | undefined
}

export interface RootResult {
  /** The root by linear interpolation inside the final bracket. */
  readonly root: number
  readonly bracket: readonly [number, number]
  /** dg/dx across the final bracket. */
  readonly slope: number
  /** Every evaluation in order. */
  readonly evaluations: ReadonlyArray<{ readonly x: number; readonly g: number }>
}

/** No sign change was found: g has the same sign at every value tried. */
export class RootNotBracketedError extends Error {
  readonly _tag = "RootNotBracketedError"
  constructor(readonly evaluations: ReadonlyArray<{ readonly x: number; readonly g: number }>) {
    super("no sign change")
  }
}

export const findRoot = <E>(search: RootSearch<E>): Effect.Effect<RootResult, E | RootNotBracketedError> =>
  Effect.gen(function* () {
    const evaluations: Array<{ x: number; g: number }> = []
    const cache = new Map<number, number>()
    const g = (x: number) =>
      Effect.gen(function* () {
        const hit = cache.get(x)
        if (hit !== undefined) return hit
        const value = yield* search.g(x)
        cache.set(x, value)
        evaluations.push({ x, g: value })
        return value
      })
    const maxEvaluations = search.maxEvaluations ?? 24
    const clamp = (x: number) => search.round(search.lowest === undefined ? x : Math.max(search.lowest, x))

    // ---- the bracket ----
    let a: number
    let b: number
    let ga: number
    let gb: number
    if (search.bracket !== undefined) {
      a = clamp(Math.min(...search.bracket))
      b = clamp(Math.max(...search.bracket))
      ga = yield* g(a)
      gb = yield* g(b)
      if (Math.sign(ga) === Math.sign(gb) && ga !== 0) return yield* Effect.fail(new RootNotBracketedError(evaluations))
    } else {
      // Two points give the secant's direction toward g = 0; then steps doubling that way until g changes sign.
      const x0 = clamp(search.start)
      const g0 = yield* g(x0)
      if (g0 === 0) return { root: x0, bracket: [x0, x0] as const, slope: Number.NaN, evaluations }
      let step = search.step
      let x1 = clamp(x0 + step)
      if (x1 === x0) x1 = clamp(x0 - step)
      const g1 = yield* g(x1)
      const slope0 = (g1 - g0) / (x1 - x0)
      const dir = slope0 === 0 || !Number.isFinite(slope0) ? 1 : -Math.sign(g0) * Math.sign(slope0)
      let [prev, cur] = (dir > 0) === (x1 > x0) ? [{ x: x0, g: g0 }, { x: x1, g: g1 }] : [{ x: x1, g: g1 }, { x: x0, g: g0 }]
      for (let k = 0; k < (search.maxExpansions ?? 10) && Math.sign(cur.g) === Math.sign(prev.g) && cur.g !== 0; k++) {
        step *= 2
        const next = clamp(cur.x + dir * step)
        if (next === cur.x) break
        prev = cur
        cur = { x: next, g: yield* g(next) }
      }
      if (Math.sign(cur.g) === Math.sign(prev.g) && cur.g !== 0) return yield* Effect.fail(new RootNotBracketedError(evaluations))
      ;[a, ga, b, gb] = prev.x < cur.x ? [prev.x, prev.g, cur.x, cur.g] : [cur.x, cur.g, prev.x, prev.g]
    }
    if (ga === 0) return { root: a, bracket: [a, a] as const, slope: Number.NaN, evaluations }
    if (gb === 0) return { root: b, bracket: [b, b] as const, slope: Number.NaN, evaluations }

    // ---- Illinois false position on the bracket ----
    let side = 0
    const closeEnough = (v: number) => search.gTolerance !== undefined && Math.abs(v) <= search.gTolerance
    let last = Math.abs(ga) < Math.abs(gb) ? ga : gb
    while (evaluations.length < maxEvaluations && b - a > search.tolerance && !closeEnough(last)) {
      let x = search.round(b - (gb * (b - a)) / (gb - ga))
      // A secant step that rounds onto an end moves one step of the units inside instead (the root is next to it).
      if (x <= a) x = search.round(a + search.tolerance)
      if (x >= b) x = search.round(b - search.tolerance)
      if (!(x > a && x < b)) x = search.round((a + b) / 2)
      if (!(x > a && x < b)) break
      const gx = yield* g(x)
      last = gx
      if (gx === 0) return { root: x, bracket: [x, x] as const, slope: (gb - ga) / (b - a), evaluations }
      if (Math.sign(gx) === Math.sign(ga)) {
        a = x
        ga = gx
        if (side === -1) gb /= 2
        side = -1
      } else {
        b = x
        gb = gx
        if (side === 1) ga /= 2
        side = 1
      }
    }
    // The halved values steered the steps; the slope and the interpolated root use the values as evaluated.
    const fa = cache.get(a)!
    const fb = cache.get(b)!
    const slope = (fb - fa) / (b - a)
    return { root: a - fa / slope, bracket: [a, b] as const, slope, evaluations }
  })
