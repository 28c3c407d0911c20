// The JSONL scenario of compiled plan events: each line the ledger's canonical encoding (`encodeEntry`), except
// that a bare number the plan wrote keeps its spelling (`0.0` stays `0.0`), so a plan reproduces a hand-written
// scenario byte for byte and a person finds their own figures in what `compile` shows.
import { encodeEntry, type EventType } from "@hashsim/ledger"

export interface ScenarioLine {
  readonly at: string
  readonly type: EventType
  readonly v: number
  readonly data: unknown
  /** Data paths (`market.price.driftPerYear`) whose number is written with the plan's own spelling. */
  readonly literals: ReadonlyMap<string, string>
}

/** JSON.stringify's output, except numbers at the given `data.` paths, written as their literal text. */
const stringifyWith = (value: unknown, path: string, literals: ReadonlyMap<string, string>): string => {
  if (typeof value === "number") {
    const literal = literals.get(path)
    return literal !== undefined && Number(literal) === value ? literal : JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map((v, i) => stringifyWith(v, `${path}.${i}`, literals)).join(",")}]`
  if (typeof value === "object" && value !== null) {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${stringifyWith(v, path === "" ? k : `${path}.${k}`, literals)}`).join(",")}}`
  }
  return JSON.stringify(value)
}

/** One scenario line (no newline). */
export const scenarioLine = (e: ScenarioLine): string => {
  const canonical = encodeEntry({ at: e.at, type: e.type, v: e.v, data: e.data })
  if (e.literals.size === 0) return canonical
  const parsed = JSON.parse(canonical) as { data: unknown }
  const prefix = canonical.slice(0, canonical.indexOf(`"data":`) + `"data":`.length)
  return `${prefix}${stringifyWith(parsed.data, "", e.literals)}}`
}

/** The scenario file's text: one line per event, each ending in a newline. */
export const scenarioText = (events: ReadonlyArray<ScenarioLine>): string => events.map((e) => scenarioLine(e) + "\n").join("")
