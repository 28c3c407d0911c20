// Strict parsers for the cells of chain data: a malformed number is a problem with its field, never NaN or a guess.
// Amounts in BTC are read from their decimal text into integer satoshis exactly (no float on the way).
import { parseBits, validTargetOf } from "@hashsim/chain"
import type { Origin, Problems } from "./DataProblem.ts"

/** A parsed value, or why the text is not one. */
export type Cell<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly message: string }

const ok = <A>(value: A): Cell<A> => ({ ok: true, value })
const bad = <A>(message: string): Cell<A> => ({ ok: false, message })

/** A non-negative decimal integer that is a safe JavaScript integer (heights, Unix seconds, counts). */
export const intCell = (text: unknown): Cell<number> => {
  if (typeof text === "number") return Number.isSafeInteger(text) && text >= 0 ? ok(text) : bad(`expected a non-negative integer, got ${text}`)
  if (typeof text !== "string" || !/^(0|[1-9]\d*)$/.test(text)) return bad(`expected a non-negative integer, got ${JSON.stringify(text)}`)
  const n = Number(text)
  return Number.isSafeInteger(n) ? ok(n) : bad(`${text} is too large`)
}

/** Compact nBits, 8 hex digits, encoding a valid target. */
export const bitsCell = (text: unknown): Cell<number> => {
  if (typeof text !== "string" || !/^[0-9a-fA-F]{8}$/.test(text)) return bad(`expected 8 hex digits, got ${JSON.stringify(text)}`)
  const bits = parseBits(text)
  try {
    validTargetOf(bits)
  } catch {
    return bad(`${text} encodes no valid target`)
  }
  return ok(bits)
}

/** A BTC amount written with at most 8 decimals, as integer satoshis (exact). */
export const btcCell = (text: unknown): Cell<bigint> => {
  const m = typeof text === "string" ? /^(0|[1-9]\d*)(?:\.(\d{1,8}))?$/.exec(text) : null
  if (m === null) return bad(`expected a BTC amount with at most 8 decimals, got ${JSON.stringify(text)}`)
  return ok(BigInt(m[1]!) * 100_000_000n + BigInt((m[2] ?? "").padEnd(8, "0")))
}

/** A non-negative decimal number as printed (the figures derived from others, checked against them). */
export const decimalCell = (text: unknown): Cell<{ readonly value: number; readonly decimals: number }> => {
  const m = typeof text === "string" ? /^(0|[1-9]\d*)(?:\.(\d+))?$/.exec(text) : null
  if (m === null) return bad(`expected a non-negative decimal number, got ${JSON.stringify(text)}`)
  return ok({ value: Number(text), decimals: (m[2] ?? "").length })
}

/** A `YYYY-MM` month. */
export const monthCell = (text: unknown): Cell<{ readonly year: number; readonly month: number }> => {
  const m = typeof text === "string" ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text) : null
  if (m === null) return bad(`expected a month YYYY-MM, got ${JSON.stringify(text)}`)
  return ok({ year: Number(m[1]), month: Number(m[2]) })
}

/** A reader of one record's cells: each field parsed, a bad one reported at the record's origin (then undefined). */
export const cellReader = (cells: Readonly<Record<string, unknown>>, origin: Origin, problems: Problems) =>
  <A>(field: string, parse: (t: unknown) => Cell<A>): A | undefined => {
    const cell = parse(cells[field])
    if (!cell.ok) problems.add(origin, field, cell.message)
    return cell.ok ? cell.value : undefined
  }
