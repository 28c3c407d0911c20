// The parameters of a plan that `sweep` and `breakeven` vary, named by the plan's own YAML key paths
// (`contracts.rate`, `market.price.drift`, `lots.efficiency`), and the plan text with a value replaced. A name
// without a selector sets the key in every item of a list (`contracts.rate`: every contract); `lots[gtg-18eh].price`
// or `schedule[2].price` picks one item (by id, or by position from 0). Values are written in the plan's human
// units and spliced into the text where the old value stood, so the compiler reads them exactly as if typed there
// and every problem still points at the plan's own line. One parameter is not a key: `startShift` (a whole number
// of days) moves every date of the plan by the same amount, so the same plan starts earlier or later.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Scalar } from "yaml"
import { closestName, dayOfS, parseDayS, SECONDS_PER_DAY } from "@hashsim/ledger"

/** A parameter name that the plan does not have, or a value list that cannot be read. */
export class PlanParameterInvalidError extends Error {
  readonly _tag = "PlanParameterInvalidError"
}

/** One value of a parameter as it is written in the plan. */
interface Leaf {
  /** Every name that reaches it: generalized (`contracts.rate`) and with a selector (`contracts[bitmain-us-hosting].rate`). */
  readonly names: ReadonlyArray<string>
  readonly node: Scalar
  readonly text: string
}

// Keys that name things or models rather than quantities: not parameters.
const NOT_PARAMETERS = new Set(["id", "name", "site", "lot", "vendor", "machine", "host", "model", "mode"])

const leavesOf = (source: string): Array<Leaf> => {
  const doc = parseDocument(source, { lineCounter: new LineCounter(), prettyErrors: false })
  if (doc.errors.length > 0) throw new PlanParameterInvalidError(`the plan does not parse as YAML: ${doc.errors[0]!.message.split("\n")[0]}`)
  const leaves: Array<Leaf> = []
  const walk = (node: unknown, names: ReadonlyArray<string>, key: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue
        const k = String(pair.key.value)
        walk(pair.value, names.map((n) => (n === "" ? k : `${n}.${k}`)), k)
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const idNode = isMap(item) ? item.get("id", true) : undefined
        const id = isScalar(idNode) ? String(idNode.value) : undefined
        const selected = [...names, ...names.map((n) => `${n}[${i}]`), ...(id === undefined ? [] : names.map((n) => `${n}[${id}]`))]
        walk(item, selected, key)
      })
    } else if (isScalar(node) && !NOT_PARAMETERS.has(key)) {
      const text = node.source ?? String(node.value)
      if (/[0-9]/.test(text)) leaves.push({ names, node: node as Scalar, text })
    }
  }
  walk(doc.contents, [""], "")
  return leaves
}

/**
 * The parameter that moves the whole plan in time: every date and time the plan writes (start, until, a lot's
 * bought, a contract's signed and ends, the schedule's on, a rule's from and to) by the same whole number of days, so
 * the horizon, the contracts' terms and the schedule keep their lengths and order. The chain's position at the start
 * is a fact of the start date, not an assumption, so a nonzero shift drops what the plan states of it
 * (network.height, bits or difficulty, epochStart) and compile takes it at the new start from the chain data, or
 * derives it from the stated hashrate where the data does not reach (its note says which). Moving a stated position
 * along would change nothing: the model has no calendar, and the halving would stay as many blocks away. Stated
 * figures that are assumptions (btcPrice, network.hashrate, the market) stay as written; a rule's months and hours
 * stay calendar-bound.
 */
export const startShiftParameter = "startShift"

/** `90d`, `-30 days`, `0`: a whole number of days. */
const parseShiftDays = (value: string): number => {
  const m = /^([+-]?[0-9]+)\s*(?:d|days?)?$/.exec(value.trim())
  const days = m === null ? Number.NaN : Number(m[1])
  if (!Number.isSafeInteger(days) || Math.abs(days) > 36_500) {
    throw new PlanParameterInvalidError(`${startShiftParameter}: "${value}" is not a whole number of days (e.g. 90d, -30d, 0d)`)
  }
  return days
}

// A date (YYYY-MM-DD) at the start of a value, alone or followed by a time (2024-11-04T22:28:08Z).
const leadingDate = /^([0-9]{4}-[0-9]{2}-[0-9]{2})(?=$|T)/

/** What a plan may state of the chain's position at its start (PLANS.md, "The start network"). */
const chainPositionKeys = new Set(["height", "bits", "difficulty", "epochStart"])

