// One simulated path of a scenario: the market steps daily, the fleet's plan changes at its times, blocks
// arrive (every block drawn by the block engine, counts per constant-rate segment by the aggregate engine), and
// one economics core turns it into rewards, hosting fees, credits, sales and the PathOutcome. Optional sink
// calls report every fact for a complete log. Plain numbers and typed arrays; nothing allocated per block or day.
import { blockSubsidy, HALVING_INTERVAL, RETARGET_INTERVAL } from "@hashsim/chain"
import { SECONDS_PER_DAY, SECONDS_PER_YEAR } from "./Seconds.ts"
import { centsOfSats, kwhOfJoules, roundHalfEven } from "./Money.ts"
import { retargetBits, workOfBits } from "./NumberRetarget.ts"
import { emptyOutcome, type PathOutcome } from "./PathOutcome.ts"
import { binomial, checkSeed, rngFor, standardExponential, standardGamma, standardNormal } from "./random/index.ts"
import type { Sfc32 } from "./random/index.ts"
import type { EngineKind, PlanChange, ScenarioPlan, SeriesModel } from "./ScenarioPlan.ts"
import { BASIS_BLOCK, BASIS_BLOCKS, BASIS_FPPS, type SimSink } from "./SimSink.ts"

const HASHES_PER_THS = 1e12
const J_PER_KWH = 3.6e6

const POOL_SOLO = 0
const POOL_FPPS = 1

const SALES_HOLD = 0
const SALES_SHARE = 1
const SALES_COVER = 2

/**
 * Deliberate mistakes a test can switch on to show that the statistical tests have power (each is a plausible
 * bug). Never set outside tests.
 */
export interface EngineFaults {
  /** Aggregate: the fleet's blocks in a segment are round(N p) instead of Binomial(N, p). */
  readonly fleetCountRounded?: boolean
  /** Aggregate: the epoch's first block is taken at the second order statistic instead of the first. */
  readonly epochFirstOffByOne?: boolean
  /** Both engines: the block rate leaves out the fleet's own hashrate. */
  readonly rateIgnoresFleet?: boolean
  /** Both engines: the fleet's share of blocks is fleet / everyone else instead of fleet / network. */
  readonly fleetShareOfOthers?: boolean
}

export interface SimulatorOptions {
  /** Block engine: report every network block to the sink, not only the fleet's. */
  readonly everyBlock?: boolean
  readonly faults?: EngineFaults
}

const seriesAt = (model: SeriesModel & { model: "table" }, s: number): number => {
  const xs = model.atS
  const ys = model.values
  const n = xs.length
  if (s <= xs[0]!) return ys[0]!
  if (s >= xs[n - 1]!) return ys[n - 1]!
  let i = 1
  while (xs[i]! < s) i++
  const x0 = xs[i - 1]!
  const x1 = xs[i]!
  return ys[i - 1]! + ((ys[i]! - ys[i - 1]!) * (s - x0)) / (x1 - x0)
}

export class PathSimulator {
  readonly plan: ScenarioPlan
  private readonly options: SimulatorOptions
  private readonly outcome: PathOutcome
  // plan, indexed
  private readonly nSites: number
  private readonly nContracts: number
  private readonly lotJth: Float64Array
  private readonly changeAtS: Float64Array
  private readonly changes: ReadonlyArray<PlanChange>
  private readonly changeEvent: Int32Array
  private readonly cRate: Float64Array
  private readonly cSla: Float64Array
  private readonly cSlaCredit: Float64Array
  private readonly cCurtCredit: Float64Array
  private readonly cSite: Int32Array
  private readonly rcSites: Int32Array
  /** Per day: the NPV divisor (1 + r)^years, years since the start, step length in years and its root. */
  private readonly dayDiscount: Float64Array
  private readonly dayYears: Float64Array
  private readonly dayDtYears: Float64Array
  private readonly daySqrtDt: Float64Array
  private readonly dayMonth: Int32Array
  private readonly dayClosesMonth: Uint8Array
  private readonly uptimeMean: number
  private readonly uptimeSd: number
  private readonly otherGbm: boolean
  private readonly otherDrift: number
  private readonly otherSigma: number
  private readonly priceGbm: boolean
  private readonly priceDrift: number
  private readonly priceSigma: number
  // totals of the run (written to the outcome at the end)
  private totMinedSats = 0
  private totRevenueCents = 0
  private totHostingCents = 0
  private totCreditsCents = 0
  private totPoolFeeSats = 0
  private paybackDay = -1
  // per-path state
  private sink: SimSink | null = null
  private blockEngine = true
  private rArrivals!: Sfc32
  private rCounts!: Sfc32
  private rFleet!: Sfc32
  private rFees!: Sfc32
  private rPrice!: Sfc32
  private rNetwork!: Sfc32
  private rUptime!: Sfc32
  private changeCursor = 0
  // market
  private otherThs = 0
  private priceCents = 0
  private priceObservedAtS = Number.NEGATIVE_INFINITY
  private uptime = 1
  private otherDriftAdj = 0
  private priceDriftAdj = 0
  private feeMeanSats = 0
  private feeScale = 1
  // fleet
  private readonly siteThs: Float64Array
  private readonly sitePowerW: Float64Array
  private readonly siteCurt: Float64Array
  private readonly siteRandCurt: Float64Array
  private readonly contractActive: Uint8Array
  private readonly contractTouched: Uint8Array
  private fleetOnlineThs = 0
  private networkHs = 0
  private lambda = 0
  private pFleet = 0
  // chain
  private height = 0
  private bits = 0
  private work = 1
  private rRet = 1
  private rHalv = 1
  /** The tip is an era's last block and its HalvingReached is not yet announced. */
  private halvingDue = false
  private firstPending = false
  private epochFirstS = 0
  private subsidySats = 0
  private budget = 0
  // aggregate engine: budgets in expected blocks to the epoch's first block (-1: not pending) and the boundary
  private toFirst = -1
  private toBound = 0
  private interior = 0
  private counting = false
  private dayFirstHeight = 0
  private dayFleetBlocks = 0
  private daySubsidySats = 0
  private dayFeesSats = 0
  private daySoloGrossSats = 0
  // pool and sales
  private poolMode = POOL_SOLO
  private poolFee = 0
  private salesKind = SALES_HOLD
  private salesFraction = 0
  // economics accumulators
  private readonly siteEnergyJ: Float64Array
  private readonly siteCurtJ: Float64Array
  private readonly siteSlaJ: Float64Array
  private fppsGross = 0
  private fppsNet = 0
  private fppsFromS = 0
  private dayCreditedSats = 0
  private dayRevenueCents = 0
  private dayPoolFeeSats = 0
  private dayHostingCents = 0
  private dayCreditsCents = 0
  private monthCreditedSats = 0
  private monthHostingCents = 0
  private monthCreditsCents = 0
  private heldSats = 0
  private cumMarginCents = 0
  private cumCapexCents = 0
  private dayCapexCents = 0
  private npv = 0
  // random curtailment windows
  private rcStart: Float64Array = new Float64Array(16)
  private rcEnd: Float64Array = new Float64Array(16)
  private rcCount = 0
  private rcCursor = 0
  private rcActive = false
  private readonly needFleetDraws: boolean

