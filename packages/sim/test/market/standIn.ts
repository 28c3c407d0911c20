// A stand-in for the simulator's retarget, for the market tests only: every 14 days difficulty follows the hashrate
// online (work per block = its hashes in 600 s, unclamped), either the last day's ("lastDay", the wording)
// or the mean over the 14 days just ended ("epochMean", closer to Bitcoin, whose retarget follows an epoch's
// timespan, set by its mean hashrate). A fixed fleet of the simulated miner is always on, so the network never
// empties. The real simulator retargets exactly (NumberRetarget.ts); this loop isolates
// the market's response.
import { HashpriceNetwork } from "../../src/market/HashpriceNetwork.ts"
import type { HashpriceNetworkParams } from "../../src/market/HashpriceNetwork.ts"

export const DAY_YEARS = 1 / 365.25
export const RETARGET_DAYS = 14
/** 3.125 BTC subsidy + 0.07 BTC expected fees (the reference scenario's fee mean). */
export const REWARD_SATS = 312_500_000 + 7_000_000
/** Everyone else at the reference start: 753.11 EH/s less the fleet's ~30.4 EH/s online. */
export const OTHERS_THS = 722_710_000
export const FLEET_THS = 30_400_000
/** $75,600, the reference scenario's start price. */
export const START_PRICE_CENTS = 7_560_000
/** Work per block at the reference start: difficulty 101.65 T x 2^32. */
export const START_WORK = 101.65e12 * 4294967296

export interface Trace {
  readonly hashprice: Float64Array
  readonly online: Float64Array
  readonly work: Float64Array
  readonly minCash: Float64Array
  readonly marginalCash: Float64Array
  readonly cheapestOffCash: Float64Array
  readonly installed: Float64Array
}

/** Runs `days` days with the price of day d from `priceAt(d)`, retargeting every 14 days. */
export const runStandIn = (
  params: HashpriceNetworkParams,
  days: number,
  priceAt: (day: number) => number,
  options: {
    readonly othersThs?: number
    readonly fleetThs?: number
    readonly work?: number
    readonly onOrderThs?: number
    readonly retarget?: "lastDay" | "epochMean"
  } = {}
): { readonly net: HashpriceNetwork; readonly trace: Trace } => {
  const net = new HashpriceNetwork(params, days / 365.25)
  const fleet = options.fleetThs ?? FLEET_THS
  net.reset(options.othersThs ?? OTHERS_THS, options.onOrderThs ?? 0)
  let work = options.work ?? START_WORK
  const trace: Trace = {
    hashprice: new Float64Array(days),
    online: new Float64Array(days),
    work: new Float64Array(days),
    minCash: new Float64Array(days),
    marginalCash: new Float64Array(days),
    cheapestOffCash: new Float64Array(days),
    installed: new Float64Array(days)
  }
  let epochSumThs = 0
  for (let d = 0; d < days; d++) {
    if (d > 0 && d % RETARGET_DAYS === 0) {
      const others = options.retarget === "lastDay" ? trace.online[d - 1]! : epochSumThs / RETARGET_DAYS
      work = (others + fleet) * 1e12 * 600
      epochSumThs = 0
    }
    const online = net.step(DAY_YEARS, priceAt(d), REWARD_SATS, work)
    trace.hashprice[d] = net.hashpriceUsdPerPhDay
    trace.online[d] = online
    epochSumThs += online
    trace.work[d] = work
    trace.minCash[d] = net.minCashCostUsdPerPhDay
    trace.marginalCash[d] = net.marginalCashCostUsdPerPhDay
    trace.cheapestOffCash[d] = net.cheapestOffCashCostUsdPerPhDay
    trace.installed[d] = net.installedThsTotal
  }
  return { net, trace }
}