/**
 * The text ranges of the `network` keys that state the chain's position, each with the comma that separates it in
 * a flow map, so blanking them leaves valid YAML on the same lines.
 */
const chainPositionRanges = (source: string): Array<{ start: number; end: number }> => {
  const doc = parseDocument(source, { prettyErrors: false })
  const network = isMap(doc.contents) ? doc.contents.get("network", true) : undefined
  if (!isMap(network)) return []
  const ranges: Array<{ start: number; end: number }> = []
  for (const pair of network.items) {
    if (!isScalar(pair.key) || !chainPositionKeys.has(String(pair.key.value))) continue
    const keyRange = pair.key.range
    const valueRange = (pair.value as Node | null)?.range
    if (keyRange === undefined || keyRange === null || valueRange === undefined || valueRange === null) continue
    let start = keyRange[0]
    let end = valueRange[1]
    if (network.flow === true) {
      const after = /^\s*,/.exec(source.slice(end))
      if (after !== null) end += after[0].length
      else {
        const before = /,\s*$/.exec(source.slice(0, start))
        if (before !== null) start -= before[0].length
      }
    }
    ranges.push({ start, end })
  }
  return ranges
}

/** The plan text with every date moved by `days` (times of day kept) and its stated chain position dropped; lines kept. */
const shiftPlanDates = (source: string, days: number): string => {
  if (days === 0) return source
  const edits: Array<{ start: number; end: number; text: string }> = chainPositionRanges(source).map(({ start, end }) => ({
    start, end, text: source.slice(start, end).replace(/[^\n]/g, " ")
  }))
  const dropped = (at: number) => edits.some((e) => at >= e.start && at < e.end)
  for (const leaf of leavesOf(source)) {
    const value = String(leaf.node.value)
    const m = leadingDate.exec(value)
    const range = (leaf.node as Node).range
    if (m === null || range === undefined || range === null || dropped(range[0])) continue
    const dayS = parseDayS(m[1]!)
    if (dayS === undefined) continue
    edits.push({ start: range[0], end: range[1], text: scalarSource(dayOfS(dayS + days * SECONDS_PER_DAY) + value.slice(m[1]!.length)) })
  }
  let out = source
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + text + out.slice(end)
  return out
}

/** The parameter names of a plan, generalized ones (no selector) first, in the plan's order; startShift last of those. */
export const planParameterNames = (source: string): Array<string> => {
  const general: Array<string> = []
  const selected: Array<string> = []
  for (const leaf of leavesOf(source)) {
    for (const name of leaf.names) {
      const into = name.includes("[") ? selected : general
      if (!into.includes(name)) into.push(name)
    }
  }
  return [...general, startShiftParameter, ...selected]
}

/** Checks that `name` is a parameter of the plan; the error lists the ones that are. */
export const checkPlanParameter = (source: string, name: string): void => {
  const names = planParameterNames(source)
  if (names.includes(name)) return
  const hint = closestName(name, names)
  const general = names.filter((n) => !n.includes("["))
  throw new PlanParameterInvalidError(
    `unknown parameter "${name}"${hint === undefined ? "" : ` (did you mean "${hint}"?)`}; this plan's parameters: ${general.join(", ")}` +
      ` (a list item alone: name[id] or name[index], e.g. ${names.find((n) => n.includes("[")) ?? "lots[0].price"})`
  )
}

/** The value of `name` as written in the plan (the first item's, for a name that reaches several). */
export const planParameterValue = (source: string, name: string): string => {
  checkPlanParameter(source, name)
  if (name === startShiftParameter) return "0d"
  return leavesOf(source).find((leaf) => leaf.names.includes(name))!.text
}

/** A value as a YAML scalar: plain where YAML reads it back as the same text, double-quoted otherwise. */
const scalarSource = (value: string): string =>
  /^[A-Za-z0-9$.%/_+][A-Za-z0-9$.%/_ +-]*$/.test(value) || /^-[0-9.][A-Za-z0-9$.%/_ +-]*$/.test(value) ? value.trimEnd() : JSON.stringify(value)

/** The plan text with every value `name` reaches replaced by `value` (in the plan's units); lines are kept. */
export const setPlanParameter = (source: string, name: string, value: string): string =>
  setPlanParameters(source, [[name, value]])