  constructor(plan: ScenarioPlan, options: SimulatorOptions = {}) {
    this.plan = plan
    this.options = options
    this.outcome = emptyOutcome(plan.calendar.months)
    this.nSites = plan.siteIds.length
    this.nContracts = plan.contracts.length
    this.lotJth = Float64Array.from(plan.lots.map((l) => l.efficiencyJth))
    this.changeAtS = Float64Array.from(plan.changes.map((c) => c.atS))
    this.changes = plan.changes.map((c) => c.change)
    this.changeEvent = Int32Array.from(plan.changes.map((c) => c.eventIndex))
    this.cRate = Float64Array.from(plan.contracts.map((c) => c.ratePerMwhUsdCents))
    this.cSla = Float64Array.from(plan.contracts.map((c) => c.uptimeSlaFraction))
    this.cSlaCredit = Float64Array.from(plan.contracts.map((c) => c.slaCreditPerMwhUsdCents))
    this.cCurtCredit = Float64Array.from(plan.contracts.map((c) => c.curtailmentCreditPerMwhUsdCents))
    this.cSite = Int32Array.from(plan.contracts.map((c) => c.siteIndex))
    this.rcSites = Int32Array.from(plan.market.curtailment?.siteIndices ?? [])
    const cal = plan.calendar
    this.dayMonth = cal.dayMonth
    this.dayClosesMonth = cal.dayClosesMonth
    const mk = plan.market
    this.uptimeMean = mk.uptime.meanFraction
    this.uptimeSd = mk.uptime.sdFraction
    this.otherGbm = mk.otherHashrate.model === "gbm"
    this.otherDrift = mk.otherHashrate.model === "gbm" ? mk.otherHashrate.driftPerYear : 0
    this.otherSigma = mk.otherHashrate.model === "gbm" ? mk.otherHashrate.volatilityPerYear : 0
    this.priceGbm = mk.price.model === "gbm"
    this.priceDrift = mk.price.model === "gbm" ? mk.price.driftPerYear : 0
    this.priceSigma = mk.price.model === "gbm" ? mk.price.volatilityPerYear : 0
    this.dayDiscount = new Float64Array(cal.dayCount)
    this.dayYears = new Float64Array(cal.dayCount)
    this.dayDtYears = new Float64Array(cal.dayCount)
    this.daySqrtDt = new Float64Array(cal.dayCount)
    const startDayS = Math.floor(plan.startS / SECONDS_PER_DAY) * SECONDS_PER_DAY
    for (let d = 0; d < cal.dayCount; d++) {
      // The ledger report's NPV convention: a day's flows at 00:00Z of the day, (1 + r)^years from the start's day.
      const dayS = Math.floor(cal.dayStartS[d]! / SECONDS_PER_DAY) * SECONDS_PER_DAY
      this.dayDiscount[d] = Math.pow(1 + plan.discountRatePerYear, (dayS - startDayS) / SECONDS_PER_YEAR)
      this.dayYears[d] = (cal.dayStartS[d]! - plan.startS) / SECONDS_PER_YEAR
      this.dayDtYears[d] = d === 0 ? 0 : (cal.dayStartS[d]! - cal.dayStartS[d - 1]!) / SECONDS_PER_YEAR
      this.daySqrtDt[d] = Math.sqrt(this.dayDtYears[d]!)
    }
    this.siteThs = new Float64Array(this.nSites)
    this.sitePowerW = new Float64Array(this.nSites)
    this.siteCurt = new Float64Array(this.nSites)
    this.siteRandCurt = new Float64Array(this.nSites)
    this.siteEnergyJ = new Float64Array(this.nSites)
    this.siteCurtJ = new Float64Array(this.nSites)
    this.siteSlaJ = new Float64Array(this.nSites)
    this.contractActive = new Uint8Array(this.nContracts)
    this.contractTouched = new Uint8Array(this.nContracts)
    // The fleet's block count matters to money only under solo; a pool mode change could make it matter later.
    this.needFleetDraws = plan.changes.some((c) => c.change.kind === "pool" && c.change.mode === "solo") ||
      !plan.changes.some((c) => c.change.kind === "pool")
  }

