// Everyone else's hashrate as a market that answers to hashprice: machines in cohorts (efficiency J/TH, power
// price $/kWh) that run while hashprice covers their power, new machines ordered when hashprice exceeds the
// all-in cost of the best machine on sale and delivered after an order lag, a frontier that improves year by year,
// and retirement. One `step` a day over typed arrays; no allocation after the first path (the per-day memo grows
// then), no randomness (the randomness of a path is in price and fees; this model is their deterministic response).
import { hashpriceUsdPerPhDay, powerCostUsdPerPhDay } from "./Hashprice.ts"
import { checkRange, MarketParameterInvalidError } from "./MarketParameterInvalidError.ts"

const MODEL = "hashpriceNetwork"
const DAYS_PER_YEAR = 365.25
const THS_PER_PHS = 1000

/** Machines already running at the start: one efficiency class at one power price. */
export interface MachineClass {
  readonly efficiencyJth: number
  readonly powerUsdPerKwh: number
  /** Share of everyone else's hashrate at the start; the shares of all classes sum to 1. */
  readonly shareOfHashrate: number
  /** Mean remaining life, years: retirement is exponential at rate 1 / this (memoryless; see docs/MARKET.md). */
  readonly meanRemainingLifeYears: number
}

/** Where new machines are plugged in: a power price and its share of new orders (shares sum to 1). */
export interface EntrantPower {
  readonly powerUsdPerKwh: number
  readonly shareOfOrders: number
}

export interface HashpriceNetworkParams {
  readonly classes: ReadonlyArray<MachineClass>
  readonly entrants: ReadonlyArray<EntrantPower>
  /** Efficiency of the best machine on sale at the start, J/TH. */
  readonly frontierEfficiencyJth: number
  /** Fraction by which the best machine's J/TH falls each year (compounded continuously in time). */
  readonly frontierImprovementPerYear: number
  /** Price of the best machine on sale at the start, USD per TH/s. */
  readonly machinePriceUsdPerTh: number
  /** Yearly change of that price (0: constant). */
  readonly machinePriceChangePerYear: number
  /** Life of a new machine, years: its mean life (retirement rate 1 / life) and the annuity's term. */
  readonly machineLifeYears: number
  /** Return an investor requires: the machine price becomes a daily annuity at this rate over the life. */
  readonly hurdleRatePerYear: number
  /** Share of a miner's operating cost that is not power (staff, maintenance): in the all-in cost only. */
  readonly nonPowerOpexFraction: number
  /** Days from order to machines hashing (a whole number >= 1). */
  readonly orderLagDays: number
  /** Investors order the gap to the free-entry hashrate at this pace: a gap G is ordered at G / this per year. */
  readonly orderResponseYears: number
  /** Days hashprice must stay below a cohort's power cost before it switches off (0: the same day). */
  readonly switchOffLagDays: number
  /** Days hashprice must stay at or above its power cost before an off cohort switches back on. */
  readonly switchOnLagDays: number
  /** Arrivals within one such span, per entrant power, form one cohort (its J/TH the hashrate-weighted mean). */
  readonly cohortYears: number
}

