// One simulated path of a scenario, as a day loop: each day the plan's changes and random curtailment apply at
// their times, the market steps, the engine mines every constant-rate stretch between them, and the day closes
// (payouts, hosting books, the outcome, the month's sale). The parts live in their own modules (chain/, engine/,
// market/, fleet/, pool/, books/, treasury/, outcome/); this class wires them and owns the order of things. Inside
// an observed stretch ObservedArrivals mines the observed chain; at its last observation the chosen engine takes over.
// Plain numbers and typed arrays; nothing allocated per block or day.
import { floorSats } from "@hashsim/economics"
import { HostingBooks } from "./books/HostingBooks.ts"
import { ChainClock } from "./chain/ChainClock.ts"
import { AggregateEngine } from "./engine/AggregateEngine.ts"
import type { BlockArrivals, EngineHooks } from "./engine/BlockArrivals.ts"
import { BlockEngine } from "./engine/BlockEngine.ts"
import { ObservedArrivals } from "./engine/ObservedArrivals.ts"
import type { EngineFaults } from "./engine/EngineFaults.ts"
import { Fleet } from "./fleet/Fleet.ts"
import { Operator } from "./fleet/Operator.ts"
import { Market } from "./market/Market.ts"
import { RandomCurtailment } from "./market/RandomCurtailment.ts"
import { OutcomeSink } from "./outcome/OutcomeSink.ts"
import type { PathOutcome } from "./outcome/PathOutcome.ts"
import { Pool } from "./pool/Pool.ts"
import { checkSeed } from "./random/index.ts"
import { indexPlan, type PlanIndex } from "./scenario/PlanIndex.ts"
import type { EngineKind, PlanChange, ScenarioPlan } from "./scenario/ScenarioPlan.ts"
import { BASIS_BLOCK, BASIS_FPPS, type RewardBasisCode, type SimSink } from "./sinks/SimSink.ts"
import { Treasury } from "./treasury/Treasury.ts"

export type { EngineFaults } from "./engine/EngineFaults.ts"

export interface SimulatorOptions {
  /** Block engine: report every network block to the sink, not only the fleet's. */
  readonly everyBlock?: boolean
  readonly faults?: EngineFaults
}

export class PathSimulator implements EngineHooks {
  readonly plan: ScenarioPlan
  private readonly index: PlanIndex
  private readonly chain = new ChainClock()
  private readonly fleet: Fleet
  private readonly operator: Operator
  private readonly market: Market
  private readonly curtailment: RandomCurtailment
  private readonly pool: Pool
  private readonly books: HostingBooks
  private readonly treasury = new Treasury()
  private readonly out: OutcomeSink
  private readonly blockEngine: BlockEngine
  private readonly aggregateEngine: AggregateEngine
  /** Inside the observed stretch, in the block and the aggregate engine's forms (null: nothing observed). */
  private readonly observedBlock: ObservedArrivals | null
  private readonly observedAggregate: ObservedArrivals | null
  // per run
  private engine!: BlockArrivals
  /** The engine after the observed stretch (the one chosen), and the stretch's, while it lasts. */
  private generating!: BlockArrivals
  private observed: ObservedArrivals | null = null
  private log: SimSink | null = null
  private changeCursor = 0
  /** When the next plan change is due (Infinity: none left), so a day without one costs a comparison. */
  private nextChangeS = Infinity

  constructor(plan: ScenarioPlan, options: SimulatorOptions = {}) {
    this.plan = plan
    this.index = indexPlan(plan)
    this.market = new Market(plan, this.index, this.chain, options.faults)
    this.fleet = new Fleet(this.index.nSites, this.market, this.chain, options.faults)
    this.pool = new Pool(this.fleet, this.chain, this.market.fees)
    this.curtailment = new RandomCurtailment(plan.market.curtailment, plan.startS, plan.untilS)
    this.books = new HostingBooks(this.index, this.fleet, this.market)
    this.operator = new Operator(this.index, this.fleet, this.market, this.books, this.pool)
    this.out = new OutcomeSink(plan, this.index, this.market, this.treasury)
    const { chain, fleet, pool } = this
    const fees = this.market.fees
    const everyBlock = options.everyBlock === true
    this.blockEngine = new BlockEngine(chain, fleet, pool, fees, this, everyBlock)
    this.aggregateEngine = new AggregateEngine(chain, fleet, pool, fees, this, options.faults)
    const stretch = plan.observed
    this.observedBlock = stretch === null ? null : new ObservedArrivals(stretch, plan.startS, chain, fleet, pool, fees, this, true, everyBlock)
    this.observedAggregate = stretch === null ? null : new ObservedArrivals(stretch, plan.startS, chain, fleet, pool, fees, this, false, false)
  }

