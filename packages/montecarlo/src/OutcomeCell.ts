// How one outcome value is written to and read back from outcomes.csv. Deterministic by construction:
// numbers use ECMAScript's shortest round-trip form (identical on every engine), so parsing a cell gives back
// the exact double that was written, and the summary computed from the CSV equals one computed from memory.
import type { OutcomeColumnKind } from "./PathRunner.ts"

const msPerDay = 86_400_000

/** The CSV cell for `value`: empty when missing (NaN), `YYYY-MM-DD` for date columns. */
export const formatCell = (value: number, kind: OutcomeColumnKind): string => {
  if (Number.isNaN(value)) return ""
  if (kind === "date") return epochDayToIso(value)
  if (Object.is(value, -0)) return "0"
  return String(value)
}

/** The value of a CSV cell; NaN for an empty cell. Throws on anything else that is not a number or date. */
export const parseCell = (cell: string, kind: OutcomeColumnKind): number => {
  if (cell === "") return Number.NaN
  if (kind === "date") return isoToEpochDay(cell)
  const value = Number(cell)
  if (Number.isNaN(value)) throw new Error(`"${cell}" is not a number`)
  return value
}

/**
 * The value a cell written for `value` parses back to (`parseCell(formatCell(value, kind), kind)`), without the
 * text: numbers round-trip exactly (ECMAScript's shortest form), -0 reads as 0, dates as whole days.
 */
export const cellValue = (value: number, kind: OutcomeColumnKind): number => {
  if (Number.isNaN(value)) return value
  const v = kind === "date" ? Math.floor(value) : value
  return v === 0 ? 0 : v
}

/** YYYY-MM-DD of a whole number of days since 1970-01-01 (a fractional day falls in the day it starts). */
export const epochDayToIso = (day: number): string => new Date(Math.floor(day) * msPerDay).toISOString().slice(0, 10)

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export const isoToEpochDay = (iso: string): number => {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(iso)) throw new Error(`"${iso}" is not a YYYY-MM-DD date`)
  const ms = Date.parse(`${iso}T00:00:00Z`)
  if (Number.isNaN(ms)) throw new Error(`"${iso}" is not a calendar date`)
  return ms / msPerDay
}