/** Builds the model and checks its parameters; `horizonYears` sizes the cohort table (later arrivals merge). */
export class HashpriceNetwork {
  readonly params: HashpriceNetworkParams
  readonly capacity: number
  private readonly nClasses: number
  private readonly nEntrants: number
  private readonly lag: number
  private readonly offLag: number
  private readonly onLag: number
  // Cohorts 0..nClasses-1 are the starting classes; new cohorts are appended, one per (vintage, entrant).
  private readonly jth: Float64Array
  private readonly powerUsdPerKwh: Float64Array
  private readonly cashCost: Float64Array
  private readonly installedThs: Float64Array
  private readonly retireRatePerYear: Float64Array
  private readonly survive: Float64Array
  private readonly online: Uint8Array
  private readonly runDays: Int32Array
  private nCohorts = 0
  private survivalDt = Number.NaN
  /** The share of a gap ordered in a day of `survivalDt` years: min(1, dt / orderResponseYears). */
  private orderPace = Number.NaN
  // Orders in flight: entrant i's orders placed on day d sit in slot i * lag + d % lag until day d + lag.
  private readonly pipeline: Float64Array
  private pipelineThs = 0
  private readonly entrantCohort: Int32Array
  private readonly entrantVintage: Int32Array
  private readonly entrantAllIn: Float64Array
  private readonly entrantPowerUsdPerKwh: Float64Array
  private readonly entrantShareOfOrders: Float64Array
  /** Today's arrivals per entrant, TH/s (0: none), taken from the pipeline before the cohort pass. */
  private readonly arrivingThs: Float64Array
  private readonly annuityFactor: number
  private readonly opexScale: number
  /** log(1 - frontier improvement) and log(1 + machine price change): the exponents' constant factors. */
  private readonly logFrontierKeep: number
  private readonly logMachinePriceGrowth: number
  // What a day needs that depends only on the time since the start (the frontier, the vintage, each entrant's
  // all-in cost): computed the first time a day index is reached with a given `years` and reused by every later
  // path that reaches it with the same `years` (the same plan: every path), so a day costs no exp or log.
  private memoYears: Float64Array = new Float64Array(0)
  private memoArrivalJth: Float64Array = new Float64Array(0)
  private memoVintage: Float64Array = new Float64Array(0)
  private memoAllIn: Float64Array = new Float64Array(0)
  // The running sums of today's cohort pass, online TH/s and what the first entrant that may order counts as
  // committed, and that entrant's all-in cost (fields: the pass runs in two halves, and a double passed to or
  // returned from a call that is not inlined is boxed).
  private passOnlineThs = 0
  private passCommittedThs = 0
  private passAllIn = 0
  /** `advance`'s inputs: what `step` takes as arguments. */
  inputDtYears = 0
  inputPriceUsdCents = 0
  inputRewardSatsPerBlock = 0
  inputWorkPerBlock = 1
  private day = 0
  /** day % orderLagDays: today's slot in each entrant's pipeline. */
  private slot = 0
  private years = 0
  private lastHashprice = Number.NaN
  private lastOnlineThs = 0

  constructor(params: HashpriceNetworkParams, horizonYears: number) {
    validate(params)
    checkRange(MODEL, "horizonYears", horizonYears, 0, 1000)
    this.params = params
    this.nClasses = params.classes.length
    this.nEntrants = params.entrants.length
    this.lag = params.orderLagDays
    this.offLag = params.switchOffLagDays
    this.onLag = params.switchOnLagDays
    const vintages = Math.ceil(horizonYears / params.cohortYears) + 2
    this.capacity = this.nClasses + this.nEntrants * vintages
    const n = this.capacity
    this.jth = new Float64Array(n)
    this.powerUsdPerKwh = new Float64Array(n)
    this.cashCost = new Float64Array(n)
    this.installedThs = new Float64Array(n)
    this.retireRatePerYear = new Float64Array(n)
    this.survive = new Float64Array(n)
    this.online = new Uint8Array(n)
    this.runDays = new Int32Array(n)
    this.pipeline = new Float64Array(this.nEntrants * this.lag)
    this.entrantCohort = new Int32Array(this.nEntrants)
    this.entrantVintage = new Int32Array(this.nEntrants)
    this.entrantAllIn = new Float64Array(this.nEntrants)
    this.entrantPowerUsdPerKwh = new Float64Array(this.nEntrants)
    this.entrantShareOfOrders = new Float64Array(this.nEntrants)
    for (let i = 0; i < this.nEntrants; i++) {
      this.entrantPowerUsdPerKwh[i] = params.entrants[i]!.powerUsdPerKwh
      this.entrantShareOfOrders[i] = params.entrants[i]!.shareOfOrders
    }
    this.arrivingThs = new Float64Array(this.nEntrants)
    const r = params.hurdleRatePerYear
    const life = params.machineLifeYears
    // Capital recovery factor: the level yearly payment that repays 1 over `life` years at rate r.
    this.annuityFactor = r === 0 ? 1 / life : r / -Math.expm1(-life * Math.log1p(r))
    this.opexScale = 1 / (1 - params.nonPowerOpexFraction)
    this.logFrontierKeep = Math.log1p(-params.frontierImprovementPerYear)
    this.logMachinePriceGrowth = Math.log1p(params.machinePriceChangePerYear)
    this.reset(0)
  }

