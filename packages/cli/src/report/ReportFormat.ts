// How the report writes numbers for people: sats as BTC, cents as dollars, TH/s as EH/s. Fixed locale (en-US) so
// the same model always gives the same bytes.

const SATS_PER_BTC = 100_000_000

const grouped = (digits: number): Intl.NumberFormat =>
  new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })

const formats = new Map<number, Intl.NumberFormat>()
export const formatNumber = (x: number, digits: number): string => {
  let format = formats.get(digits)
  if (format === undefined) {
    format = grouped(digits)
    formats.set(digits, format)
  }
  return format.format(x)
}

export const satsToBtc = (sats: number): number => sats / SATS_PER_BTC
export const centsToUsd = (cents: number): number => cents / 100
export const thsToEhs = (ths: number): number => ths / 1_000_000

export const formatBtc = (sats: number, digits = 2): string => `${formatNumber(satsToBtc(sats), digits)} BTC`

/** $1,234 for small amounts, $12.3M / $1.23B for large ones. */
export const formatUsd = (cents: number): string => {
  const usd = centsToUsd(cents)
  const sign = usd < 0 ? "-" : ""
  const abs = Math.abs(usd)
  if (abs >= 1e9) return `${sign}$${formatNumber(abs / 1e9, 2)}B`
  if (abs >= 1e6) return `${sign}$${formatNumber(abs / 1e6, 1)}M`
  return `${sign}$${formatNumber(abs, 0)}`
}

export const formatEhs = (ths: number): string => `${formatNumber(thsToEhs(ths), 1)} EH/s`

export const formatPercent = (fraction: number, digits = 1): string => `${formatNumber(fraction * 100, digits)}%`

/** YYYY-MM-DD of a time in milliseconds since 1970 (UTC). */
export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10)
