// Everyone else's hashrate as the hashprice-driven network (HashpriceNetwork) behind the series interface: each
// day it reads the day's price, reward per block (subsidy + expected fees) and the chain's work per block from
// the market's fields and steps the network, whose online hashrate is the day's value. Difficulty is not its
// concern: the simulator's exact retarget follows the hashrate online, and hashprice follows difficulty.
import type { PlanIndex } from "../scenario/PlanIndex.ts"
import { HashpriceNetwork, type HashpriceNetworkParams } from "./HashpriceNetwork.ts"
import type { SeriesStepper } from "./SeriesStepper.ts"

export interface HashpriceSeriesPlan extends HashpriceNetworkParams {
  readonly model: "hashprice"
  /** Hashrate already ordered at the start, TH/s (0: none). */
  readonly onOrderThs: number
}

/** What the network reads each day (fields, not arguments: a double passed across a call is boxed). */
export interface HashpriceInputs {
  readonly priceUsdCents: number
  readonly rewardSatsPerBlock: number
  readonly workPerBlock: number
}

export const compileHashprice = (raw: Omit<HashpriceSeriesPlan, "onOrderThs"> & { readonly onOrderThs?: number }): HashpriceSeriesPlan => ({
  ...raw,
  onOrderThs: raw.onOrderThs ?? 0
})

export class HashpriceSeries implements SeriesStepper {
  value = 0
  readonly network: HashpriceNetwork
  private readonly dayDtYears: Float64Array

  constructor(
    private readonly plan: HashpriceSeriesPlan,
    days: PlanIndex,
    private readonly inputs: HashpriceInputs
  ) {
    const n = days.dayYears.length
    const horizonYears = n === 0 ? 0 : days.dayYears[n - 1]! + days.dayDtYears[n - 1]!
    this.network = new HashpriceNetwork(plan, horizonYears + 1)
    this.dayDtYears = days.dayDtYears
  }

  /** The network deterministically answers to price and fees: a Monte Carlo drift adjustment does not apply. */
  reset(_seed: number, _driftAdjPerYear: number): void {}

  /** The network keeps its make-up at the observed size (HashpriceNetwork.rebase). */
  rebase(value: number): void {
    this.network.rebase(value)
    this.value = this.network.onlineThs
  }

  step(d: number): void {
    // Day 0: the market has set `value` to everyone else's hashrate at the start; the classes hold it by share.
    if (d === 0) this.network.reset(this.value, this.plan.onOrderThs)
    const inp = this.inputs
    const net = this.network
    net.inputDtYears = this.dayDtYears[d]!
    net.inputPriceUsdCents = inp.priceUsdCents
    net.inputRewardSatsPerBlock = inp.rewardSatsPerBlock
    net.inputWorkPerBlock = inp.workPerBlock
    net.advance()
    this.value = net.onlineThs
  }
}
