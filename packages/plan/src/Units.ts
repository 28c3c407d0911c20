// Quantities as people write them (`50 EH/s`, `$0.075/kWh`, `$400M`, `17.5 J/TH`, `93%`, `2025-03-01`) <-> the
// catalogue's units (TH/s, integer cents, cents per MWh, fractions, Unix seconds). Decimals are parsed as digit
// strings and scaled by powers of ten exactly, so `$0.07/kWh` is 7000 cents per MWh and never 6999.999...
import { calendarDateProblem, daysFromCivil, SECONDS_PER_DAY } from "@hashsim/ledger"

/** A quantity that cannot be read; the message says what to write instead. */
export class UnitInvalidError extends Error {
  readonly _tag = "UnitInvalidError"
  constructor(message: string) {
    super(message)
    this.name = "UnitInvalidError"
  }
}

const fail = (message: string): never => {
  throw new UnitInvalidError(message)
}

// ---- exact decimals: value = digits / 10^scale ----

interface Decimal {
  readonly digits: bigint
  readonly scale: number
}

/** `1,234.5` -> {12345, 1}. Thousands separators must group by three; no exponent, no sign unless allowed. */
const parseDecimal = (text: string, allowNegative = false): Decimal | undefined => {
  const m = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text)
  if (m === null || (m[1] === "-" && !allowNegative)) return undefined
  const whole = m[2]!.replaceAll(",", "")
  const frac = m[3] ?? ""
  const digits = BigInt(whole + frac)
  return { digits: m[1] === "-" ? -digits : digits, scale: frac.length }
}

/** Multiplies by 10^k (k may be negative: a division that only moves the point). */
const shift = (d: Decimal, k: number): Decimal => (k >= 0 ? { digits: d.digits * 10n ** BigInt(k), scale: d.scale } : { digits: d.digits, scale: d.scale - k })

/** The plain decimal string (no exponent, no trailing zeros after the point). */
const decimalText = (d: Decimal): string => {
  let { digits, scale } = d
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale)
    scale = 0
  }
  while (scale > 0 && digits % 10n === 0n) {
    digits /= 10n
    scale -= 1
  }
  const negative = digits < 0n
  const s = (negative ? -digits : digits).toString()
  if (scale === 0) return (negative ? "-" : "") + s
  const padded = s.padStart(scale + 1, "0")
  return `${negative ? "-" : ""}${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`
}

/** The nearest double (the engine's hashrates, J/TH and fractions are doubles; cents and sats are not). */
const toNumber = (d: Decimal): number => Number(decimalText(d))

/** The exact integer, or undefined when the decimal has a fractional part. */
const toInteger = (d: Decimal): bigint | undefined => {
  if (d.scale <= 0) return d.digits * 10n ** BigInt(-d.scale)
  const p = 10n ** BigInt(d.scale)
  return d.digits % p === 0n ? d.digits / p : undefined
}

/** The exact decimal of a finite double, from its shortest round-trip spelling. */
const decimalOfNumber = (x: number): Decimal => {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x))
  if (m === null) throw new RangeError(`not a finite number: ${x}`)
  const frac = m[3] ?? ""
  const digits = BigInt(m[2]! + frac) * (m[1] === "-" ? -1n : 1n)
  return { digits, scale: frac.length - Number(m[4] ?? "0") }
}

const safe = (n: bigint, what: string): number => (n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : fail(`${what} is too large`))

const groupThousands = (whole: string): string => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")

// ---- hashrate ----

const HASHRATE_UNITS: ReadonlyArray<readonly [string, number]> = [["TH/s", 0], ["PH/s", 3], ["EH/s", 6], ["ZH/s", 9]]

/** `50 EH/s` -> 50000000 (TH/s). Units TH/s, PH/s, EH/s, ZH/s; a bare number is refused (TH/s or EH/s?). */
export const parseHashrateThs = (text: string): number => {
  const m = /^\s*([\d,.]+)\s*([A-Za-z]+)(?:\/s)?\s*$/.exec(text)
  if (m === null && /^\s*[\d,.]+\s*$/.test(text)) return fail(`a hashrate needs its unit: write "${text.trim()} EH/s" (or TH/s, PH/s)`)
  if (m === null) return fail(`expected a hashrate with its unit, such as "50 EH/s" or "200 PH/s", got "${text}"`)
  const value = parseDecimal(m[1]!) ?? fail(`"${m[1]}" is not a number`)
  const unit = HASHRATE_UNITS.find(([u]) => u.slice(0, 2).toLowerCase() === m[2]!.toLowerCase())
  if (unit === undefined) return fail(`unknown hashrate unit "${m[2]}": write TH/s, PH/s, EH/s or ZH/s (e.g. "50 EH/s")`)
  return toNumber(shift(value, unit[1]))
}

