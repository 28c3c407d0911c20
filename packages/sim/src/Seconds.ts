// Units of simulated time. Kept apart from Calendar.ts so the engine loads without the ledger (and Effect).
export const SECONDS_PER_DAY = 86_400
/** A year of 365.25 days: the unit of every per-year rate (drift, volatility, discount, event frequency). */
export const SECONDS_PER_YEAR = 365.25 * SECONDS_PER_DAY
