// Hashprice: revenue per PH/s of online hashrate per day (the industry's yardstick of a fleet's income).
import { roundHalfEven } from "./Money.ts"
import { SECONDS_PER_DAY } from "./Time.ts"

/**
 * USD cents per PH/s per day of `revenueUsdCents` earned by `onlineThsS` TH/s-seconds online (the time integral
 * of online TH/s), half-even: revenue x 1000 TH/PH x 86,400 s/day / ∫online. Null when nothing was online.
 */
export const hashpriceUsdCentsPerPhDay = (revenueUsdCents: number, onlineThsS: number): number | null =>
  onlineThsS > 0 ? roundHalfEven((revenueUsdCents * 1000 * SECONDS_PER_DAY) / onlineThsS) : null