  /**
   * Simulates the path of `seed` with `engine`, reporting to `sink` when given, and returns the outcome. The
   * returned object is this simulator's own and is overwritten by the next run (copyOutcome to keep it).
   */
  run(seed: number, engine: EngineKind, sink: SimSink | null = null): PathOutcome {
    checkSeed(seed)
    this.sink = sink
    this.blockEngine = engine === "block"
    this.reset(seed)
    const plan = this.plan
    const cal = plan.calendar
    const dayCount = cal.dayCount
    for (let d = 0; d < dayCount; d++) {
      const dayStart = cal.dayStartS[d]!
      const dayEnd = cal.dayEndS[d]!
      this.applyChangesUntil(dayStart)
      this.applyRandomCurtailmentUntil(dayStart)
      this.marketStep(d, dayStart)
      let t = dayStart
      while (t < dayEnd) {
        let next = dayEnd
        const nc = this.changeCursor < this.changeAtS.length ? this.changeAtS[this.changeCursor]! : Infinity
        if (nc < next) next = nc
        const nr = this.nextRandomCurtailmentS()
        if (nr < next) next = nr
        if (next > t) this.advance(t, next)
        t = next
        if (t < dayEnd) {
          this.applyChangesUntil(t)
          this.applyRandomCurtailmentUntil(t)
        }
      }
      this.closeDay(d, dayEnd)
    }
    this.finish()
    this.sink = null
    return this.outcome
  }

  /** Height of the chain's tip at the end of the last run (blocks simulated = this - plan.network.height). */
  get tipHeight(): number {
    return this.height
  }

  // ---- setup ----

  private reset(seed: number): void {
    const plan = this.plan
    this.rArrivals = rngFor(seed, "arrivals")
    // Interior block counts have their own stream so that counting (a log, solo) never shifts the arrival
    // budgets: a path's chain is the same whether or not its blocks are counted.
    // Streams only blocks that are counted or paid draw from (each is hashed from the seed and its name, so
    // creating them or not changes no other stream).
    if (this.sink !== null || this.needFleetDraws) {
      this.rCounts = rngFor(seed, "blockCounts")
      this.rFleet = rngFor(seed, "fleetShare")
      this.rFees = rngFor(seed, "fees")
    }
    this.rPrice = rngFor(seed, "price")
    this.rNetwork = rngFor(seed, "network")
    this.rUptime = rngFor(seed, "uptime")
    this.changeCursor = 0
    // Per-path parameter draws (Monte Carlo's uncertainty), in a fixed order from their own stream.
    const u = plan.market.uncertainty
    this.otherDriftAdj = 0
    this.priceDriftAdj = 0
    let feeLevel = 1
    if (u !== undefined) {
      const params = rngFor(seed, "params")
      this.otherDriftAdj = u.otherHashrateDriftSd * standardNormal(params)
      this.priceDriftAdj = u.priceDriftSd * standardNormal(params)
      const z = standardNormal(params)
      // Mean-preserving lognormal level: E[level] = 1.
      feeLevel = Math.exp(u.feeLevelSigma * z - 0.5 * u.feeLevelSigma * u.feeLevelSigma)
    }
    const fee = plan.market.feePerBlock
    this.feeMeanSats = fee.meanSats * feeLevel
    this.feeScale = this.feeMeanSats / fee.shape
    this.sampleRandomCurtailment(seed)
    // market and fleet
    this.otherThs = 0
    this.priceCents = plan.startPriceUsdCents
    this.priceObservedAtS = Number.NEGATIVE_INFINITY
    this.uptime = plan.market.uptime.meanFraction
    this.siteThs.fill(0)
    this.sitePowerW.fill(0)
    this.siteCurt.fill(0)
    this.siteRandCurt.fill(0)
    this.contractActive.fill(0)
    this.contractTouched.fill(0)
    this.siteEnergyJ.fill(0)
    this.siteCurtJ.fill(0)
    this.siteSlaJ.fill(0)
    // chain
    this.bits = plan.network.bits
    this.work = workOfBits(this.bits)
    this.syncChain(plan.network.height)
    this.epochFirstS = plan.network.epochFirstBlockTimeS
    this.budget = this.blockEngine ? standardExponential(this.rArrivals) : 0
    this.counting = !this.blockEngine && (this.sink !== null || this.needFleetDraws)
    this.drawBudgets()
    this.dayFirstHeight = this.height + 1
    this.dayFleetBlocks = 0
    this.daySubsidySats = 0
    this.dayFeesSats = 0
    this.daySoloGrossSats = 0
    this.poolMode = POOL_SOLO
    this.poolFee = 0
    this.salesKind = SALES_HOLD
    this.salesFraction = 0
    this.fppsGross = 0
    this.fppsNet = 0
    this.dayCreditedSats = 0
    this.dayRevenueCents = 0
    this.dayPoolFeeSats = 0
    this.dayHostingCents = 0
    this.dayCreditsCents = 0
    this.monthCreditedSats = 0
    this.monthHostingCents = 0
    this.monthCreditsCents = 0
    this.heldSats = 0
    this.cumMarginCents = 0
    this.cumCapexCents = 0
    this.dayCapexCents = 0
    this.npv = 0
    this.totMinedSats = 0
    this.totRevenueCents = 0
    this.totHostingCents = 0
    this.totCreditsCents = 0
    this.totPoolFeeSats = 0
    this.paybackDay = -1
    const o = this.outcome
    o.minedSats = 0
    o.revenueUsdCents = 0
    o.hostingCostUsdCents = 0
    o.creditsUsdCents = 0
    o.poolFeeSats = 0
    o.netMarginUsdCents = 0
    o.cashCostPerBtcUsdCents = Number.NaN
    o.allInCostPerBtcUsdCents = Number.NaN
    o.paybackDate = undefined
    o.paybackDays = Number.NaN
    o.npvUsdCents = 0
    o.btcHeldSats = 0
    o.fleetShareEnd = 0
    o.minedSatsByMonth.fill(0)
    o.netMarginUsdCentsByMonth.fill(0)
  }