/** The plan text with several parameters set (later settings win where two names reach the same value). */
export const setPlanParameters = (source: string, settings: ReadonlyArray<readonly [name: string, value: string]>): string => {
  if (settings.length === 0) return source
  const leaves = leavesOf(source)
  const edits = new Map<number, { end: number; text: string }>()
  // The shift applies last, to the plan as set (a start set by hand moves too).
  let shiftDays = 0
  for (const [name, value] of settings) {
    checkPlanParameter(source, name)
    if (/[\n\r]/.test(value)) throw new PlanParameterInvalidError(`${name}: a value is one line, got ${JSON.stringify(value)}`)
    if (name === startShiftParameter) {
      shiftDays = parseShiftDays(value)
      continue
    }
    for (const leaf of leaves) {
      if (!leaf.names.includes(name)) continue
      const range = (leaf.node as Node).range
      if (range === undefined || range === null) continue
      edits.set(range[0], { end: range[1], text: scalarSource(value) })
    }
  }
  let out = source
  for (const [start, { end, text }] of [...edits.entries()].sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end)
  return shiftPlanDates(out, shiftDays)
}

/** A value with one number in it: `$0.035/kWh` is "$", 0.035, "/kWh"; `-20%` is "", -20, "%". */
export interface NumericValue {
  readonly prefix: string
  readonly value: number
  readonly suffix: string
}

export const numericValue = (text: string): NumericValue | undefined => {
  const m = /^(\D*?)(-?[0-9]+(?:\.[0-9]+)?)([^0-9]*)$/.exec(text.trim().replace(/(?<=[0-9]),(?=[0-9]{3}(?![0-9]))/g, ""))
  if (m === null) return undefined
  return { prefix: m[1]!, value: Number(m[2]), suffix: m[3]! }
}

/**
 * The decimals a value in these units can carry (the units module's exactness): a rate per kWh 5 (a cent per MWh),
 * per MWh 2, a dollar amount 2 plus its suffix's power (k, M, B), BTC 8; other numbers 10.
 */
export const resolutionDecimals = (like: NumericValue): number => {
  const suffix = like.suffix.trim()
  if (/\/\s*kWh$/i.test(suffix)) return 5
  if (/\/\s*MWh$/i.test(suffix)) return 2
  if (/^BTC$/i.test(suffix)) return 8
  if (/^sats?$/i.test(suffix)) return 0
  if (like.prefix.trim() === "$") return 2 + ({ k: 3, K: 3, M: 6, m: 6, B: 9, b: 9 }[suffix] ?? 0)
  return 10
}

/** `value` rounded to what the units can carry (resolutionDecimals). */
export const roundNumericValue = (like: NumericValue, value: number): number => {
  const rounded = Number(value.toFixed(Math.min(resolutionDecimals(like), 12)))
  return Object.is(rounded, -0) ? 0 : Number(rounded.toPrecision(12))
}

/** A number in the same units as `like`, rounded to what the units can carry (no 0.045000000000000005). */
export const formatNumericValue = (like: NumericValue, value: number): string => `${like.prefix}${roundNumericValue(like, value)}${like.suffix}`

/**
 * The values of `--vary name=<values>`: a comma-separated list (`$0.035/kWh,$0.045/kWh`) or a range with a count of
 * evenly spaced points (`$0.035/kWh..$0.075/kWh:5`, both ends included, the same units at both ends).
 */
export const parseParameterValues = (text: string): Array<string> => {
  const range = /^(.+?)\.\.(.+?):([0-9]+)$/.exec(text.trim())
  if (range !== null) {
    const lo = numericValue(range[1]!)
    const hi = numericValue(range[2]!)
    const count = Number(range[3])
    if (lo === undefined || hi === undefined) throw new PlanParameterInvalidError(`"${text}": a range is <from>..<to>:<count> with one number at each end, e.g. $0.035/kWh..$0.075/kWh:5`)
    if (lo.prefix !== hi.prefix || lo.suffix !== hi.suffix) throw new PlanParameterInvalidError(`"${text}": both ends of a range take the same units ("${range[1]}" and "${range[2]}")`)
    if (!Number.isSafeInteger(count) || count < 2 || count > 1000) throw new PlanParameterInvalidError(`"${text}": the count after ":" must be from 2 to 1000`)
    return Array.from({ length: count }, (_, i) => formatNumericValue(lo, lo.value + ((hi.value - lo.value) * i) / (count - 1)))
  }
  const values = text.split(",").map((v) => v.trim())
  if (values.some((v) => v === "")) throw new PlanParameterInvalidError(`"${text}": an empty value (values are separated by commas; write $98k rather than $98,000)`)
  return values
}
