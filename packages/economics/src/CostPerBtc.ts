// Cost per BTC mined: cash cost (hosting - credits) and all-in cost (cash + depreciation), per BTC, half-even.
import { roundHalfEven } from "./Money.ts"

/** USD cents per BTC of a cost over `minedSats`, half-even; null when nothing was mined. */
export const perBtcUsdCents = (costUsdCents: number, minedSats: number): number | null =>
  minedSats > 0 ? roundHalfEven((costUsdCents * 1e8) / minedSats) : null

/** (hosting - credits) per BTC mined; null when nothing was mined. */
export const cashCostPerBtcUsdCents = (hostingUsdCents: number, creditsUsdCents: number, minedSats: number): number | null =>
  perBtcUsdCents(hostingUsdCents - creditsUsdCents, minedSats)

/** (hosting - credits + depreciation) per BTC mined; null when nothing was mined. */
export const allInCostPerBtcUsdCents = (
  hostingUsdCents: number,
  creditsUsdCents: number,
  depreciationUsdCents: number,
  minedSats: number
): number | null => perBtcUsdCents(hostingUsdCents - creditsUsdCents + depreciationUsdCents, minedSats)