  /** Random curtailment windows: starts as a Poisson process, exponential durations, one window at a time. */
  private sampleRandomCurtailment(seed: number): void {
    this.rcCount = 0
    this.rcCursor = 0
    this.rcActive = false
    const c = this.plan.market.curtailment
    if (c === undefined || c.eventsPerYear <= 0 || this.rcSites.length === 0) return
    const rng = rngFor(seed, "curtailment")
    const rate = c.eventsPerYear / SECONDS_PER_YEAR
    const meanDurationS = c.meanDurationHours * 3600
    let t = this.plan.startS
    for (;;) {
      t += standardExponential(rng) / rate
      if (t >= this.plan.untilS) break
      const start = Math.ceil(t)
      const end = start + Math.max(1, Math.round(standardExponential(rng) * meanDurationS))
      if (start >= this.plan.untilS) break
      if (this.rcCount === this.rcStart.length) {
        const s = new Float64Array(this.rcCount * 2)
        s.set(this.rcStart)
        this.rcStart = s
        const e = new Float64Array(this.rcCount * 2)
        e.set(this.rcEnd)
        this.rcEnd = e
      }
      this.rcStart[this.rcCount] = start
      this.rcEnd[this.rcCount] = end
      this.rcCount++
      t = end
    }
  }

  /** Chain bookkeeping for a tip `height` at the current bits: subsidy and the blocks to the next boundaries. */
  private syncChain(height: number): void {
    this.height = height
    const next = height + 1
    this.subsidySats = Number(blockSubsidy(next))
    const epochStart = next - (next % RETARGET_INTERVAL)
    this.rRet = epochStart + RETARGET_INTERVAL - 1 - height
    this.firstPending = next === epochStart
    if (next % HALVING_INTERVAL === 0) {
      // The tip is an era's last block: until HalvingReached the ledger counts the old subsidy, so the halving
      // is announced as soon as the tip is known (applyChangesUntil, at the start or at an observed event).
      this.subsidySats = Number(blockSubsidy(height))
      this.halvingDue = true
      this.rHalv = HALVING_INTERVAL + 1 // reset by halving() before any block is mined
    } else {
      const nextHalving = (Math.floor(next / HALVING_INTERVAL) + 1) * HALVING_INTERVAL
      this.rHalv = nextHalving - 1 - height
      this.halvingDue = false
    }
  }

  // ---- plan changes and market ----

  private nextRandomCurtailmentS(): number {
    if (this.rcCursor >= this.rcCount) return Infinity
    return this.rcActive ? this.rcEnd[this.rcCursor]! : this.rcStart[this.rcCursor]!
  }

  private applyRandomCurtailmentUntil(t: number): void {
    let changed = false
    for (;;) {
      const at = this.nextRandomCurtailmentS()
      if (at > t) break
      const fraction = this.plan.market.curtailment?.fraction ?? 0
      // A scheduled curtailment takes precedence: a random window does not start at a site already curtailed
      // (one curtailment per site at a time, as the ledger keeps it).
      for (let i = 0; i < this.rcSites.length; i++) {
        const s = this.rcSites[i]!
        if (this.rcActive) {
          if (this.siteRandCurt[s]! > 0) {
            this.siteRandCurt[s] = 0
            if (this.sink !== null) this.sink.curtailmentEnded(at, s)
          }
        } else if (this.siteCurt[s] === 0) {
          this.siteRandCurt[s] = fraction
          if (this.sink !== null) this.sink.curtailmentStarted(at, s, fraction)
        }
      }
      if (this.rcActive) this.rcCursor++
      this.rcActive = !this.rcActive
      changed = true
    }
    if (changed) this.updateRates()
  }

  private applyChangesUntil(t: number): void {
    const times = this.changeAtS
    let changed = false
    while (this.changeCursor < times.length && times[this.changeCursor]! <= t) {
      const i = this.changeCursor++
      const at = times[i]!
      const ev = this.changeEvent[i]!
      const change = this.changes[i]!
      if (change.kind === "curtail" && change.fraction > 0 && this.siteRandCurt[change.siteIndex]! > 0) {
        // A scheduled curtailment ends the random window at its site first.
        this.siteRandCurt[change.siteIndex] = 0
        if (this.sink !== null) this.sink.curtailmentEnded(at, change.siteIndex)
      }
      if (ev >= 0 && this.sink !== null) this.sink.planEvent(ev)
      this.applyChange(change, at)
      if (this.halvingDue) {
        this.halvingDue = false
        this.halving(at)
      }
      changed = true
    }
    if (changed) this.updateRates()
  }

