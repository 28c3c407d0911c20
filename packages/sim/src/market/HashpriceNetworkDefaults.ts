// The reference parameters of the hashprice-driven network (November 2024), each with its source. Figures marked
// "assumption" are our choice, set before any run and never tuned to a result; scenarios/README.md ("The network
// as a market") repeats this table for strategists.
import type { EntrantPower, HashpriceNetworkParams, MachineClass } from "./HashpriceNetwork.ts"

/**
 * Efficiency classes of the network at the start and their shares of everyone else's hashrate.
 * - J/TH are the makers' specifications of each generation's reference machine: Antminer S21 17.5 J/TH (200 TH/s
 *   at 3,500 W, Bitmain); S19 XP 21.5 J/TH (Bitmain); S19j Pro 29.5 J/TH (Bitmain); S19 / Whatsminer M30S class
 *   34.5-38 J/TH, taken as 38 (Hashrate Index's tiers put S19 and M30S in "under 38 J/TH").
 * - Shares: assumption, made consistent with two public figures: CoinShares' mining report (January 2024) put the
 *   network's mean efficiency at 34 W/TH on ~515 EH/s, and the network then grew to ~753 EH/s by November 2024
 *   (scenarios/README.md), the growth being new-generation machines. 25/20/35/20 gives a hashrate-weighted mean of
 *   26.9 J/TH: 515 EH/s at 34 plus ~240 EH/s at ~19 is 29.2 before any retirement of old machines.
 * - Mean remaining life: assumption, 4 years from each generation's launch (S21 2023 -> 3 y left in late 2024;
 *   S19 XP 2022 -> 2 y; S19j Pro 2021 -> 1.5 y; S19 2020 -> 1 y), the life new machines get (machineLifeYears).
 */
const EFFICIENCY_CLASSES = [
  { efficiencyJth: 17.5, share: 0.25, meanRemainingLifeYears: 3 },
  { efficiencyJth: 21.5, share: 0.2, meanRemainingLifeYears: 2 },
  { efficiencyJth: 29.5, share: 0.35, meanRemainingLifeYears: 1.5 },
  { efficiencyJth: 38, share: 0.2, meanRemainingLifeYears: 1 }
] as const

/**
 * Power prices, USD/kWh, each holding a third of every class and of new orders (assumption: no public split).
 * - 0.035: Riot Platforms' 2024 net cost of power, 3.4 c/kWh (8-K, "Cost of Power", after curtailment credits),
 *   a large US miner with fixed-price power purchase agreements.
 * - 0.045: the power part of the self-hosted reference scenario (scenarios/README.md: a US industrial PPA for
 *   miners), near CoinShares' headline average electricity cost of 4 c/kWh (mining report, December 2019).
 * - 0.06: assumption between those and what Luxor's analyst reported many miners pay, 7-8 c/kWh (2022), below the
 *   EIA US industrial average of 8.06 c/kWh (2023) that miners seldom pay.
 */
const POWER_TIERS_USD_PER_KWH = [0.035, 0.045, 0.06] as const

const classes: Array<MachineClass> = []
for (const c of EFFICIENCY_CLASSES) {
  for (const power of POWER_TIERS_USD_PER_KWH) {
    classes.push({
      efficiencyJth: c.efficiencyJth,
      powerUsdPerKwh: power,
      shareOfHashrate: c.share / POWER_TIERS_USD_PER_KWH.length,
      meanRemainingLifeYears: c.meanRemainingLifeYears
    })
  }
}
const entrants: Array<EntrantPower> = POWER_TIERS_USD_PER_KWH.map((power) => ({
  powerUsdPerKwh: power,
  shareOfOrders: 1 / POWER_TIERS_USD_PER_KWH.length
}))

export const HASHPRICE_NETWORK_DEFAULTS: HashpriceNetworkParams = {
  classes,
  entrants,
  // Antminer S21 XP, 270 TH/s at 13.5 J/TH (Bitmain's specification), on sale from late 2024.
  frontierEfficiencyJth: 13.5,
  // 17.8% a year: Bitmain's flagship went from 29.5 J/TH (S19 Pro, 2020) to 13.5 J/TH (S21 XP, 2024),
  // (13.5 / 29.5)^(1/4) = 0.822. Slower than CoinShares' 10x every ~4 years to 2019, which it said was slowing.
  frontierImprovementPerYear: 0.178,
  // $20 per TH/s: Hashrate Index's ASIC price index for the newest tier (under 25 J/TH) in July 2023 (CoinDesk,
  // 2023-07-26), the latest index point we could source; Blockspace (2024-09) reports 2024 prices lower still,
  // and the brief's bulk deal for the fleet was $8/TH. Assumption: constant in USD (machinePriceChangePerYear 0).
  machinePriceUsdPerTh: 20,
  machinePriceChangePerYear: 0,
  // 4 years: the life the reference scenarios give the fleet's machines (ASICs are depreciated over 3-5 years;
  // CoinShares used 30 months in 2019, citing lengthening lives).
  machineLifeYears: 4,
  // 10% a year: the reference scenarios' discount rate (scenarios/README.md), used as the investor's hurdle.
  hurdleRatePerYear: 0.1,
  // 15%: CoinShares' "15% non-electricity OPEX" in its all-in cost of mining (December 2019 report).
  nonPowerOpexFraction: 0.15,
  // 120 days: makers sell by pre-order two to three months ahead (CoinDesk 2020, on Bitmain) plus about a month
  // door to door and racking (Marathon's CEO on 2021 delivery times, via Quartz).
  orderLagDays: 120,
  // Assumption: investors close a gap to the free-entry hashrate over about half a year of ordering.
  orderResponseYears: 0.5,
  // Assumption: a week of losses on power before a miner switches a class off (curtailment itself is immediate;
  // the decision waits for a trend), and three days of cover before switching back on.
  switchOffLagDays: 7,
  switchOnLagDays: 3,
  // Assumption: arrivals within a quarter form one cohort (its J/TH the hashrate-weighted mean, so power is exact).
  cohortYears: 0.25
}
