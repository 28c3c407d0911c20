// Parses one JSON line strictly, where JSON.parse is lenient: a key given twice (JSON.parse keeps the last, so
// `"hashrateThs":32000000,"hashrateThs":1` ran with 1 TH/s), nesting deeper than any event needs (which used to
// end in "Maximum call stack size exceeded" with no line), and numbers that do not survive the trip to a double
// and back (1e400, 9007199254740993, 0.30000000000000000001) are refused, naming the field. The AST comes from
// momoa (ESLint's JSON parser), which keeps every member and the raw text of every number.
import { parse as parseAst, evaluate, type AnyNode, type DocumentNode } from "@humanwhocodes/momoa"

/** The deepest nesting an event needs: envelope > data > market > otherHashrate > points > [i] > point, plus slack. */
export const MAX_JSON_DEPTH = 8

export type StrictJsonResult = { readonly value: unknown } | { readonly field: string; readonly message: string }

/** Nesting depth of a JSON text, brackets inside strings ignored (linear, no recursion). */
const depthOf = (text: string): number => {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth)
    else if (c === 0x7d || c === 0x5d) depth--
  }
  return max
}

/** A decimal number's value as (sign, significant digits, exponent of the last digit), e.g. "-1.50e2" -> ("-", "15", 1). */
const normalDecimal = (raw: string): string => {
  const m = /^(-?)([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/.exec(raw)
  if (m === null) return raw
  const digits = `${m[2]}${m[3] ?? ""}`
  let exponent = Number(m[4] ?? "0") - (m[3] ?? "").length
  const lead = digits.replace(/^0+/, "")
  if (lead === "") return "0"
  const trimmed = lead.replace(/0+$/, "")
  exponent += lead.length - trimmed.length
  return `${m[1]}${trimmed}e${exponent}`
}

/** Whether a JSON number's text is exactly the double it parses to (read back, it prints as the same value). */
export const roundTrips = (raw: string): boolean => {
  const value = Number(raw)
  if (!Number.isFinite(value)) return false
  return normalDecimal(raw) === normalDecimal(String(value))
}

const check = (node: AnyNode, text: string, path: string): StrictJsonResult | undefined => {
  switch (node.type) {
    case "Object": {
      const seen = new Set<string>()
      for (const member of node.members) {
        const key = member.name.type === "String" ? member.name.value : member.name.name
        const field = path === "" ? key : `${path}.${key}`
        if (seen.has(key)) return { field, message: "given twice (a key may appear once in an object)" }
        seen.add(key)
        const problem = check(member.value, text, field)
        if (problem !== undefined) return problem
      }
      return undefined
    }
    case "Array": {
      for (const [i, element] of node.elements.entries()) {
        const problem = check(element.value, text, `${path}[${i}]`)
        if (problem !== undefined) return problem
      }
      return undefined
    }
    case "Number": {
      const raw = node.range === undefined ? String(node.value) : text.slice(node.range[0], node.range[1])
      if (!roundTrips(raw)) return { field: path === "" ? "line" : path, message: `${raw} is not a number a double holds exactly (out of range or too many digits)` }
      return undefined
    }
    default:
      return undefined
  }
}

/** Parses a JSON text strictly; the failure names the field (a dotted path, "line" for the whole text). */
export const parseStrictJson = (text: string, maxDepth: number = MAX_JSON_DEPTH): StrictJsonResult => {
  if (depthOf(text) > maxDepth) return { field: "line", message: `nested deeper than ${maxDepth} levels (no event needs more)` }
  let doc: DocumentNode
  try {
    doc = parseAst(text, { mode: "json", ranges: true })
  } catch (error) {
    return { field: "line", message: `invalid JSON (${error instanceof Error ? error.message : String(error)})` }
  }
  const problem = check(doc.body, text, "")
  if (problem !== undefined) return problem
  return { value: evaluate(doc.body) }
}