  private applyChange(c: PlanChange, at: number): void {
    switch (c.kind) {
      case "deploy":
        this.siteThs[c.siteIndex] = Math.max(0, this.siteThs[c.siteIndex]! + c.hashrateThs)
        this.sitePowerW[c.siteIndex] = Math.max(0, this.sitePowerW[c.siteIndex]! + c.hashrateThs * this.lotJth[c.lotIndex]!)
        break
      case "curtail":
        this.siteCurt[c.siteIndex] = c.fraction
        break
      case "pool":
        this.poolMode = c.mode === "fpps" ? POOL_FPPS : POOL_SOLO
        this.poolFee = c.feeFraction
        break
      case "sales":
        this.salesKind = c.policy.kind === "hold" ? SALES_HOLD : c.policy.kind === "sellShareMonthly" ? SALES_SHARE : SALES_COVER
        this.salesFraction = c.policy.kind === "sellShareMonthly" ? c.policy.fraction : 0
        break
      case "sell":
        this.heldSats -= c.amountSats
        break
      case "price":
        this.priceCents = c.priceUsdCents
        this.priceObservedAtS = at
        break
      case "purchase":
        this.dayCapexCents += this.plan.lots[c.lotIndex]!.priceUsdCents
        break
      case "contractStart":
        this.contractActive[c.contractIndex] = 1
        this.contractTouched[c.contractIndex] = 1
        break
      case "contractEnd":
        this.contractActive[c.contractIndex] = 0
        break
      case "difficulty":
        // Observed history: the chain is where the real one was; the next block starts the new epoch.
        this.bits = c.newBits
        this.work = workOfBits(c.newBits)
        this.syncChain(c.height - 1)
        this.dayFirstHeight = this.height + 1
        this.drawBudgets()
        break
      case "block":
        this.syncChain(c.height)
        if (c.height % RETARGET_INTERVAL === 0) {
          this.epochFirstS = c.blockTimeS
          this.firstPending = false
        }
        this.dayFirstHeight = this.height + 1
        this.drawBudgets()
        if (c.fleet && this.poolMode === POOL_SOLO) this.creditBlock(at, c.subsidySats + c.feesSats, c.height, BASIS_BLOCK)
        break
      case "none":
        break
    }
  }

  private marketStep(d: number, dayStart: number): void {
    let uptime = this.uptimeMean
    if (this.uptimeSd > 0) uptime += this.uptimeSd * standardNormal(this.rUptime)
    this.uptime = uptime < 0 ? 0 : uptime > 1 ? 1 : uptime
    const dt = this.dayDtYears[d]!
    const sqrtDt = this.daySqrtDt[d]!
    if (!this.otherGbm) {
      const adj = this.otherDriftAdj
      const oh = this.plan.market.otherHashrate as SeriesModel & { model: "table" }
      this.otherThs = seriesAt(oh, dayStart) * (adj === 0 ? 1 : Math.exp(adj * this.dayYears[d]!))
    } else if (d === 0) {
      this.updateRates()
      this.otherThs = Math.max(0, this.plan.network.hashrateThs - this.fleetOnlineThs)
    } else {
      const sigma = this.otherSigma
      const drift = (this.otherDrift + this.otherDriftAdj - 0.5 * sigma * sigma) * dt
      this.otherThs *= Math.exp(sigma > 0 ? drift + sigma * sqrtDt * standardNormal(this.rNetwork) : drift)
    }
    if (this.priceObservedAtS === dayStart) {
      // A price observed at the day's start is that day's price.
    } else if (!this.priceGbm) {
      const adj = this.priceDriftAdj
      const pm = this.plan.market.price as SeriesModel & { model: "table" }
      this.priceCents = roundHalfEven(seriesAt(pm, dayStart) * (adj === 0 ? 1 : Math.exp(adj * this.dayYears[d]!)))
    } else if (d > 0) {
      // Steps from the price in effect, so an observed price carries into the forecast.
      const sigma = this.priceSigma
      const drift = (this.priceDrift + this.priceDriftAdj - 0.5 * sigma * sigma) * dt
      this.priceCents = roundHalfEven(
        this.priceCents * Math.exp(sigma > 0 ? drift + sigma * sqrtDt * standardNormal(this.rPrice) : drift)
      )
    }
    this.updateRates()
    if (this.sink !== null) this.sink.marketStepped(dayStart, this.priceCents, this.otherThs, this.uptime)
  }

  private updateRates(): void {
    let online = 0
    for (let s = 0; s < this.nSites; s++) {
      const c = this.siteCurt[s]! > this.siteRandCurt[s]! ? this.siteCurt[s]! : this.siteRandCurt[s]!
      online += this.siteThs[s]! * (1 - c)
    }
    online *= this.uptime
    this.fleetOnlineThs = online
    const network = this.otherThs + online
    this.pFleet = network > 0 ? online / network : 0
    if (this.options.faults?.fleetShareOfOthers === true) this.pFleet = this.otherThs > 0 ? Math.min(1, online / this.otherThs) : 0
    this.networkHs = (this.options.faults?.rateIgnoresFleet === true ? this.otherThs : network) * HASHES_PER_THS
    this.lambda = this.networkHs / this.work
  }

