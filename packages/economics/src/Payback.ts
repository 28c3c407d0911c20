// Payback: days in order, the first day whose cumulative net margin (revenue - hosting + credits) reaches the
// cumulative capex (each lot's price on its purchase day).

/** True on the payback day's test: some capex was spent and the cumulative margin has reached it. */
export const reachesPayback = (cumulativeNetUsdCents: number, cumulativeCapexUsdCents: number): boolean =>
  cumulativeCapexUsdCents > 0 && cumulativeNetUsdCents >= cumulativeCapexUsdCents