  /**
   * Starts a path: everyone else's `othersThs` split over the classes by share, all online (they are hashing at
   * the start), and `onOrderThs` already ordered, spread evenly over the coming `orderLagDays` and over the
   * entrants by share.
   */
  reset(othersThs: number, onOrderThs = 0): void {
    checkRange(MODEL, "othersThs", othersThs, 0, Number.MAX_VALUE)
    checkRange(MODEL, "onOrderThs", onOrderThs, 0, Number.MAX_VALUE)
    const p = this.params
    this.installedThs.fill(0)
    this.online.fill(0)
    this.runDays.fill(0)
    this.survivalDt = Number.NaN
    for (let k = 0; k < this.nClasses; k++) {
      const c = p.classes[k]!
      this.jth[k] = c.efficiencyJth
      this.powerUsdPerKwh[k] = c.powerUsdPerKwh
      this.cashCost[k] = powerCostUsdPerPhDay(c.efficiencyJth, c.powerUsdPerKwh)
      this.installedThs[k] = othersThs * c.shareOfHashrate
      this.retireRatePerYear[k] = 1 / c.meanRemainingLifeYears
      this.online[k] = 1
    }
    this.nCohorts = this.nClasses
    this.pipeline.fill(0)
    for (let i = 0; i < this.nEntrants; i++) {
      const perDay = (onOrderThs * p.entrants[i]!.shareOfOrders) / this.lag
      for (let s = 0; s < this.lag; s++) this.pipeline[i * this.lag + s] = perDay
      this.entrantCohort[i] = -1
      this.entrantVintage[i] = -1
    }
    this.pipelineThs = onOrderThs
    this.day = 0
    this.slot = 0
    this.years = 0
    this.lastHashprice = Number.NaN
    this.lastOnlineThs = othersThs
  }

  /**
   * One day. Inputs: the day's length in years, BTC price (USD cents), reward per block (subsidy + expected fees,
   * sats) and the expected work per block (difficulty x 2^32 hashes) in force that day. In order: machines
   * retire, the orders of `orderLagDays` ago arrive, each cohort switches off or on (after its lag), and new
   * orders are placed. Returns everyone else's hashrate online for the day, TH/s.
   *
   * One pass over the cohorts does all of a cohort's day (retire, switch, add to the online total and to the
   * first ordering entrant's committed total), in cohort order so every sum is added in the order the rule
   * states; the few cohorts that receive today's arrivals (at or after `lo`) are retired first and switched after
   * the arrivals merge in.
   */
  step(dtYears: number, priceUsdCents: number, rewardSatsPerBlock: number, workPerBlock: number): number {
    this.inputDtYears = dtYears
    this.inputPriceUsdCents = priceUsdCents
    this.inputRewardSatsPerBlock = rewardSatsPerBlock
    this.inputWorkPerBlock = workPerBlock
    this.advance()
    return this.lastOnlineThs
  }

  /**
   * `step` with its inputs in the `input*` fields and its result in `onlineThs`: a caller in the day loop sets
   * the fields, so no double crosses a call (one that is not inlined boxes each, an allocation a day).
   */
  advance(): void {
    const dtYears = this.inputDtYears
    const h = hashpriceUsdPerPhDay(this.inputRewardSatsPerBlock, this.inputPriceUsdCents, this.inputWorkPerBlock)
    this.lastHashprice = h
    const n0 = this.nCohorts
    // Retirement: installed x exp(-rate dt); the factors are cached while the day length repeats.
    if (dtYears !== this.survivalDt) {
      for (let k = 0; k < this.capacity; k++) this.survive[k] = Math.exp(-this.retireRatePerYear[k]! * dtYears)
      this.survivalDt = dtYears
      const pace = dtYears / this.params.orderResponseYears
      this.orderPace = pace < 1 ? pace : 1
    }
    const row = this.dayRow()
    const allInAt = row * this.nEntrants
    // The first entrant whose all-in cost today's hashprice exceeds orders first, so its committed total starts
    // from the pipeline as the arrivals leave it; later entrants' start after earlier orders (see `order`).
    let firstAllIn = Number.NEGATIVE_INFINITY
    for (let i = 0; i < this.nEntrants; i++) {
      if (h > this.memoAllIn[allInAt + i]!) {
        firstAllIn = this.memoAllIn[allInAt + i]!
        break
      }
    }
    this.passAllIn = firstAllIn
    const lo = this.takeArrivals(n0)
    this.passCommittedThs = this.pipelineThs
    this.passOnlineThs = 0
    this.cohortPass(0, lo, true)
    for (let k = lo; k < n0; k++) this.installedThs[k] = this.installedThs[k]! * this.survive[k]!
    this.mergeArrivals(row)
    this.cohortPass(lo, this.nCohorts, false)
    this.lastOnlineThs = this.passOnlineThs
    this.order(allInAt)
    this.years += dtYears
    this.day++
    this.slot = this.slot + 1 === this.lag ? 0 : this.slot + 1
  }

