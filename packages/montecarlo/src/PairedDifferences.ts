// Paired comparison of two batches run on the same path seeds (common random numbers: path i of either batch saw
// the same price path, network and luck wherever the scenarios agree), so the difference of path i isolates what
// the scenarios change. Per-path differences of every shared column, and the probability that A beats B on a
// metric with its binomial standard error. Plain functions over columns of numbers (NaN = missing).

/** One batch's outcome table held column by column: `values[j][i]` is column j of path i (NaN = missing). */
export interface OutcomeTable {
  readonly names: ReadonlyArray<string>
  readonly values: ReadonlyArray<Float64Array>
}

/** Paired differences A - B of the columns both tables have (by name, in A's order); NaN where either is missing. */
export const pairedDifferences = (a: OutcomeTable, b: OutcomeTable): OutcomeTable => {
  const names: Array<string> = []
  const values: Array<Float64Array> = []
  a.names.forEach((name, j) => {
    const k = b.names.indexOf(name)
    if (k < 0) return
    const x = a.values[j] as Float64Array
    const y = b.values[k] as Float64Array
    if (x.length !== y.length) throw new RangeError(`paired differences need the same paths: ${x.length} and ${y.length}`)
    const d = new Float64Array(x.length)
    for (let i = 0; i < x.length; i++) d[i] = (x[i] as number) - (y[i] as number)
    names.push(name)
    values.push(d)
  })
  return { names, values }
}

/** How a metric ranks two paths: "higher" is better (NPV), "lower" is better (cost, days to payback). */
export type Better = "higher" | "lower"

/** The probability that A beats B on a metric, path by path, and its standard error sqrt(p(1-p)/n). */
export interface BeatProbability {
  readonly probability: number
  readonly standardError: number
  readonly wins: number
  readonly ties: number
  readonly losses: number
}

/**
 * P(A beats B) over paired paths: a tie counts half. A missing value (NaN) is the worst outcome (no payback within
 * the horizon, no BTC mined so no cost per BTC); two missing values tie.
 */
export const beatProbability = (a: Float64Array, b: Float64Array, better: Better): BeatProbability => {
  if (a.length !== b.length) throw new RangeError(`paired paths differ in number: ${a.length} and ${b.length}`)
  let wins = 0
  let ties = 0
  let losses = 0
  const worst = better === "higher" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY
  for (let i = 0; i < a.length; i++) {
    const x = Number.isNaN(a[i] as number) ? worst : (a[i] as number)
    const y = Number.isNaN(b[i] as number) ? worst : (b[i] as number)
    if (x === y) ties++
    else if (better === "higher" ? x > y : x < y) wins++
    else losses++
  }
  const n = a.length
  const probability = n === 0 ? Number.NaN : (wins + ties / 2) / n
  return { probability, standardError: n === 0 ? Number.NaN : Math.sqrt((probability * (1 - probability)) / n), wins, ties, losses }
}

/** The months whose mean paired difference in `prefix:YYYY-MM` columns is largest in size, largest first. */
export const monthsDifferingMost = (
  differences: OutcomeTable,
  prefix: string,
  count: number
): Array<{ readonly month: string; readonly meanDifference: number }> => {
  const months: Array<{ month: string; meanDifference: number }> = []
  differences.names.forEach((name, j) => {
    if (!name.startsWith(`${prefix}:`)) return
    const d = differences.values[j] as Float64Array
    let sum = 0
    let n = 0
    for (const x of d) {
      if (Number.isNaN(x)) continue
      sum += x
      n++
    }
    // A month the scenarios agree on (a zero mean difference) is not where they differ.
    if (n > 0 && sum !== 0) months.push({ month: name.slice(prefix.length + 1), meanDifference: sum / n })
  })
  return months.sort((x, y) => Math.abs(y.meanDifference) - Math.abs(x.meanDifference) || x.month.localeCompare(y.month)).slice(0, count)
}
