// The statistics summary.json gives for one column: count, missing, mean, sd, min, p01..p99, max, with quantiles
// by linear interpolation between order statistics (Hyndman & Fan type 7, R's default and numpy's "linear").

/** The quantile levels reported, in order, with their JSON keys. */
export const quantileLevels: ReadonlyArray<readonly [key: string, p: number]> = [
  ["p01", 0.01], ["p05", 0.05], ["p10", 0.1], ["p25", 0.25], ["p50", 0.5],
  ["p75", 0.75], ["p90", 0.9], ["p95", 0.95], ["p99", 0.99]
]

export interface ColumnStats {
  readonly count: number
  readonly missing: number
  /** null when there is no value (sd also when there is only one). */
  readonly mean: number | null
  readonly sd: number | null
  readonly min: number | null
  readonly quantiles: ReadonlyArray<readonly [key: string, value: number | null]>
  readonly max: number | null
}

/** Type-7 quantile of ascending `sorted` (non-empty): h = (n-1)p, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]). */
export const quantileType7 = (sorted: Float64Array, p: number): number => {
  const n = sorted.length
  if (n === 0) throw new RangeError("quantile of no values")
  const h = (n - 1) * p
  const lo = Math.floor(h)
  const x0 = sorted[lo] as number
  if (lo + 1 >= n) return x0
  const x1 = sorted[lo + 1] as number
  const fraction = h - lo
  return fraction === 0 ? x0 : x0 + fraction * (x1 - x0)
}

/**
 * Statistics of the present values of a column. `values` holds the non-missing values and is sorted in place.
 * The mean sums with Neumaier's compensation; sd is the sample standard deviation (n - 1) from a second pass.
 */
export const columnStats = (values: Float64Array, missing: number): ColumnStats => {
  const n = values.length
  if (n === 0) {
    return { count: 0, missing, mean: null, sd: null, min: null, quantiles: quantileLevels.map(([key]) => [key, null] as const), max: null }
  }
  let sum = 0
  let compensation = 0
  for (let i = 0; i < n; i++) {
    const x = values[i] as number
    const t = sum + x
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum
    sum = t
  }
  const mean = (sum + compensation) / n
  let sd: number | null = null
  if (n > 1) {
    let squares = 0
    let squaresCompensation = 0
    for (let i = 0; i < n; i++) {
      const d = (values[i] as number) - mean
      const x = d * d
      const t = squares + x
      squaresCompensation += squares >= x ? squares - t + x : x - t + squares
      squares = t
    }
    sd = Math.sqrt((squares + squaresCompensation) / (n - 1))
  }
  values.sort()
  return {
    count: n,
    missing,
    mean,
    sd,
    min: values[0] as number,
    quantiles: quantileLevels.map(([key, p]) => [key, quantileType7(values, p)] as const),
    max: values[n - 1] as number
  }
}

/** Statistics of a column as written, NaN marking a missing value: the present values keep their order (the mean sums in it). Overwrites `all`. */
export const columnStatsOfCells = (all: Float64Array): ColumnStats => {
  let present = 0
  for (let i = 0; i < all.length; i++) {
    const x = all[i] as number
    if (!Number.isNaN(x)) all[present++] = x
  }
  return columnStats(all.subarray(0, present), all.length - present)
}