  /**
   * An observation says everyone else has `othersThs` online now (an observed retarget's implied hashrate, less the
   * fleet: docs/EVENTS.md "Observed stretches"). What runs is the observation's: the cohorts online are scaled by
   * othersThs / their sum, so their classes and vintages stay what the path made them. What is off, and the orders
   * in flight, are the model's own guess and stay as they are (scaling them too would blow up a path whose prices
   * have most machines off: a small online hashrate, a large factor). With nothing online, machines hashing say
   * they are on: every cohort holding machines is switched on (its lag restarts) and they are scaled to othersThs;
   * with nothing installed, the starting classes take it by share.
   */
  rebase(othersThs: number): void {
    checkRange(MODEL, "othersThs", othersThs, 0, Number.MAX_VALUE)
    let online = 0
    for (let k = 0; k < this.nCohorts; k++) if (this.online[k] === 1) online += this.installedThs[k]!
    if (!(online > 0)) {
      for (let k = 0; k < this.nCohorts; k++) {
        if (this.installedThs[k]! > 0) {
          this.online[k] = 1
          this.runDays[k] = 0
          online += this.installedThs[k]!
        }
      }
    }
    if (online > 0) {
      const f = othersThs / online
      for (let k = 0; k < this.nCohorts; k++) if (this.online[k] === 1) this.installedThs[k] = this.installedThs[k]! * f
    } else {
      for (let k = 0; k < this.nClasses; k++) {
        this.installedThs[k] = othersThs * this.params.classes[k]!.shareOfHashrate
        this.online[k] = 1
        this.runDays[k] = 0
      }
    }
    this.lastOnlineThs = othersThs
  }

  /** The memo row of today (this.day at this.years), filled if this day index was last reached at other years. */
  private dayRow(): number {
    const d = this.day
    if (d >= this.memoYears.length || this.memoYears[d] !== this.years) this.fillDayRow(d)
    return d
  }

  /** Computes memo row `d` for today's years (out of the hot path: it runs on a path's first visit to a day). */
  private fillDayRow(d: number): void {
    if (d >= this.memoYears.length) this.growMemo(d + 1)
    const p = this.params
    // The machines arriving today were the frontier on the day they were ordered, `lag` days ago.
    this.memoArrivalJth[d] = this.frontierJthAt(this.years - this.lag / DAYS_PER_YEAR)
    this.memoVintage[d] = Math.floor(this.years / p.cohortYears)
    const jth = this.frontierJthAt(this.years)
    const machineUsdPerPhDay =
      (p.machinePriceUsdPerTh * Math.exp(this.years * this.logMachinePriceGrowth) * THS_PER_PHS * this.annuityFactor) / DAYS_PER_YEAR
    for (let i = 0; i < this.nEntrants; i++) {
      this.memoAllIn[d * this.nEntrants + i] =
        machineUsdPerPhDay + powerCostUsdPerPhDay(jth, this.entrantPowerUsdPerKwh[i]!) * this.opexScale
    }
    this.memoYears[d] = this.years
  }

  /** Grows the memo to at least `days` rows (doubling: a path longer than the last allocates only a few times). */
  private growMemo(days: number): void {
    const n = Math.max(days, 2 * this.memoYears.length, 512)
    const grow = (a: Float64Array, width: number): Float64Array => {
      const b = new Float64Array(n * width)
      b.set(a)
      return b
    }
    const years = grow(this.memoYears, 1)
    years.fill(Number.NaN, this.memoYears.length)
    this.memoYears = years
    this.memoArrivalJth = grow(this.memoArrivalJth, 1)
    this.memoVintage = grow(this.memoVintage, 1)
    this.memoAllIn = grow(this.memoAllIn, this.nEntrants)
  }

