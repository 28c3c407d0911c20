// A table of (time, value) points, linear between them and flat outside; the Monte Carlo drift adjustment
// scales it by exp(adj x years since the start), and an observation re-bases it by a factor: the table's shape from
// there on, at the observed level. Draws nothing.
import type { PlanIndex } from "../scenario/PlanIndex.ts"
import type { SeriesCompileContext, SeriesStepper } from "./SeriesStepper.ts"

export interface TableSeriesPlan {
  readonly model: "table"
  readonly atS: Float64Array
  readonly values: Float64Array
}

export const compileTable = (
  raw: { readonly model: "table"; readonly points: ReadonlyArray<{ readonly at: string; readonly hashrateThs: number } | { readonly at: string; readonly priceUsdCents: number }> },
  ctx: SeriesCompileContext
): TableSeriesPlan => {
  const atS = new Float64Array(raw.points.length)
  const values = new Float64Array(raw.points.length)
  raw.points.forEach((p, i) => {
    atS[i] = ctx.secondsOf(p.at)
    values[i] = "hashrateThs" in p ? p.hashrateThs : p.priceUsdCents
    if (i > 0 && !(atS[i]! > atS[i - 1]!)) ctx.problem(`points[${i}].at`, "table points must be in strictly increasing time")
  })
  if (raw.points.length === 0) ctx.problem("points", "a table needs at least one point")
  return { model: "table", atS, values }
}

/** The table's value at `s`: linear between points, flat before the first and after the last. */
export const tableAt = (table: TableSeriesPlan, s: number): number => {
  const xs = table.atS
  const ys = table.values
  const n = xs.length
  if (s <= xs[0]!) return ys[0]!
  if (s >= xs[n - 1]!) return ys[n - 1]!
  let i = 1
  while (xs[i]! < s) i++
  const x0 = xs[i - 1]!
  const x1 = xs[i]!
  return ys[i - 1]! + ((ys[i]! - ys[i - 1]!) * (s - x0)) / (x1 - x0)
}

export class TableSeries implements SeriesStepper {
  value = 0
  private driftAdj = 0
  /** The factor of the last observation (1 before any): the observed value over the table's at that moment. */
  private scale = 1

  constructor(
    private readonly plan: TableSeriesPlan,
    private readonly days: PlanIndex
  ) {}

  reset(_seed: number, driftAdjPerYear: number): void {
    this.driftAdj = driftAdjPerYear
    this.scale = 1
  }

  /** The table from here on, scaled to pass through `value` now (a table at 0 cannot be scaled: it stays the table). */
  rebase(value: number): void {
    if (this.value > 0) this.scale *= value / this.value
    this.value = value
  }

  step(d: number): void {
    const adj = this.driftAdj
    this.value = tableAt(this.plan, this.days.dayStartS[d]!) * (adj === 0 ? 1 : Math.exp(adj * this.days.dayYears[d]!)) * this.scale
  }
}
