// The market a path sees, stepped once a day: the fleet's uptime, the BTC price, the fee level and everyone
// else's hashrate (each a model from the registry), and Monte Carlo's per-path parameter draws. The price and the
// fee level step first: a network that answers to hashprice reads the day's price, reward and work per block.
import { roundHalfEven } from "../Money.ts"
import { NamedStream, standardNormal } from "../random/index.ts"
import type { EngineFaults } from "../engine/EngineFaults.ts"
import type { Fleet } from "../fleet/Fleet.ts"
import type { PlanIndex } from "../scenario/PlanIndex.ts"
import type { ScenarioPlan } from "../scenario/ScenarioPlan.ts"
import { FeeModel } from "./FeeModel.ts"
import { hashpriceUsdPerPhDay } from "./Hashprice.ts"
import type { HashpriceNetwork } from "./HashpriceNetwork.ts"
import { type HashpriceInputs, HashpriceSeries } from "./HashpriceSeries.ts"
import { seriesModelOf } from "./registry.ts"
import type { SeriesStepper } from "./SeriesStepper.ts"
import { UptimeModel } from "./UptimeModel.ts"

export class Market implements HashpriceInputs {
  otherThs = 0
  priceUsdCents = 0
  uptimeFraction = 1
  /** The day's reward per block (the next block's subsidy + the day's mean fees) and work per block, at its start. */
  rewardSatsPerBlock = 0
  workPerBlock = 1
  /** The day's hashprice, USD per PH/s per day (docs/MARKET.md): reward x price over the work per block. */
  hashpriceUsdPerPhDay = 0
  /** The path's Monte Carlo parameter draws: drift adjustments a year and the fee level (0, 0, 1 without). */
  otherDriftAdjPerYear = 0
  priceDriftAdjPerYear = 0
  /** When a price was last observed (a PriceObserved at a day's start is that day's price). */
  priceObservedAtS = Number.NEGATIVE_INFINITY
  /** Everyone else's TH/s last observed and when (an observation at a day's start is that day's value). */
  private othersObservedThs = 0
  private othersObservedAtS = Number.NEGATIVE_INFINITY
  /** The path's first day has stepped (before it, the model is not started and an observation waits for it). */
  private started = false
  readonly fees: FeeModel
  private readonly paramsStream = new NamedStream("params")
  private readonly other: SeriesStepper
  private readonly price: SeriesStepper
  private readonly uptime: SeriesStepper

  constructor(
    private readonly plan: ScenarioPlan,
    days: PlanIndex,
    /** The chain's next subsidy and work per block, read at each day's start. */
    private readonly chain: { readonly work: number; readonly subsidySats: number },
    faults?: EngineFaults
  ) {
    const mk = plan.market
    this.other = seriesModelOf(mk.otherHashrate, days, "network", this)
    this.price = seriesModelOf(mk.price, days, "price", this)
    this.uptime = new UptimeModel(mk.uptime.meanFraction, mk.uptime.sdFraction)
    this.fees = new FeeModel(mk.feePerBlock, days, faults?.observedFeesIgnored === true)
  }

  /** Per path: the parameter draws (Monte Carlo's uncertainty, in a fixed order from their own stream), the start. */
  reset(seed: number, drawsFees: boolean): void {
    const u = this.plan.market.uncertainty
    let otherAdj = 0
    let priceAdj = 0
    let feeLevel = 1
    if (u !== undefined) {
      const params = this.paramsStream.open(seed)
      otherAdj = u.otherHashrateDriftSd * standardNormal(params)
      priceAdj = u.priceDriftSd * standardNormal(params)
      const z = standardNormal(params)
      // Mean-preserving lognormal level: E[level] = 1.
      feeLevel = Math.exp(u.feeLevelSigma * z - 0.5 * u.feeLevelSigma * u.feeLevelSigma)
    }
    this.otherDriftAdjPerYear = otherAdj
    this.priceDriftAdjPerYear = priceAdj
    this.other.reset(seed, otherAdj)
    this.price.reset(seed, priceAdj)
    this.uptime.reset(seed, 0)
    this.fees.reset(seed, feeLevel, drawsFees)
    this.otherThs = 0
    this.priceUsdCents = this.plan.startPriceUsdCents
    this.priceObservedAtS = Number.NEGATIVE_INFINITY
    this.othersObservedThs = 0
    this.othersObservedAtS = Number.NEGATIVE_INFINITY
    this.started = false
    this.uptimeFraction = this.plan.market.uptime.meanFraction
    this.hashpriceUsdPerPhDay = 0
  }

  /** The hashprice-driven network behind everyone else's hashrate (null under another model), for read-outs. */
  get hashpriceNetwork(): HashpriceNetwork | null {
    return this.other instanceof HashpriceSeries ? this.other.network : null
  }

  /**
   * Everyone else's hashrate is observed to be `othersThs` at `atS` (at an observed retarget: docs/EVENTS.md
   * "Observed stretches"): its model continues from there. The caller updates the fleet's rates after it.
   */
  rebaseOthers(atS: number, othersThs: number): void {
    this.othersObservedThs = othersThs
    this.othersObservedAtS = atS
    if (!this.started) return
    this.other.rebase(othersThs)
    this.otherThs = this.other.value
  }

  /** A price observed at `atS` is in effect from then on. */
  observePrice(atS: number, priceUsdCents: number): void {
    this.priceUsdCents = priceUsdCents
    this.priceObservedAtS = atS
  }

  /**
   * Day `d`'s market. Everyone else's hashrate starts as the network's less the fleet online on day 0, so the
   * fleet's rates are brought to the day's uptime first; the caller updates them again after the step.
   */
  step(d: number, dayStartS: number, fleet: Fleet): void {
    this.uptime.step(d)
    this.uptimeFraction = this.uptime.value
    if (this.priceObservedAtS !== dayStartS) {
      // A model steps from the price in effect, so an observed price carries into the forecast.
      this.price.value = this.priceUsdCents
      this.price.step(d)
      this.priceUsdCents = roundHalfEven(this.price.value)
    }
    this.fees.step(d)
    this.rewardSatsPerBlock = this.chain.subsidySats + this.fees.meanSats
    this.workPerBlock = this.chain.work
    this.hashpriceUsdPerPhDay = hashpriceUsdPerPhDay(this.rewardSatsPerBlock, this.priceUsdCents, this.workPerBlock)
    if (d === 0) {
      this.started = true
      fleet.update()
      this.other.value = Math.max(0, this.plan.network.hashrateThs - fleet.onlineThs)
    }
    this.other.step(d)
    // Observed at the day's start (as a price is): the day's value is the observation, the model's state scaled to it.
    if (this.othersObservedAtS === dayStartS) this.other.rebase(this.othersObservedThs)
    this.otherThs = this.other.value
  }
}