  /**
   * Takes today's slot of every entrant's pipeline (the pipeline total falls by each, in entrant order) into
   * `arrivingThs`. Returns the lowest cohort an arrival may merge into (n0 when only new cohorts can receive).
   */
  private takeArrivals(n0: number): number {
    const slot = this.slot
    let lo = n0
    for (let i = 0; i < this.nEntrants; i++) {
      const j = i * this.lag + slot
      const ths = this.pipeline[j]!
      if (ths <= 0) {
        this.arrivingThs[i] = 0
        continue
      }
      this.arrivingThs[i] = ths
      this.pipeline[j] = 0
      this.pipelineThs -= ths
      const k = this.entrantCohort[i]!
      if (k >= 0 && k < lo) lo = k
    }
    return lo
  }

  /** Today's arrivals join their entrant's cohort of the current vintage. */
  private mergeArrivals(row: number): void {
    const vintage = this.memoVintage[row]!
    const jth = this.memoArrivalJth[row]!
    for (let i = 0; i < this.nEntrants; i++) {
      const ths = this.arrivingThs[i]!
      if (ths <= 0) continue
      let k = this.entrantCohort[i]!
      if (k < 0 || (this.entrantVintage[i] !== vintage && this.nCohorts < this.capacity)) k = this.openCohort(i, row)
      // Merge: the cohort's J/TH is the hashrate-weighted mean, so its power draw is exactly the sum of its parts.
      const before = this.installedThs[k]!
      const after = before + ths
      this.jth[k] = (this.jth[k]! * before + jth * ths) / after
      this.installedThs[k] = after
      this.cashCost[k] = powerCostUsdPerPhDay(this.jth[k]!, this.powerUsdPerKwh[k]!)
    }
  }

  /** Opens entrant i's cohort of today's vintage, empty, at the arrivals' J/TH (a few times a path). */
  private openCohort(i: number, row: number): number {
    const h = this.lastHashprice
    const jth = this.memoArrivalJth[row]!
    const k = this.nCohorts++
    this.entrantCohort[i] = k
    this.entrantVintage[i] = this.memoVintage[row]!
    this.jth[k] = jth
    this.powerUsdPerKwh[k] = this.entrantPowerUsdPerKwh[i]!
    this.installedThs[k] = 0
    this.retireRatePerYear[k] = 1 / this.params.machineLifeYears
    this.survive[k] = Math.exp(-this.retireRatePerYear[k]! * this.survivalDt)
    this.cashCost[k] = powerCostUsdPerPhDay(jth, this.powerUsdPerKwh[k]!)
    // A new cohort starts on if today's hashprice covers its power, else off (and waits its switch-on lag).
    this.online[k] = h >= this.cashCost[k]! ? 1 : 0
    this.runDays[k] = 0
    return k
  }

  /**
   * Cohorts [from, to): retire (when `retire`), then switch: a cohort turns off after switchOffLagDays days below
   * its power cost, on after switchOnLagDays days at or above it (runDays counts the current run of days on the
   * other side); adds each to the online total and, when its power cost is at most `passAllIn`, to the committed
   * one.
   */
  private cohortPass(from: number, to: number, retire: boolean): void {
    const h = this.lastHashprice
    const allIn = this.passAllIn
    const installed = this.installedThs
    const cashCost = this.cashCost
    const online = this.online
    const runDays = this.runDays
    const survive = this.survive
    const offLag = this.offLag
    const onLag = this.onLag
    let onlineThs = this.passOnlineThs
    let committed = this.passCommittedThs
    for (let k = from; k < to; k++) {
      let ths = installed[k]!
      if (retire) {
        ths = ths * survive[k]!
        installed[k] = ths
      }
      const cost = cashCost[k]!
      const covers = h >= cost
      if (online[k] === 1) {
        if (covers) runDays[k] = 0
        else if (++runDays[k]! >= offLag) {
          online[k] = 0
          runDays[k] = 0
        }
      } else if (!covers) runDays[k] = 0
      else if (++runDays[k]! >= onLag) {
        online[k] = 1
        runDays[k] = 0
      }
      if (online[k] === 1) onlineThs += ths
      if (cost <= allIn) committed += ths
    }
    this.passOnlineThs = onlineThs
    this.passCommittedThs = committed
  }