  // ---- a constant-rate stretch [a, b) ----

  private advance(a: number, b: number): void {
    const dt = b - a
    // Energy, curtailment and SLA shortfall per site (rates are constant over [a, b)).
    for (let c = 0; c < this.nContracts; c++) {
      if (this.contractActive[c] === 0) continue
      const s = this.cSite[c]!
      const w = this.sitePowerW[s]!
      const cf = this.siteCurt[s]! > this.siteRandCurt[s]! ? this.siteCurt[s]! : this.siteRandCurt[s]!
      this.siteEnergyJ[s] = this.siteEnergyJ[s]! + w * (1 - cf) * this.uptime * dt
      if (cf > 0) this.siteCurtJ[s] = this.siteCurtJ[s]! + w * cf * this.uptime * dt
      const short = this.cSla[c]! - this.uptime
      if (short > 0) this.siteSlaJ[s] = this.siteSlaJ[s]! + w * (1 - cf) * short * dt
    }
    this.fppsFromS = a
    if (this.blockEngine) this.advanceBlocks(a, b)
    else this.advanceAggregate(a, b)
    this.accrueFpps(b)
  }

  /** FPPS: the fleet's hashes since fppsFromS over the work per block, times subsidy + expected fees. */
  private accrueFpps(to: number): void {
    if (this.poolMode === POOL_FPPS && to > this.fppsFromS) {
      const blocks = (this.fleetOnlineThs * HASHES_PER_THS * (to - this.fppsFromS)) / this.work
      const value = blocks * (this.subsidySats + this.feeMeanSats)
      this.fppsGross += value
      this.fppsNet += value * (1 - this.poolFee)
    }
    this.fppsFromS = to
  }

  /** Block engine: every inter-arrival drawn; the unit-exponential budget carries over stretch boundaries. */
  private advanceBlocks(a: number, b: number): void {
    let tc = a
    const sink = this.sink
    const everyBlock = this.options.everyBlock === true && sink !== null
    const drawFleet = sink !== null || (this.needFleetDraws && this.poolMode === POOL_SOLO)
    for (;;) {
      const lambda = this.lambda
      if (!(lambda > 0)) return
      const cap = lambda * (b - tc)
      if (this.budget >= cap) {
        this.budget -= cap
        return
      }
      tc += this.budget / lambda
      this.height++
      if (this.firstPending) {
        this.epochFirstS = Math.floor(tc)
        this.firstPending = false
      }
      if (drawFleet && this.rFleet.nextDouble() < this.pFleet) this.fleetBlock(tc)
      else if (everyBlock) sink.blockFound(tc, this.height, false, this.subsidySats, 0)
      if (--this.rRet === 0) this.retarget(tc)
      if (--this.rHalv === 0) this.halving(tc)
      this.budget = standardExponential(this.rArrivals)
    }
  }

  private fleetBlock(t: number): void {
    if (t < this.plan.observedBlocksUntilS) return
    const solo = this.poolMode === POOL_SOLO
    let fees = 0
    if (this.feeMeanSats > 0 && (solo || this.sink !== null)) {
      fees = Math.floor(standardGamma(this.rFees, this.plan.market.feePerBlock.shape) * this.feeScale)
    }
    if (this.sink !== null) this.sink.blockFound(t, this.height, true, this.subsidySats, fees)
    if (solo) this.creditBlock(t, this.subsidySats + fees, this.height, BASIS_BLOCK)
  }

  /** Solo credit of `grossSats` found by the fleet (one block, or a day's blocks for the aggregate engine). */
  private creditBlock(t: number, grossSats: number, height: number, basis: typeof BASIS_BLOCK | typeof BASIS_BLOCKS): void {
    const net = Math.floor(grossSats * (1 - this.poolFee))
    const fee = grossSats - net
    if (this.sink !== null) this.sink.rewardCredited(t, net, fee, basis, height)
    this.credit(net, fee)
  }

  private credit(netSats: number, poolFeeSats: number): void {
    this.dayCreditedSats += netSats
    this.dayPoolFeeSats += poolFeeSats
    this.dayRevenueCents += centsOfSats(netSats, this.priceCents)
    this.heldSats += netSats
  }

  /**
   * Aggregate engine, in the time-changed clock Lambda(t) = integral of the block rate, where blocks are a
   * unit-rate Poisson process whatever the rate does: the epoch's first block is Exp(1) ahead, the boundary
   * block (retarget or halving, r blocks ahead) is Gamma(r - 1, 1) after it, and the blocks in between are
   * uniform on that stretch. A constant-rate stretch [a, b) just spends lambda * (b - a) of these budgets, so
   * nothing is drawn per day unless blocks must be counted (a log, or solo payouts): then a day's interior
   * blocks are Binomial(remaining, its share of the remaining stretch), the fleet's Binomial(n, p).
   */
  private advanceAggregate(a: number, b: number): void {
    let tc = a
    for (;;) {
      const lambda = this.lambda
      if (!(lambda > 0)) return
      const len = lambda * (b - tc)
      if (this.toBound > len) {
        let n = 0
        let interior = len
        let remaining = this.toBound
        if (this.toFirst >= 0) {
          if (this.toFirst <= len) {
            this.epochFirstS = Math.floor(tc + this.toFirst / lambda)
            this.firstPending = false
            n = 1
            interior = len - this.toFirst
            remaining = this.toBound - this.toFirst
            this.toFirst = -1
          } else {
            this.toFirst -= len
            interior = 0
          }
        }
        if (this.counting) {
          if (interior > 0 && this.interior > 0) {
            const k = binomial(this.rCounts, this.interior, interior / remaining)
            this.interior -= k
            n += k
          }
          if (n > 0) this.takeBlocks(n, tc)
        }
        this.toBound -= len
        return
      }
      const tau = tc + this.toBound / lambda
      let n = this.interior + 1
      if (this.toFirst >= 0) {
        this.epochFirstS = Math.floor(tc + this.toFirst / lambda)
        this.firstPending = false
        if (this.toFirst < this.toBound) n += 1
      }
      if (this.counting) this.takeBlocks(n, tc)
      else this.skipBlocks(this.rRet < this.rHalv ? this.rRet : this.rHalv)
      // A period ends at the boundary block, so the summary never spans a retarget or a halving.
      if (this.sink !== null) this.flushPeriod(tau)
      if (this.rRet === 0) this.retarget(tau)
      if (this.rHalv === 0) this.halving(tau)
      this.drawBudgets()
      tc = tau
    }
  }

