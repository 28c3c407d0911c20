// Everyone else's hashrate as a market that answers to hashprice: machines in cohorts (efficiency J/TH, power
// price $/kWh) that run while hashprice covers their power, new machines ordered when hashprice exceeds the
// all-in cost of the best machine on sale and delivered after an order lag, a frontier that improves year by year,
// and retirement. One `step` a day over typed arrays; no allocation after construction, no randomness (the
// randomness of a path is in price and fees; this model is their deterministic response).
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
  // Orders in flight: entrant i's orders placed on day d sit in slot i * lag + d % lag until day d + lag.
  private readonly pipeline: Float64Array
  private pipelineThs = 0
  private readonly entrantCohort: Int32Array
  private readonly entrantVintage: Int32Array
  private readonly entrantAllIn: Float64Array
  private readonly annuityFactor: number
  private day = 0
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
    const r = params.hurdleRatePerYear
    const life = params.machineLifeYears
    // Capital recovery factor: the level yearly payment that repays 1 over `life` years at rate r.
    this.annuityFactor = r === 0 ? 1 / life : r / -Math.expm1(-life * Math.log1p(r))
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
    this.years = 0
    this.lastHashprice = Number.NaN
    this.lastOnlineThs = othersThs
  }

  /**
   * One day. Inputs: the day's length in years, BTC price (USD cents), reward per block (subsidy + expected fees,
   * sats) and the expected work per block (difficulty x 2^32 hashes) in force that day. In order: machines
   * retire, the orders of `orderLagDays` ago arrive, each cohort switches off or on (after its lag), and new
   * orders are placed. Returns everyone else's hashrate online for the day, TH/s.
   */
  step(dtYears: number, priceUsdCents: number, rewardSatsPerBlock: number, workPerBlock: number): number {
    const h = hashpriceUsdPerPhDay(rewardSatsPerBlock, priceUsdCents, workPerBlock)
    this.lastHashprice = h
    const n0 = this.nCohorts
    // Retirement: installed x exp(-rate dt); the factors are cached while the day length repeats.
    if (dtYears !== this.survivalDt) {
      for (let k = 0; k < this.capacity; k++) this.survive[k] = Math.exp(-this.retireRatePerYear[k]! * dtYears)
      this.survivalDt = dtYears
    }
    for (let k = 0; k < n0; k++) this.installedThs[k] = this.installedThs[k]! * this.survive[k]!
    this.arrive(h)
    // Switching: a cohort turns off after switchOffLagDays days below its power cost, on after switchOnLagDays
    // days at or above it; runDays counts the current run of days on the other side.
    const offLag = this.params.switchOffLagDays
    const onLag = this.params.switchOnLagDays
    let onlineThs = 0
    for (let k = 0; k < this.nCohorts; k++) {
      const covers = h >= this.cashCost[k]!
      if (this.online[k] === 1) {
        if (covers) this.runDays[k] = 0
        else if (++this.runDays[k]! >= offLag) {
          this.online[k] = 0
          this.runDays[k] = 0
        }
      } else if (!covers) this.runDays[k] = 0
      else if (++this.runDays[k]! >= onLag) {
        this.online[k] = 1
        this.runDays[k] = 0
      }
      if (this.online[k] === 1) onlineThs += this.installedThs[k]!
    }
    this.lastOnlineThs = onlineThs
    this.order(h, onlineThs, dtYears)
    this.years += dtYears
    this.day++
    return onlineThs
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

  /** Today's slot of every entrant's pipeline joins that entrant's cohort of the current vintage. */
  private arrive(h: number): void {
    const slot = this.day % this.lag
    const vintage = Math.floor(this.years / this.params.cohortYears)
    for (let i = 0; i < this.nEntrants; i++) {
      const j = i * this.lag + slot
      const ths = this.pipeline[j]!
      if (ths <= 0) continue
      this.pipeline[j] = 0
      this.pipelineThs -= ths
      // The machines were the frontier on the day they were ordered, `lag` days ago.
      const jth = this.frontierJthAt(this.years - this.lag / DAYS_PER_YEAR)
      let k = this.entrantCohort[i]!
      if (k < 0 || (this.entrantVintage[i] !== vintage && this.nCohorts < this.capacity)) {
        k = this.nCohorts++
        this.entrantCohort[i] = k
        this.entrantVintage[i] = vintage
        this.jth[k] = jth
        this.powerUsdPerKwh[k] = this.params.entrants[i]!.powerUsdPerKwh
        this.installedThs[k] = 0
        this.retireRatePerYear[k] = 1 / this.params.machineLifeYears
        this.survive[k] = Math.exp(-this.retireRatePerYear[k]! * this.survivalDt)
        this.cashCost[k] = powerCostUsdPerPhDay(jth, this.powerUsdPerKwh[k]!)
        // A new cohort starts on if today's hashprice covers its power, else off (and waits its switch-on lag).
        this.online[k] = h >= this.cashCost[k]! ? 1 : 0
        this.runDays[k] = 0
      }
      // Merge: the cohort's J/TH is the hashrate-weighted mean, so its power draw is exactly the sum of its parts.
      const before = this.installedThs[k]!
      const after = before + ths
      this.jth[k] = (this.jth[k]! * before + jth * ths) / after
      this.installedThs[k] = after
      this.cashCost[k] = powerCostUsdPerPhDay(this.jth[k]!, this.powerUsdPerKwh[k]!)
    }
  }

  /**
   * Orders: for each entrant power i, the all-in cost A_i of the best machine on sale (annuity of its price over
   * its life + power / (1 - non-power share)). Free entry would grow the network until hashprice fell to A_i:
   * today's revenue spread at A_i is online x h / A_i. The machines that would run at hashprice A_i (installed
   * cohorts whose power cost is at most A_i, and everything on order) are subtracted; entrant i orders its share
   * of the positive gap at 1 / orderResponseYears of it a year.
   */
  private order(h: number, onlineThs: number, dtYears: number): void {
    const p = this.params
    const jth = this.frontierJthAt(this.years)
    const machineUsdPerPhDay =
      (p.machinePriceUsdPerTh * Math.exp(this.years * Math.log1p(p.machinePriceChangePerYear)) * THS_PER_PHS * this.annuityFactor) /
      DAYS_PER_YEAR
    const opexScale = 1 / (1 - p.nonPowerOpexFraction)
    const slot = this.day % this.lag
    const pace = dtYears / p.orderResponseYears
    for (let i = 0; i < this.nEntrants; i++) {
      const allIn = machineUsdPerPhDay + powerCostUsdPerPhDay(jth, p.entrants[i]!.powerUsdPerKwh) * opexScale
      this.entrantAllIn[i] = allIn
      if (!(h > allIn)) continue
      let committed = this.pipelineThs
      for (let k = 0; k < this.nCohorts; k++) if (this.cashCost[k]! <= allIn) committed += this.installedThs[k]!
      const gap = (onlineThs * h) / allIn - committed
      if (gap <= 0) continue
      const ths = gap * p.entrants[i]!.shareOfOrders * (pace < 1 ? pace : 1)
      this.pipeline[i * this.lag + slot] = this.pipeline[i * this.lag + slot]! + ths
      this.pipelineThs += ths
    }
  }

  /** J/TH of the best machine on sale `years` after the start (before the start: the starting frontier). */
  frontierJthAt(years: number): number {
    const p = this.params
    return p.frontierEfficiencyJth * Math.exp((years > 0 ? years : 0) * Math.log1p(-p.frontierImprovementPerYear))
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