  /**
   * Orders: for each entrant power i, the all-in cost A_i of the best machine on sale (annuity of its price over
   * its life + power / (1 - non-power share)). Free entry would grow the network until hashprice fell to A_i:
   * today's revenue spread at A_i is online x h / A_i. The machines that would run at hashprice A_i (installed
   * cohorts whose power cost is at most A_i, and everything on order) are subtracted; entrant i orders its share
   * of the positive gap at 1 / orderResponseYears of it a year. The first entrant that may order takes its
   * committed total from the cohort pass (nothing was ordered before it today); later ones add the cohorts again
   * onto the pipeline as the earlier orders left it.
   */
  private order(allInAt: number): void {
    const h = this.lastHashprice
    const onlineThs = this.lastOnlineThs
    const slot = this.slot
    const pace = this.orderPace
    let first = true
    for (let i = 0; i < this.nEntrants; i++) {
      const allIn = this.memoAllIn[allInAt + i]!
      this.entrantAllIn[i] = allIn
      if (!(h > allIn)) continue
      let committed: number
      if (first) {
        // The cohort pass summed this entrant's (the first with h > A_i: `firstAllIn` in advance).
        committed = this.passCommittedThs
        first = false
      } else {
        const cashCost = this.cashCost
        const installed = this.installedThs
        const n = this.nCohorts
        committed = this.pipelineThs
        for (let k = 0; k < n; k++) if (cashCost[k]! <= allIn) committed += installed[k]!
      }
      const gap = (onlineThs * h) / allIn - committed
      if (gap <= 0) continue
      const ths = gap * this.entrantShareOfOrders[i]! * pace
      this.pipeline[i * this.lag + slot] = this.pipeline[i * this.lag + slot]! + ths
      this.pipelineThs += ths
    }
  }

  /** J/TH of the best machine on sale `years` after the start (before the start: the starting frontier). */
  frontierJthAt(years: number): number {
    return this.params.frontierEfficiencyJth * Math.exp((years > 0 ? years : 0) * this.logFrontierKeep)
  }

  // ---- read-outs (no allocation) ----

  /** Hashprice of the last step, USD per PH/s per day (NaN before the first). */
  get hashpriceUsdPerPhDay(): number {
    return this.lastHashprice
  }
  /** Everyone else's hashrate online after the last step, TH/s. */
  get onlineThs(): number {
    return this.lastOnlineThs
  }
  /** Installed hashrate, on or off, TH/s. */
  get installedThsTotal(): number {
    let s = 0
    for (let k = 0; k < this.nCohorts; k++) s += this.installedThs[k]!
    return s
  }
  /** Ordered and not yet arrived, TH/s. */
  get onOrderThs(): number {
    return this.pipelineThs
  }
  /** Power draw of the machines online, watts (J/TH x TH/s). */
  get onlinePowerW(): number {
    let s = 0
    for (let k = 0; k < this.nCohorts; k++) if (this.online[k] === 1) s += this.jth[k]! * this.installedThs[k]!
    return s
  }
  /** Number of cohorts in use (starting classes included). */
  get cohorts(): number {
    return this.nCohorts
  }
  /** Lowest power cost of any cohort holding machines, USD/PH/day: the most efficient class at the cheapest power. */
  get minCashCostUsdPerPhDay(): number {
    let m = Infinity
    for (let k = 0; k < this.nCohorts; k++) if (this.installedThs[k]! > 0 && this.cashCost[k]! < m) m = this.cashCost[k]!
    return m
  }
  /** Highest power cost among the cohorts online: the marginal miner's cash cost (NaN when none runs). */
  get marginalCashCostUsdPerPhDay(): number {
    let m = Number.NaN
    for (let k = 0; k < this.nCohorts; k++) {
      if (this.online[k] === 1 && this.installedThs[k]! > 0 && !(this.cashCost[k]! <= m)) m = this.cashCost[k]!
    }
    return m
  }
  /** Lowest power cost among the cohorts off (Infinity when all run). */
  get cheapestOffCashCostUsdPerPhDay(): number {
    let m = Infinity
    for (let k = 0; k < this.nCohorts; k++) {
      if (this.online[k] === 0 && this.installedThs[k]! > 0 && this.cashCost[k]! < m) m = this.cashCost[k]!
    }
    return m
  }
  /** All-in cost of entrant i's best machine at the last step, USD/PH/day. */
  allInCostUsdPerPhDay(entrant: number): number {
    return this.entrantAllIn[entrant]!
  }
  /** Cohort k: J/TH, power price, power cost, installed TH/s and whether it runs (for tests and reports). */
  cohortEfficiencyJth(k: number): number {
    return this.jth[k]!
  }
  cohortCashCostUsdPerPhDay(k: number): number {
    return this.cashCost[k]!
  }
  cohortInstalledThs(k: number): number {
    return this.installedThs[k]!
  }
  cohortOnline(k: number): boolean {
    return this.online[k] === 1
  }
}

