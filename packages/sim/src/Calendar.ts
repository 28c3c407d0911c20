// Scenario time as integer Unix seconds and the UTC calendar around it (days, months, ISO stamps), computed
// from numbers only so that no clock or Date object enters the simulator (Hinnant's civil-from-days algorithm).

export const SECONDS_PER_DAY = 86_400
/** A year of 365.25 days: the unit of every per-year rate (drift, volatility, discount, event frequency). */
export const SECONDS_PER_YEAR = 365.25 * SECONDS_PER_DAY

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`)

/** Days since 1970-01-01 of a civil date (month 1..12). */
export const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** The civil date (year, month 1..12, day) of a day number since 1970-01-01. */
export const civilFromDays = (days: number): { year: number; month: number; day: number } => {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

/** `YYYY-MM-DD` of the UTC day holding integer second `s`. */
export const dayLabel = (s: number): string => {
  const { year, month, day } = civilFromDays(Math.floor(s / SECONDS_PER_DAY))
  return `${year}-${pad2(month)}-${pad2(day)}`
}

/** `YYYY-MM` of the UTC month holding second `s`. */
export const monthLabel = (s: number): string => dayLabel(s).slice(0, 7)

/** ISO-8601 UTC to the second (`YYYY-MM-DDTHH:MM:SSZ`) of integer second `s` (fractions are floored). */
export const isoOfSeconds = (s: number): string => {
  const whole = Math.floor(s)
  const days = Math.floor(whole / SECONDS_PER_DAY)
  const rest = whole - days * SECONDS_PER_DAY
  const h = Math.floor(rest / 3600)
  const m = Math.floor((rest - h * 3600) / 60)
  const sec = rest - h * 3600 - m * 60
  return `${dayLabel(whole)}T${pad2(h)}:${pad2(m)}:${pad2(sec)}Z`
}

/** Integer seconds of an ISO-8601 time (parsing a string is data, not a clock); NaN when it does not parse. */
export const secondsOfIso = (iso: string): number => {
  const ms = Date.parse(iso)
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : Number.NaN
}

/** Seconds of the UTC midnight at or before `s`. */
export const midnightAtOrBefore = (s: number): number => Math.floor(s / SECONDS_PER_DAY) * SECONDS_PER_DAY

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
    const end = Math.min(midnightAtOrBefore(s) + SECONDS_PER_DAY, untilS)
    const label = dayLabel(s)
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