  /**
   * Simulates the path of `seed` with `engine`, reporting to `sink` when given, and returns the outcome. The
   * returned object is this simulator's own and is overwritten by the next run (copyOutcome to keep it).
   */
  run(seed: number, engine: EngineKind, sink: SimSink | null = null): PathOutcome {
    checkSeed(seed)
    this.log = sink
    this.generating = engine === "block" ? this.blockEngine : this.aggregateEngine
    this.observed = engine === "block" ? this.observedBlock : this.observedAggregate
    this.engine = this.observed ?? this.generating
    this.reset(seed)
    const cal = this.plan.calendar
    for (let d = 0; d < cal.dayCount; d++) {
      const dayStart = cal.dayStartS[d]!
      const dayEnd = cal.dayEndS[d]!
      if (this.nextChangeS <= dayStart || this.curtailment.nextS() <= dayStart) this.applyUntil(dayStart)
      this.stepMarket(d, dayStart, dayEnd)
      let t = dayStart
      while (t < dayEnd) {
        let next = dayEnd
        const nc = this.nextChangeS
        if (nc < next) next = nc
        const nr = this.curtailment.nextS()
        if (nr < next) next = nr
        if (next > t) this.advance(t, next)
        t = next
        if (t < dayEnd) this.applyUntil(t)
      }
      this.closeDay(d, dayEnd - 1)
    }
    const endS = this.plan.untilS - 1
    const m = this.market
    this.out.pathParameters(m.otherDriftAdjPerYear, m.priceDriftAdjPerYear, m.fees.level, this.operator.daysOff)
    this.out.pathEnded(endS, this.fleet.pFleet, this.treasury.heldSats, m.priceUsdCents)
    if (sink !== null) sink.pathEnded(endS, this.fleet.pFleet, this.treasury.heldSats, m.priceUsdCents)
    this.log = null
    return this.out.outcome
  }

  /** The path's market (read-outs for tests and reports: the day's hashprice, the network's cohorts). */
  get marketView(): Market {
    return this.market
  }

  /** Height of the chain's tip at the end of the last run (blocks simulated = this - plan.network.height). */
  get tipHeight(): number {
    return this.chain.height
  }

  /** Every part back to the plan's start; the order of the draws is each part's own (named streams). */
  private reset(seed: number): void {
    const plan = this.plan
    const counted = this.log !== null || this.index.needFleetDraws
    this.changeCursor = 0
    this.nextChangeS = this.index.changeAtS.length > 0 ? this.index.changeAtS[0]! : Infinity
    this.market.reset(seed, counted)
    this.curtailment.reset(seed)
    this.fleet.reset()
    this.operator.reset()
    this.books.reset()
    this.pool.reset()
    this.treasury.reset()
    this.out.reset()
    this.chain.setBits(plan.network.bits)
    this.chain.sync(plan.network.height)
    this.chain.epochFirstS = plan.network.epochFirstBlockTimeS
    this.generating.reset(seed, this.log, this.index.needFleetDraws)
    if (this.observed !== null) this.observed.reset(seed, this.log, this.index.needFleetDraws)
  }

  // ---- changes at their times ----

  /** The plan's changes and random curtailment windows due by `t`, then the rates they change. */
  private applyUntil(t: number): void {
    const ix = this.index
    let changed = false
    while (this.changeCursor < ix.changeAtS.length && ix.changeAtS[this.changeCursor]! <= t) {
      const i = this.changeCursor++
      this.nextChangeS = this.changeCursor < ix.changeAtS.length ? ix.changeAtS[this.changeCursor]! : Infinity
      const at = ix.changeAtS[i]!
      const change = ix.changes[i]!
      if (change.kind === "curtail" && change.fraction > 0) this.curtailment.yieldTo(change.siteIndex, at, this.fleet, this.log)
      // An observed retarget or block finds the chain where it says: the blocks before it are mined first.
      if ((change.kind === "difficulty" || change.kind === "block") && this.observed !== null) this.observed.reach(change.anchor, at)
      if (ix.changeEvent[i]! >= 0 && this.log !== null) this.log.planEvent(ix.changeEvent[i]!)
      this.apply(change, at)
      if (this.chain.halvingDue) {
        this.chain.halvingDue = false
        this.halving(at)
      }
      changed = true
    }
    if (changed) this.updateRates()
    if (this.curtailment.applyUntil(t, this.fleet, this.log)) this.updateRates()
  }

