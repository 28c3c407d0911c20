// A recurring curtailment ("curtail 80% weekdays 19:00-24:00 July-August"): which days, which hours (UTC) and
// which months, expanded to the CurtailmentStarted / CurtailmentEnded pairs of every window inside the horizon.
import { civilFromDays, SECONDS_PER_DAY } from "@hashsim/ledger"
import { monthOfName, parseFraction, UnitInvalidError } from "./Units.ts"

export interface CurtailmentRule {
  readonly fraction: number
  /** Days of the week it applies to, 0 = Sunday. */
  readonly weekdays: ReadonlySet<number>
  /** Seconds after 00:00 UTC at which a window starts and ends (end <= start: it ends the next day). */
  readonly startS: number
  readonly endS: number
  /** Months (1-12) it applies to. */
  readonly months: ReadonlySet<number>
}

export interface CurtailmentWindow {
  readonly startS: number
  /** Undefined when the window runs past the horizon (the curtailment is still on at the end). */
  readonly endS: number | undefined
}

const fail = (message: string): never => {
  throw new UnitInvalidError(message)
}

const DAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
const dayOfName = (name: string): number | undefined => {
  const n = name.toLowerCase()
  const i = DAY_NAMES.findIndex((d) => d === n || d.slice(0, 3) === n)
  return i < 0 ? undefined : i
}

/** `weekdays`, `weekends`, `daily` / `every day`, or days such as `Mon-Fri`, `Sat,Sun`. */
export const parseDays = (text: string): ReadonlySet<number> => {
  const t = text.trim().toLowerCase()
  if (t === "weekdays") return new Set([1, 2, 3, 4, 5])
  if (t === "weekends") return new Set([0, 6])
  if (t === "daily" || t === "every day" || t === "everyday") return new Set([0, 1, 2, 3, 4, 5, 6])
  const days = new Set<number>()
  for (const part of t.split(/\s*,\s*/)) {
    const [a, b] = part.split(/\s*-\s*/)
    const from = dayOfName(a ?? "")
    const to = b === undefined ? from : dayOfName(b)
    if (from === undefined || to === undefined) return fail(`expected days such as "weekdays", "weekends", "daily" or "Mon-Fri", got "${text}"`)
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d)
      if (d === to) break
    }
  }
  return days
}

const clock = (text: string, allow24: boolean): number | undefined => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text)
  if (m === null) return undefined
  const h = Number(m[1])
  const min = Number(m[2])
  if (min > 59 || h > 24 || (h === 24 && (min > 0 || !allow24))) return undefined
  return h * 3600 + min * 60
}

/** `19:00-24:00` (UTC) -> seconds after midnight; an end at or before the start runs into the next day. */
export const parseHours = (text: string): { readonly startS: number; readonly endS: number } => {
  const m = /^\s*(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*(?:UTC|Z)?\s*$/i.exec(text)
  const startS = m === null ? undefined : clock(m[1]!, false)
  const endS = m === null ? undefined : clock(m[2]!, true)
  if (startS === undefined || endS === undefined) return fail(`expected hours such as "14:00-19:00" (UTC; 24:00 for midnight), got "${text}"`)
  if (startS === endS) return fail(`"${text}" is an empty window`)
  return { startS, endS }
}

/** `June-September`, `Jul-Aug`, `July`, `June, August`, `all`. */
export const parseMonths = (text: string): ReadonlySet<number> => {
  const t = text.trim()
  if (t.toLowerCase() === "all" || t.toLowerCase() === "every month") return new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
  const months = new Set<number>()
  for (const part of t.split(/\s*,\s*/)) {
    const [a, b] = part.split(/\s*-\s*/)
    const from = monthOfName(a ?? "")
    const to = b === undefined ? from : monthOfName(b)
    if (from === undefined || to === undefined) return fail(`expected months such as "June-September", "July" or "all", got "${text}"`)
    for (let m = from; ; m = (m % 12) + 1) {
      months.add(m)
      if (m === to) break
    }
  }
  return months
}

/**
 * The one-line form: `curtail 80% weekdays 19:00-24:00 July-August` (parts in any order after `curtail`;
 * days default to daily, months to all).
 */
export const parseRuleText = (text: string): CurtailmentRule => {
  const m = /^\s*curtail\s+(.*)$/i.exec(text)
  if (m === null) return fail(`expected a rule such as "curtail 100% weekdays 14:00-19:00 June-September", got "${text}"`)
  let fraction: number | undefined
  let days: ReadonlySet<number> | undefined
  let hours: { startS: number; endS: number } | undefined
  let months: ReadonlySet<number> | undefined
  const words = m[1]!.replace(/every day/i, "daily").trim().split(/\s+/)
  for (const w of words) {
    if (/%$/.test(w)) fraction = parseFraction(w)
    else if (/^\d{1,2}:\d{2}-/.test(w)) hours = parseHours(w)
    else if (/^(weekdays|weekends|daily|everyday)$/i.test(w) || dayOfName(w.split(/[-,]/)[0]!) !== undefined) days = parseDays(w)
    else if (/^all$/i.test(w) || monthOfName(w.split(/[-,]/)[0]!) !== undefined) months = parseMonths(w)
    else fail(`"${w}" is not a share (80%), days (weekdays), hours (14:00-19:00) or months (June-September)`)
  }
  if (fraction === undefined) return fail(`the rule names no share to curtail: write e.g. "curtail 100% ${words.join(" ")}"`)
  if (hours === undefined) return fail(`the rule names no hours: add e.g. "14:00-19:00" (UTC)`)
  return { fraction, weekdays: days ?? parseDays("daily"), startS: hours.startS, endS: hours.endS, months: months ?? parseMonths("all") }
}

/** Every window of the rule that starts in [fromS, toS); a window whose end is not before `untilS` has no end. */
export const expandRule = (rule: CurtailmentRule, fromS: number, toS: number, untilS: number): ReadonlyArray<CurtailmentWindow> => {
  const windows: Array<CurtailmentWindow> = []
  const firstDay = Math.floor(fromS / SECONDS_PER_DAY) - 1
  const lastDay = Math.floor((toS - 1) / SECONDS_PER_DAY)
  for (let day = firstDay; day <= lastDay; day++) {
    const { month } = civilFromDays(day)
    // 1970-01-01 was a Thursday (4).
    const weekday = (((day + 4) % 7) + 7) % 7
    if (!rule.months.has(month) || !rule.weekdays.has(weekday)) continue
    const startS = day * SECONDS_PER_DAY + rule.startS
    const endS = day * SECONDS_PER_DAY + rule.endS + (rule.endS <= rule.startS ? SECONDS_PER_DAY : 0)
    if (startS < fromS || startS >= toS) continue
    windows.push({ startS, endS: endS < untilS ? endS : undefined })
  }
  return windows
}