  /** Aggregate: the budgets to the next epoch-first block (if pending) and to the next boundary block. */
  private drawBudgets(): void {
    if (this.blockEngine) return
    const r = this.rRet < this.rHalv ? this.rRet : this.rHalv
    const rng = this.rArrivals
    if (this.firstPending) {
      this.toFirst = this.options.faults?.epochFirstOffByOne === true ? standardGamma(rng, 2) : standardExponential(rng)
      this.toBound = this.toFirst + (r >= 2 ? standardGamma(rng, r - 1) : 0)
      this.interior = r >= 2 ? r - 2 : 0
    } else {
      this.toFirst = -1
      this.toBound = standardGamma(rng, r)
      this.interior = r - 1
    }
  }

  /** Aggregate without counting: the chain jumps to the boundary block. */
  private skipBlocks(k: number): void {
    this.height += k
    this.rRet -= k
    this.rHalv -= k
  }

  /** Aggregate: `k` network blocks at the current subsidy; the fleet's share thinned binomially, fees as one gamma. */
  private takeBlocks(k: number, from: number): void {
    this.height += k
    this.rRet -= k
    this.rHalv -= k
    if (from < this.plan.observedBlocksUntilS) return
    const fleet = this.options.faults?.fleetCountRounded === true
      ? Math.round(k * this.pFleet)
      : binomial(this.rFleet, k, this.pFleet)
    if (fleet === 0) return
    let fees = 0
    if (this.feeMeanSats > 0) {
      fees = Math.floor(standardGamma(this.rFees, fleet * this.plan.market.feePerBlock.shape) * this.feeScale)
    }
    this.dayFleetBlocks += fleet
    this.daySubsidySats += fleet * this.subsidySats
    this.dayFeesSats += fees
    if (this.poolMode === POOL_SOLO) this.daySoloGrossSats += fleet * this.subsidySats + fees
  }

  private retarget(t: number): void {
    this.accrueFpps(t)
    this.rRet = RETARGET_INTERVAL
    this.firstPending = true
    if (t < this.plan.observedDifficultyUntilS) return // observed retargets stand in for generated ones
    const last = Math.floor(t)
    const newBits = retargetBits(this.bits, this.epochFirstS, last)
    if (this.sink !== null) this.sink.difficultyAdjusted(t, this.height + 1, this.bits, newBits, this.epochFirstS, last)
    this.bits = newBits
    this.work = workOfBits(newBits)
    this.lambda = this.networkHs / this.work
  }

  private halving(t: number): void {
    this.accrueFpps(t)
    this.subsidySats = Number(blockSubsidy(this.height + 1))
    this.rHalv = HALVING_INTERVAL
    if (this.sink !== null) this.sink.halvingReached(t, this.height + 1, this.subsidySats)
  }

  // ---- the day's and the month's books ----

  /** Aggregate: the summary of the blocks since the last one (BlocksMined), for a log. */
  private flushPeriod(t: number): void {
    this.sink!.blocksMined(t, this.dayFirstHeight, this.height, this.dayFleetBlocks, this.daySubsidySats, this.dayFeesSats)
    this.dayFirstHeight = this.height + 1
    this.dayFleetBlocks = 0
    this.daySubsidySats = 0
    this.dayFeesSats = 0
  }

