// Hashprice and a machine's power cost in one unit, USD per PH/s per day: the two numbers every market model,
// operating policy and report compares. One owner for both formulas.

/** Seconds in a day. */
const DAY_S = 86_400
/** Hashes per second in one PH/s. */
const HASHES_PER_PHS = 1e15
/** Satoshis in one BTC. */
const SATS_PER_BTC = 100_000_000

/**
 * Hashprice, USD earned per PH/s per day: the expected blocks one PH/s finds in a day (1e15 x 86,400 hashes over
 * the expected work per block, i.e. difficulty x 2^32) times the reward per block (subsidy + expected fees) at the
 * day's price. Depends on difficulty, not on the hashrate online: a miner's revenue per hash changes only at a
 * retarget (Luxor's definition of hashprice, hashrateindex.com). Equal to (subsidy + fees) x price x blocks a day /
 * network hashrate when the network runs at the difficulty's pace (144 blocks a day).
 */
export const hashpriceUsdPerPhDay = (
  rewardSatsPerBlock: number,
  priceUsdCents: number,
  workPerBlock: number
): number => ((rewardSatsPerBlock / SATS_PER_BTC) * (priceUsdCents / 100) * HASHES_PER_PHS * DAY_S) / workPerBlock

/**
 * Power cost of one PH/s for a day, USD: efficiency J/TH x 1,000 TH/PH = watts per PH/s; x 24 h / 1,000 = kWh a
 * day; x the power price. An S21 (17.5 J/TH) at $0.05/kWh: 24 x 17.5 x 0.05 = $21/PH/day.
 */
export const powerCostUsdPerPhDay = (efficiencyJth: number, powerUsdPerKwh: number): number =>
  24 * efficiencyJth * powerUsdPerKwh