  /** What one plan change does to the path (the ledger's evolve, for the parts the simulation needs). */
  private apply(c: PlanChange, at: number): void {
    switch (c.kind) {
      case "deploy":
        return this.fleet.deploy(c.siteIndex, c.hashrateThs, this.index.lotJth[c.lotIndex]!)
      case "curtail":
        this.fleet.siteCurtailed[c.siteIndex] = c.fraction
        return
      case "pool":
        return this.pool.configure(c.mode, c.feeFraction)
      case "sales":
        return this.treasury.setPolicy(c.policy)
      case "operating":
        return this.operator.setPolicy(c.policy)
      case "sell":
        this.out.btcSold(at, c.amountSats, c.priceUsdCents, c.proceedsUsdCents)
        return this.treasury.sold(c.amountSats)
      case "price":
        return this.market.observePrice(at, c.priceUsdCents)
      case "purchase": {
        const price = this.index.lotPriceUsdCents[c.lotIndex]!
        this.out.capexSpent(at, c.lotIndex, price)
        if (this.log !== null) this.log.capexSpent(at, c.lotIndex, price)
        return
      }
      case "contractStart":
        return this.books.start(c.contractIndex)
      case "contractEnd":
        return this.books.end(c.contractIndex)
      case "difficulty": {
        // Observed history: the chain is where the real one was; the next block starts the new epoch. The network
        // is what the closed epoch's pace implies, so everyone else's hashrate continues from that less the fleet.
        this.chain.setBits(c.newBits)
        this.chain.sync(c.height - 1)
        if (!Number.isNaN(c.impliedThs)) {
          const others = c.impliedThs - this.fleet.onlineThs
          this.market.rebaseOthers(at, others > 0 ? others : 0)
        }
        return this.afterObserved(at, c.closesStretch)
      }
      case "block":
        this.chain.observeBlock(c.height, c.blockTimeS)
        if (this.observed !== null) this.observed.passed(c.anchor, c.height, at)
        if (c.fleet && this.pool.solo) this.creditSolo(at, c.subsidySats + c.feesSats, c.height, BASIS_BLOCK)
        return this.afterObserved(at, c.closesStretch)
      case "fees":
        return this.market.fees.observe(c.meanSats)
      case "operation":
        this.fleet.observedThs = c.hashrateThs
        return
      case "none":
        return
      default:
        return c satisfies never
    }
  }

  /** After an observed retarget or block at `t`: after the last observation, the chosen engine generates from here. */
  private afterObserved(t: number, closesStretch: boolean): void {
    const observed = this.observed
    if (observed === null || !closesStretch) return
    observed.handOver(t)
    this.observed = null
    this.engine = this.generating
    this.engine.resync()
  }

  /** The day's market, then the operating policy's decision on it, then the rates that follow. */
  private stepMarket(d: number, dayStart: number, dayEnd: number): void {
    const m = this.market
    m.step(d, dayStart, this.fleet)
    if (this.log !== null) this.log.marketStepped(dayStart, m.priceUsdCents, m.otherThs, m.uptimeFraction)
    this.operator.decide(dayStart, dayEnd - dayStart, this.log)
    this.updateRates()
  }

  private updateRates(): void {
    this.fleet.update()
  }

  // ---- a constant-rate stretch [a, b) ----

  private advance(a: number, b: number): void {
    this.books.accrue(b - a)
    this.pool.fromS = a
    this.engine.advance(a, b)
    this.accrueFpps(b)
  }

  private accrueFpps(to: number): void {
    this.pool.accrue(to)
  }

  retarget(t: number): void {
    this.accrueFpps(t)
    this.chain.retarget(t, this.log)
    this.fleet.rework()
  }

  halving(t: number): void {
    this.accrueFpps(t)
    this.chain.halve(t, this.log)
  }

  creditSolo(t: number, grossSats: number, height: number, basis: RewardBasisCode): void {
    const net = this.pool.netOf(grossSats)
    this.credit(t, net, grossSats - net, basis, height)
  }

  /** A reward reaches the treasury; the sinks hear of it at the price in effect. */
  private credit(t: number, netSats: number, poolFeeSats: number, basis: RewardBasisCode, height: number): void {
    this.out.credited(netSats, poolFeeSats)
    if (this.log !== null) this.log.rewardCredited(t, netSats, poolFeeSats, basis, height, this.market.priceUsdCents)
    this.treasury.credit(netSats)
  }

  // ---- the day's close ----

  private closeDay(d: number, stamp: number): void {
    this.engine.closeDay(stamp)
    const pool = this.pool
    if (pool.fppsGross > 0) {
      const gross = floorSats(pool.fppsGross)
      const net = floorSats(pool.fppsNet)
      this.credit(stamp, net, gross - net, BASIS_FPPS, -1)
      pool.fppsGross = 0
      pool.fppsNet = 0
    }
    const books = this.books
    books.closeDay(d, stamp, this.log)
    this.out.invoiced(books.dayHostingUsdCents, books.dayCreditsUsdCents)
    this.treasury.invoiced(books.dayHostingUsdCents, books.dayCreditsUsdCents)
    // The month's sale is the day's last fact, so its proceeds are in the day's cash flow.
    if (this.plan.calendar.dayClosesMonth[d] === 1) this.treasury.closeMonth(stamp, this.market.priceUsdCents, this.out, this.log)
    this.out.dayMarket(d)
    this.out.dayClosed(stamp, d)
    if (this.log !== null) this.log.dayClosed(stamp, d)
  }
}