/** TH/s in the largest unit that keeps a whole part (`32 EH/s`, `750 PH/s`, `0.5 TH/s`). */
export const formatHashrateThs = (ths: number): string => {
  const d = decimalOfNumber(ths)
  let chosen = HASHRATE_UNITS[0]!
  for (const u of HASHRATE_UNITS) if (ths >= 10 ** u[1]) chosen = u
  return `${decimalText(shift(d, -chosen[1]))} ${chosen[0]}`
}

// ---- money ----

const MONEY_SUFFIXES: Readonly<Record<string, number>> = { "": 0, k: 3, K: 3, M: 6, m: 6, B: 9, b: 9, million: 6, billion: 9, thousand: 3 }

const moneyDecimal = (text: string, example: string): Decimal => {
  const m = /^\s*\$\s*([\d,.]+)\s*([A-Za-z]*)\s*$/.exec(text)
  if (m === null) {
    return /^\s*[\d,.]+\s*$/.test(text)
      ? fail(`a dollar amount needs its $: write "$${text.trim()}" (amounts are in dollars, e.g. "${example}")`)
      : fail(`expected a dollar amount such as "${example}", got "${text}"`)
  }
  const value = parseDecimal(m[1]!) ?? fail(`"${m[1]}" is not a number`)
  const k = MONEY_SUFFIXES[m[2]!]
  if (k === undefined) return fail(`unknown amount suffix "${m[2]}": write k, M or B (e.g. "$400M")`)
  return shift(value, k)
}

/** `$400M` -> 40000000000 cents; `$4.56` -> 456. Exact to the cent, or an error. */
export const parseUsdCents = (text: string): number => {
  const cents = toInteger(shift(moneyDecimal(text, "$400M"), 2))
  if (cents === undefined) return fail(`"${text}" is not a whole number of cents`)
  return safe(cents, `"${text}"`)
}

/** Cents as `$1,234.56` (whole dollars without `.00`). */
export const formatUsdCents = (cents: number): string => {
  const whole = Math.floor(cents / 100)
  const rest = cents % 100
  return `$${groupThousands(String(whole))}${rest === 0 ? "" : `.${String(rest).padStart(2, "0")}`}`
}

/** Cents in the shortest exact form with a suffix where one fits (`$400M`, `$4.56`, `$75,600`). */
export const formatUsdCentsShort = (cents: number): string => {
  for (const [suffix, k] of [["B", 11], ["M", 8]] as const) {
    const p = 10 ** k
    if (cents >= p && Number.isSafeInteger(cents)) return `$${decimalText({ digits: BigInt(cents), scale: k })}${suffix}`
  }
  return formatUsdCents(cents)
}

/** `$0.075/kWh` or `$75/MWh` -> 7500 cents per MWh, exact, or an error. */
export const parseRatePerMwhUsdCents = (text: string): number => {
  const m = /^(.*?)\s*\/\s*(kWh|MWh)\s*$/i.exec(text)
  if (m === null) {
    return /^\s*[\d,.]+\s*$/.test(text)
      ? fail(`a power rate needs its unit: write "$${text.trim()}/kWh" (or per MWh)`)
      : fail(`expected a power rate such as "$0.075/kWh" or "$75/MWh", got "${text}"`)
  }
  const perKwh = m[2]!.toLowerCase() === "kwh"
  const cents = toInteger(shift(moneyDecimal(m[1]!, perKwh ? "$0.075" : "$75"), perKwh ? 5 : 2))
  if (cents === undefined) return fail(`"${text}" is not a whole number of cents per MWh (at most 5 decimals of a dollar per kWh)`)
  return safe(cents, `"${text}"`)
}

/** Cents per MWh as `$0.0758/kWh`. */
export const formatRatePerMwhUsdCents = (centsPerMwh: number): string =>
  `$${decimalText({ digits: BigInt(centsPerMwh), scale: 5 })}/kWh`

// ---- BTC ----

/** `0.07 BTC` or `7,000,000 sats` -> sats, exact, or an error. */
export const parseSats = (text: string): number => {
  const m = /^\s*([\d,.]+)\s*(BTC|sats?)\s*$/i.exec(text)
  if (m === null) return fail(`expected an amount of bitcoin such as "0.07 BTC" or "7,000,000 sats", got "${text}"`)
  const value = parseDecimal(m[1]!) ?? fail(`"${m[1]}" is not a number`)
  const sats = toInteger(m[2]!.toUpperCase() === "BTC" ? shift(value, 8) : value)
  if (sats === undefined) return fail(`"${text}" is not a whole number of satoshis`)
  return safe(sats, `"${text}"`)
}

export const formatSats = (sats: number): string => `${decimalText({ digits: BigInt(sats), scale: 8 })} BTC`

// ---- efficiency, fractions, plain numbers ----

/** `17.5 J/TH` (or W/TH, the same thing) -> 17.5. */
export const parseEfficiencyJth = (text: string): number => {
  const m = /^\s*([\d,.]+)\s*(J|W)\s*\/\s*TH(?:\/s)?\s*$/i.exec(text)
  if (m === null) {
    return /^\s*[\d,.]+\s*$/.test(text)
      ? fail(`an efficiency needs its unit: write "${text.trim()} J/TH"`)
      : fail(`expected an efficiency such as "17.5 J/TH", got "${text}"`)
  }
  return toNumber(parseDecimal(m[1]!) ?? fail(`"${m[1]}" is not a number`))
}

