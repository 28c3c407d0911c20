// Says why a time or date string is not a real UTC time, so `2025-06-31T00:00:00Z` is told "June 2025 has 30
// days" rather than only "expected YYYY-MM-DDTHH:MM:SSZ" (it is that format).
import { daysInMonth } from "./Time.ts"

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

/** Why a calendar date does not exist, or undefined when it does. */
export const calendarDateProblem = (year: number, month: number, day: number): string | undefined => {
  if (month < 1 || month > 12) return `there is no month ${String(month).padStart(2, "0")} (months run 01-12)`
  const days = daysInMonth(year, month)
  if (day < 1 || day > days) return `${MONTH_NAMES[month - 1]} ${year} has ${days} days`
  return undefined
}

/** The message for a string that is not a valid `at` (`YYYY-MM-DDTHH:MM:SSZ`). */
export const atProblem = (at: unknown): string => {
  const text = JSON.stringify(at)
  if (typeof at !== "string") return `expected a time YYYY-MM-DDTHH:MM:SSZ, got ${text}`
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(at)
  if (m === null) {
    return /^\d{4}-\d{2}-\d{2}$/.test(at)
      ? `expected a time YYYY-MM-DDTHH:MM:SSZ, got the day ${text}: write "${at}T00:00:00Z"`
      : `expected a time YYYY-MM-DDTHH:MM:SSZ (UTC, no fraction), got ${text}`
  }
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number]
  const date = calendarDateProblem(year, month, day)
  if (date !== undefined) return `${at} does not exist: ${date}`
  if (hour > 23 || minute > 59 || second > 59) return `${at} does not exist: not a time of day (00:00:00-23:59:59)`
  return `expected a time YYYY-MM-DDTHH:MM:SSZ, got ${text}`
}
