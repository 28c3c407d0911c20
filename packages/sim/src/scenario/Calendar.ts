// The UTC calendar of a scenario's horizon as the simulator walks it: its days (the first and last may be partial)
// and the months they fall in, computed once per plan from the ledger's calendar arithmetic (no clock, no Date).
import { dayOfS, parseAtS } from "@hashsim/ledger"
import { SECONDS_PER_DAY } from "../Seconds.ts"

export { SECONDS_PER_DAY, SECONDS_PER_YEAR } from "../Seconds.ts"

/** Integer seconds of an `at` (`YYYY-MM-DDTHH:MM:SSZ`); NaN when it is not one. */
export const secondsOfIso = (at: string): number => parseAtS(at) ?? Number.NaN

/** The UTC calendar of a horizon [startS, untilS): its days (clipped to the horizon) and months. */
export interface HorizonCalendar {
  readonly dayCount: number
  /** Start of each day within the horizon (the first may be after midnight). */
  readonly dayStartS: Float64Array
  /** End of each day within the horizon (exclusive; the last may be before midnight). */
  readonly dayEndS: Float64Array
  readonly dayLabels: ReadonlyArray<string>
  /** Index into `months` of each day. */
  readonly dayMonth: Int32Array
  /** 1 when the day is the last of its month within the horizon (its close also closes the month). */
  readonly dayClosesMonth: Uint8Array
  /** `YYYY-MM` of every calendar month the horizon touches, in order. */
  readonly months: ReadonlyArray<string>
}

export const horizonCalendar = (startS: number, untilS: number): HorizonCalendar => {
  const starts: Array<number> = []
  const ends: Array<number> = []
  const labels: Array<string> = []
  const dayMonth: Array<number> = []
  const months: Array<string> = []
  let s = startS
  while (s < untilS) {
    const end = Math.min(Math.floor(s / SECONDS_PER_DAY) * SECONDS_PER_DAY + SECONDS_PER_DAY, untilS)
    const label = dayOfS(s)
    const month = label.slice(0, 7)
    if (months[months.length - 1] !== month) months.push(month)
    starts.push(s)
    ends.push(end)
    labels.push(label)
    dayMonth.push(months.length - 1)
    s = end
  }
  const closes = new Uint8Array(starts.length)
  for (let i = 0; i < starts.length; i++) {
    closes[i] = i === starts.length - 1 || dayMonth[i + 1] !== dayMonth[i] ? 1 : 0
  }
  return {
    dayCount: starts.length,
    dayStartS: Float64Array.from(starts),
    dayEndS: Float64Array.from(ends),
    dayLabels: labels,
    dayMonth: Int32Array.from(dayMonth),
    dayClosesMonth: closes,
    months
  }
}
