// Scenario time: ISO-8601 UTC to the second (`YYYY-MM-DDTHH:MM:SSZ`) <-> integer Unix seconds, by calendar
// arithmetic alone (no Date, no clock), so parsing is strict and formatting is exact for any year 0000-9999.
import { SECONDS_PER_DAY } from "@hashsim/economics"

const AT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/

export { SECONDS_PER_DAY }

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/** Days in a month (1-12) of a year. */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil; exact for the proleptic Gregorian calendar). */
export const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

/** The civil date of a day count since 1970-01-01 (Hinnant's civil_from_days). */
export const civilFromDays = (days: number): { readonly year: number; readonly month: number; readonly day: number } => {
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

const validDate = (year: number, month: number, day: number): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)

// Consecutive events mostly share their `at`, and every line parses it several times (schema, decider, report):
// remember the last answer.
let lastAt = ""
let lastAtS: number | undefined

/** Unix seconds of an `at` string, or undefined when it is not exactly `YYYY-MM-DDTHH:MM:SSZ` with a real date. */
export const parseAtS = (at: string): number | undefined => {
  if (at === lastAt) return lastAtS
  const s = parseAtSUncached(at)
  lastAt = at
  lastAtS = s
  return s
}

const parseAtSUncached = (at: string): number | undefined => {
  const m = AT_PATTERN.exec(at)
  if (m === null) return undefined
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number]
  if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined
  return daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second
}

/** Whether a string is a valid `at`. */
export const isAt = (at: string): boolean => parseAtS(at) !== undefined

const pad = (n: number, width: number): string => String(n).padStart(width, "0")

/** The `at` string of integer Unix seconds (years 0000-9999). */
export const formatAtS = (seconds: number): string => {
  const days = Math.floor(seconds / SECONDS_PER_DAY)
  const rest = seconds - days * SECONDS_PER_DAY
  const { year, month, day } = civilFromDays(days)
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(Math.floor(rest / 3600), 2)}:${pad(Math.floor((rest % 3600) / 60), 2)}:${pad(rest % 60, 2)}Z`
}

/** Unix seconds of 00:00:00Z of a `YYYY-MM-DD` day, or undefined when it is not a real day. */
export const parseDayS = (day: string): number | undefined => {
  const m = DAY_PATTERN.exec(day)
  if (m === null) return undefined
  const [year, month, d] = m.slice(1).map(Number) as [number, number, number]
  return validDate(year, month, d) ? daysFromCivil(year, month, d) * SECONDS_PER_DAY : undefined
}

export const isDay = (day: string): boolean => parseDayS(day) !== undefined

/** The UTC day (`YYYY-MM-DD`) that contains a Unix second. */
export const dayOfS = (seconds: number): string => formatAtS(seconds).slice(0, 10)

/** The UTC month (`YYYY-MM`) that contains a Unix second. */
export const monthOfS = (seconds: number): string => formatAtS(seconds).slice(0, 7)

/** Unix seconds of the first instant of a `YYYY-MM` month. */
export const monthStartS = (month: string): number => {
  const m = MONTH_PATTERN.exec(month)
  if (m === null) throw new RangeError(`not a month: ${month}`)
  return daysFromCivil(Number(m[1]), Number(m[2]), 1) * SECONDS_PER_DAY
}

/** Unix seconds of the first instant of the month after the one containing `seconds`. */
export const nextMonthStartS = (seconds: number): number => {
  const { year, month } = civilFromDays(Math.floor(seconds / SECONDS_PER_DAY))
  return month === 12 ? daysFromCivil(year + 1, 1, 1) * SECONDS_PER_DAY : daysFromCivil(year, month + 1, 1) * SECONDS_PER_DAY
}