  private closeDay(d: number, dayEnd: number): void {
    const sink = this.sink
    const stamp = dayEnd - 1
    if (!this.blockEngine) {
      if (sink !== null) this.flushPeriod(stamp)
      if (this.daySoloGrossSats > 0) this.creditBlock(stamp, this.daySoloGrossSats, -1, BASIS_BLOCKS)
      this.daySoloGrossSats = 0
    }
    if (this.fppsGross > 0) {
      const gross = Math.floor(this.fppsGross)
      const net = Math.floor(this.fppsNet)
      if (sink !== null) sink.rewardCredited(stamp, net, gross - net, BASIS_FPPS, -1)
      this.credit(net, gross - net)
      this.fppsGross = 0
      this.fppsNet = 0
    }
    for (let c = 0; c < this.nContracts; c++) {
      if (this.contractTouched[c] === 0) continue
      const s = this.cSite[c]!
      const kwh = kwhOfJoules(this.siteEnergyJ[s]!)
      const fee = roundHalfEven((kwh * this.cRate[c]!) / 1000)
      if (sink !== null) sink.hostingFeeCharged(stamp, c, d, kwh, fee)
      this.dayHostingCents += fee
      const curtKwh = this.siteCurtJ[s] === 0 ? 0 : kwhOfJoules(this.siteCurtJ[s]!)
      if (curtKwh > 0 && this.cCurtCredit[c]! > 0) {
        const amount = roundHalfEven((curtKwh * this.cCurtCredit[c]!) / 1000)
        if (sink !== null) sink.curtailmentCredited(stamp, c, d, curtKwh, amount)
        this.dayCreditsCents += amount
      }
      const slaKwh = this.siteSlaJ[s] === 0 ? 0 : kwhOfJoules(this.siteSlaJ[s]!)
      if (slaKwh > 0 && this.cSlaCredit[c]! > 0) {
        const amount = roundHalfEven((slaKwh * this.cSlaCredit[c]!) / 1000)
        if (sink !== null) sink.slaCredited(stamp, c, d, slaKwh, amount)
        this.dayCreditsCents += amount
      }
      this.siteEnergyJ[s] = 0
      this.siteCurtJ[s] = 0
      this.siteSlaJ[s] = 0
      this.contractTouched[c] = this.contractActive[c]!
    }
    // Outcome: totals, months, payback, NPV.
    const m = this.dayMonth[d]!
    const margin = this.dayRevenueCents - this.dayHostingCents + this.dayCreditsCents
    this.totMinedSats += this.dayCreditedSats
    this.totRevenueCents += this.dayRevenueCents
    this.totHostingCents += this.dayHostingCents
    this.totCreditsCents += this.dayCreditsCents
    this.totPoolFeeSats += this.dayPoolFeeSats
    const minedByMonth = this.outcome.minedSatsByMonth
    const marginByMonth = this.outcome.netMarginUsdCentsByMonth
    minedByMonth[m] = minedByMonth[m]! + this.dayCreditedSats
    marginByMonth[m] = marginByMonth[m]! + margin
    this.cumMarginCents += margin
    this.cumCapexCents += this.dayCapexCents
    if (this.paybackDay < 0 && this.cumCapexCents > 0 && this.cumMarginCents >= this.cumCapexCents) this.paybackDay = d
    this.npv += (margin - this.dayCapexCents) / this.dayDiscount[d]!
    this.dayCapexCents = 0
    this.monthCreditedSats += this.dayCreditedSats
    this.monthHostingCents += this.dayHostingCents
    this.monthCreditsCents += this.dayCreditsCents
    this.dayCreditedSats = 0
    this.dayRevenueCents = 0
    this.dayPoolFeeSats = 0
    this.dayHostingCents = 0
    this.dayCreditsCents = 0
    if (this.dayClosesMonth[d] === 1) this.closeMonth(stamp)
  }

  private closeMonth(stamp: number): void {
    const price = this.priceCents
    let amount = 0
    if (this.salesKind === SALES_SHARE) {
      amount = Math.floor(this.salesFraction * this.monthCreditedSats)
    } else if (this.salesKind === SALES_COVER && price > 0) {
      const need = this.monthHostingCents - this.monthCreditsCents
      if (need > 0) {
        amount = Math.ceil(need * (1e8 / price))
        while (centsOfSats(amount, price) < need) amount++
        while (amount > 0 && centsOfSats(amount - 1, price) >= need) amount--
      }
    }
    if (amount > this.heldSats) amount = this.heldSats
    if (amount > 0 && price > 0) {
      const proceeds = centsOfSats(amount, price)
      if (this.sink !== null) this.sink.btcSold(stamp, amount, price, proceeds)
      this.heldSats -= amount
    }
    this.monthCreditedSats = 0
    this.monthHostingCents = 0
    this.monthCreditsCents = 0
  }

  private finish(): void {
    const o = this.outcome
    const plan = this.plan
    const cal = plan.calendar
    o.minedSats = this.totMinedSats
    o.revenueUsdCents = this.totRevenueCents
    o.hostingCostUsdCents = this.totHostingCents
    o.creditsUsdCents = this.totCreditsCents
    o.poolFeeSats = this.totPoolFeeSats
    if (this.paybackDay >= 0) {
      const d = this.paybackDay
      o.paybackDate = cal.dayLabels[d]!
      o.paybackDays = Math.floor(cal.dayStartS[d]! / SECONDS_PER_DAY) - Math.floor(cal.dayStartS[0]! / SECONDS_PER_DAY)
    }
    o.netMarginUsdCents = o.revenueUsdCents - o.hostingCostUsdCents + o.creditsUsdCents
    o.npvUsdCents = roundHalfEven(this.npv)
    o.btcHeldSats = this.heldSats
    o.fleetShareEnd = this.pFleet
    if (o.minedSats > 0) {
      const cash = o.hostingCostUsdCents - o.creditsUsdCents
      // Capex spread per second owned within each lot's life, inside the horizon.
      let depreciation = 0
      for (const lot of plan.lots) {
        const lifeS = lot.lifeYears * SECONDS_PER_YEAR
        const owned = Math.min(plan.untilS, lot.purchasedAtS + lifeS) - lot.purchasedAtS
        if (owned > 0) depreciation += (lot.priceUsdCents * owned) / lifeS
      }
      o.cashCostPerBtcUsdCents = roundHalfEven((cash * 1e8) / o.minedSats)
      o.allInCostPerBtcUsdCents = roundHalfEven(((cash + depreciation) * 1e8) / o.minedSats)
    }
  }
}