export const formatEfficiencyJth = (jth: number): string => `${decimalText(decimalOfNumber(jth))} J/TH`

/**
 * `93%` -> 0.93; a bare number is taken as a fraction when it lies in [0, 1] (`0.93`), otherwise refused with
 * the percent spelled out (`93` is not 9300%). `signed` admits a minus sign (drifts).
 */
export const parseFraction = (text: string, options: { readonly signed?: boolean; readonly perYear?: boolean } = {}): number => {
  const m = /^\s*(-?[\d,.]+)\s*(%?)\s*(\/\s*(?:year|yr)|a year|per year)?\s*$/i.exec(text)
  if (m === null) return fail(`expected a percentage such as "93%"${options.perYear === true ? ` or "35%/year"` : ""}, got "${text}"`)
  const value = parseDecimal(m[1]!, options.signed === true) ?? fail(`"${m[1]}" is not a number${options.signed === true ? "" : " (no minus sign here)"}`)
  const d = m[2] === "%" ? shift(value, -2) : value
  if (m[2] !== "%" && (d.digits < 0n ? -d.digits : d.digits) > 10n ** BigInt(Math.max(d.scale, 0))) {
    fail(`${m[1]} is not a fraction: write "${m[1]}%" (or ${decimalText(shift(value, -2))} for that share)`)
  }
  return toNumber(d)
}

/** A fraction as a percentage (`0.93` -> `93%`). */
export const formatFraction = (x: number): string => `${decimalText(shift(decimalOfNumber(x), 2))}%`

/** A plain decimal written as text or a YAML number (`2`, `0.5`), refusing units and exponents. */
export const parsePlainNumber = (text: string, signed = false): number => {
  const d = parseDecimal(text.trim(), signed) ?? fail(`expected a plain number such as "2" or "0.5", got "${text}"`)
  return toNumber(d)
}

/** `4 years`, `6 hours`/`6 h`, `30 days` -> the number in the unit asked for. */
export const parseDuration = (text: string, unit: "years" | "hours" | "days"): number => {
  const m = /^\s*([\d,.]+)\s*([A-Za-z]+)\s*$/.exec(text)
  const units: Readonly<Record<string, number>> = unit === "years"
    ? { year: 1, years: 1, y: 1, yr: 1, yrs: 1 }
    : unit === "days"
      ? { day: 1, days: 1, d: 1 }
      : { h: 1, hr: 1, hrs: 1, hour: 1, hours: 1, min: 1 / 60, minutes: 1 / 60 }
  if (m === null || units[m[2]!.toLowerCase()] === undefined) {
    return fail(`expected a duration such as "${unit === "years" ? "4 years" : unit === "days" ? "120 days" : "6 hours"}", got "${text}"`)
  }
  const value = toNumber(parseDecimal(m[1]!) ?? fail(`"${m[1]}" is not a number`))
  const factor = units[m[2]!.toLowerCase()]!
  return factor === 1 ? value : value * factor
}

/** `101.65 T` (or `101.65e12`-free forms: K, M, G, T, P) -> the difficulty as a number. */
export const parseDifficulty = (text: string): number => {
  const m = /^\s*([\d,.]+)\s*([KMGTP]?)\s*$/.exec(text)
  if (m === null) return fail(`expected a difficulty such as "101.65 T" (K, M, G, T or P), got "${text}"`)
  const k = { "": 0, K: 3, M: 6, G: 9, T: 12, P: 15 }[m[2] as "" | "K" | "M" | "G" | "T" | "P"]
  return toNumber(shift(parseDecimal(m[1]!) ?? fail(`"${m[1]}" is not a number`), k))
}

// ---- dates ----

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

/** The month (1-12) of an English month name or its first three letters. */
export const monthOfName = (name: string): number | undefined => {
  const i = MONTH_NAMES.findIndex((m) => m.toLowerCase() === name.toLowerCase() || m.slice(0, 3).toLowerCase() === name.toLowerCase())
  return i < 0 ? undefined : i + 1
}

/** `2025-03-01` (00:00 UTC) or `2025-03-01T14:00:00Z` -> Unix seconds; a date that does not exist says why. */
export const parseDateS = (text: string): number => {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?Z?)?\s*$/.exec(text)
  if (m === null) return fail(`expected a date such as "2025-03-01" (or "2025-03-01T14:00:00Z", UTC), got "${text}"`)
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const problem = calendarDateProblem(year, month, day)
  if (problem !== undefined) return fail(`${text.trim()} does not exist: ${problem}`)
  const [h, min, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)]
  if (h > 23 || min > 59 || s > 59) return fail(`${text.trim()}: not a time of day (00:00:00-23:59:59)`)
  return daysFromCivil(year, month, day) * SECONDS_PER_DAY + h * 3600 + min * 60 + s
}
