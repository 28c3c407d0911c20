// Units of scenario time, in one place: every package that counts days or years imports them from here.

export const SECONDS_PER_DAY = 86_400
/**
 * A Julian year of 365.25 days: the unit of every per-year rate (drift, volatility, discount, event frequency) and
 * of a lot's life, so a 4-year life spans 1461 days.
 */
export const SECONDS_PER_YEAR = 365.25 * SECONDS_PER_DAY

/** 00:00Z of the UTC day that holds `s` (Unix seconds). */
export const utcDayStartS = (s: number): number => Math.floor(s / SECONDS_PER_DAY) * SECONDS_PER_DAY