const validate = (p: HashpriceNetworkParams): void => {
  if (p.classes.length === 0) throw new MarketParameterInvalidError(MODEL, "classes", "empty")
  if (p.entrants.length === 0) throw new MarketParameterInvalidError(MODEL, "entrants", "empty")
  let share = 0
  p.classes.forEach((c, k) => {
    checkRange(MODEL, `classes[${k}].efficiencyJth`, c.efficiencyJth, 0, 1e6, true)
    checkRange(MODEL, `classes[${k}].powerUsdPerKwh`, c.powerUsdPerKwh, 0, 1e3)
    checkRange(MODEL, `classes[${k}].shareOfHashrate`, c.shareOfHashrate, 0, 1)
    checkRange(MODEL, `classes[${k}].meanRemainingLifeYears`, c.meanRemainingLifeYears, 0, 1e15, true)
    share += c.shareOfHashrate
  })
  if (Math.abs(share - 1) > 1e-9) throw new MarketParameterInvalidError(MODEL, "classes[].shareOfHashrate (sum)", share)
  let orders = 0
  p.entrants.forEach((e, i) => {
    checkRange(MODEL, `entrants[${i}].powerUsdPerKwh`, e.powerUsdPerKwh, 0, 1e3)
    checkRange(MODEL, `entrants[${i}].shareOfOrders`, e.shareOfOrders, 0, 1)
    orders += e.shareOfOrders
  })
  if (Math.abs(orders - 1) > 1e-9) throw new MarketParameterInvalidError(MODEL, "entrants[].shareOfOrders (sum)", orders)
  checkRange(MODEL, "frontierEfficiencyJth", p.frontierEfficiencyJth, 0, 1e6, true)
  checkRange(MODEL, "frontierImprovementPerYear", p.frontierImprovementPerYear, 0, 1 - 1e-12)
  checkRange(MODEL, "machinePriceUsdPerTh", p.machinePriceUsdPerTh, 0, 1e6)
  checkRange(MODEL, "machinePriceChangePerYear", p.machinePriceChangePerYear, -1 + 1e-12, 1e3)
  checkRange(MODEL, "machineLifeYears", p.machineLifeYears, 0, 1e15, true)
  checkRange(MODEL, "hurdleRatePerYear", p.hurdleRatePerYear, 0, 10)
  checkRange(MODEL, "nonPowerOpexFraction", p.nonPowerOpexFraction, 0, 1 - 1e-12)
  if (!(Number.isSafeInteger(p.orderLagDays) && p.orderLagDays >= 1)) {
    throw new MarketParameterInvalidError(MODEL, "orderLagDays", p.orderLagDays)
  }
  checkRange(MODEL, "orderResponseYears", p.orderResponseYears, 0, 1e3, true)
  if (!(Number.isSafeInteger(p.switchOffLagDays) && p.switchOffLagDays >= 0)) {
    throw new MarketParameterInvalidError(MODEL, "switchOffLagDays", p.switchOffLagDays)
  }
  if (!(Number.isSafeInteger(p.switchOnLagDays) && p.switchOnLagDays >= 0)) {
    throw new MarketParameterInvalidError(MODEL, "switchOnLagDays", p.switchOnLagDays)
  }
  checkRange(MODEL, "cohortYears", p.cohortYears, 0, 1e3, true)
}
