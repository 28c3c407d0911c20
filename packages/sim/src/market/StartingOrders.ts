// What the hashprice network's own ordering rule would have ordered over the order lag before a path starts: the
// machines already on order at the start (a plan's `onOrder`), derived from observed days rather than set by hand.
import { hashpriceUsdPerPhDay } from "./Hashprice.ts"
import { HashpriceNetwork, type HashpriceNetworkParams } from "./HashpriceNetwork.ts"

/** One observed day before the start. */
export interface ObservedDay {
  /** The day's hashprice, USD per PH/s per day (e.g. Luxor's index). */
  readonly hashpriceUsdPerPhDay: number
  /** Everyone else's hashrate that day, TH/s, all running (it was hashing). */
  readonly othersThs: number
}

const DAYS_PER_YEAR = 365.25
// Any reward and price: the work per block is chosen so that the day's hashprice is the observed one.
const REWARD_SATS = 312_500_000
const PRICE_USD_CENTS = 10_000_000

/**
 * TH/s ordered over `days` (the order lag before the start, oldest first) by the network's own rule (its `step`:
 * HashpriceNetwork.order), each day from the observed state: everyone else's hashrate split over the starting
 * classes, all running, and the window's own orders so far in flight (orders from before the window have arrived
 * by the start and are in the observed hashrate). The rule runs through the model's code: each day the network is
 * reset to that state and stepped once. The reset spreads the orders in flight over the lag, so 1/lag of them
 * arrive during the step (the model's order of work: arrivals before orders); they are counted back as still on
 * order. Their only effect is that they also count as running in the rule's revenue term, at most
 * (window orders / lag) x hashprice / all-in cost, a fraction of a per cent of the total.
 */
export const startingOrdersThs = (params: HashpriceNetworkParams, days: ReadonlyArray<ObservedDay>): number => {
  const network = new HashpriceNetwork(params, 1)
  const dtYears = 1 / DAYS_PER_YEAR
  let onOrderThs = 0
  for (const day of days) {
    network.reset(day.othersThs, onOrderThs)
    const workPerBlock = hashpriceUsdPerPhDay(REWARD_SATS, PRICE_USD_CENTS, 1) / day.hashpriceUsdPerPhDay
    network.step(dtYears, PRICE_USD_CENTS, REWARD_SATS, workPerBlock)
    onOrderThs = network.onOrderThs + onOrderThs / params.orderLagDays
  }
  return onOrderThs
}
