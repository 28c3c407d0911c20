// Reads JSON lines (what `bitcoin-cli getblockheader` / `getblockstats` print, one object a line, as a shell loop
// collects them): each object with its file line; a line that is not a JSON object is a problem.
import { type Origin, Problems } from "./DataProblem.ts"

export interface JsonLine {
  readonly origin: Origin
  readonly value: Readonly<Record<string, unknown>>
}

export const readJsonLines = (file: string, text: string, problems: Problems): ReadonlyArray<JsonLine> => {
  const out: Array<JsonLine> = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const origin = { file, line: i + 1 }
    if (raw.trim() === "") return
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch (error) {
      problems.add(origin, "line", `invalid JSON (${error instanceof Error ? error.message : String(error)})`)
      return
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      problems.add(origin, "line", "expected a JSON object")
      return
    }
    out.push({ origin, value: value as Record<string, unknown> })
  })
  return out
}
