// The aggregate engine, in the time-changed clock Lambda(t) = integral of the block rate, where blocks are a
// unit-rate Poisson process whatever the rate does: the epoch's first block is Exp(1) ahead, the boundary block
// (retarget or halving, r blocks ahead) is Gamma(r - 1, 1) after it, and the blocks in between are uniform on
// that stretch. A constant-rate stretch [a, b) just spends lambda * (b - a) of these budgets, so nothing is drawn
// per day unless blocks must be counted (a log, or solo payouts): then a day's interior blocks are
// Binomial(remaining, its share of the remaining stretch), the fleet's Binomial(n, p). Inside an observed stretch
// ObservedArrivals mines instead (in this form: BlocksMined summaries).
import { binomial, NamedStream, standardExponential, standardGamma, type Sfc32 } from "../random/index.ts"
import type { ChainClock } from "../chain/ChainClock.ts"
import type { Fleet } from "../fleet/Fleet.ts"
import type { FeeModel } from "../market/FeeModel.ts"
import type { Pool } from "../pool/Pool.ts"
import type { SimSink } from "../sinks/SimSink.ts"
import type { BlockArrivals, EngineHooks } from "./BlockArrivals.ts"
import type { EngineFaults } from "./EngineFaults.ts"
import { MinedTally } from "./MinedTally.ts"

export class AggregateEngine implements BlockArrivals {
  private readonly sArrivals = new NamedStream("arrivals")
  private readonly sCounts = new NamedStream("blockCounts")
  private readonly sFleet = new NamedStream("fleetShare")
  private rArrivals!: Sfc32
  private rCounts!: Sfc32
  private rFleet!: Sfc32
  private log: SimSink | null = null
  /** Budgets in expected blocks to the epoch's first block (-1: not pending) and to the boundary block. */
  private toFirst = -1
  private toBound = 0
  /** Blocks strictly between the epoch's first (or the last counted) and the boundary block, not yet placed. */
  private interior = 0
  private counting = false
  private readonly tally: MinedTally
  private readonly fleetCountRounded: boolean
  private readonly epochFirstOffByOne: boolean

  constructor(
    private readonly chain: ChainClock,
    private readonly fleet: Fleet,
    pool: Pool,
    private readonly fees: FeeModel,
    private readonly hooks: EngineHooks,
    faults: EngineFaults | undefined
  ) {
    this.tally = new MinedTally(chain, pool, hooks)
    this.fleetCountRounded = faults?.fleetCountRounded === true
    this.epochFirstOffByOne = faults?.epochFirstOffByOne === true
  }

  reset(seed: number, log: SimSink | null, needFleetDraws: boolean): void {
    this.log = log
    this.rArrivals = this.sArrivals.open(seed)
    // Interior block counts have their own stream so that counting (a log, solo) never shifts the arrival
    // budgets: a path's chain is the same whether or not its blocks are counted.
    this.counting = log !== null || needFleetDraws
    if (this.counting) {
      this.rCounts = this.sCounts.open(seed)
      this.rFleet = this.sFleet.open(seed)
    }
    this.drawBudgets()
    this.tally.reset()
  }

  resync(): void {
    this.tally.firstHeight = this.chain.height + 1
    this.drawBudgets()
  }

  advance(a: number, b: number): void {
    let tc = a
    const chain = this.chain
    for (;;) {
      const lambda = this.fleet.lambda
      if (!(lambda > 0)) return
      const len = lambda * (b - tc)
      if (this.toBound > len) {
        let n = 0
        let interior = len
        let remaining = this.toBound
        if (this.toFirst >= 0) {
          if (this.toFirst <= len) {
            chain.epochFirstS = Math.floor(tc + this.toFirst / lambda)
            chain.firstPending = false
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
          if (n > 0) this.takeBlocks(n)
        }
        this.toBound -= len
        return
      }
      const tau = tc + this.toBound / lambda
      let n = this.interior + 1
      if (this.toFirst >= 0) {
        chain.epochFirstS = Math.floor(tc + this.toFirst / lambda)
        chain.firstPending = false
        if (this.toFirst < this.toBound) n += 1
      }
      if (this.counting) this.takeBlocks(n)
      else this.skipBlocks(chain.toRetarget < chain.toHalving ? chain.toRetarget : chain.toHalving)
      // A period ends at the boundary block, so the summary never spans a retarget or a halving.
      if (this.log !== null) this.tally.flushPeriod(this.log, tau)
      if (chain.toRetarget === 0) this.hooks.retarget(tau)
      if (chain.toHalving === 0) this.hooks.halving(tau)
      this.drawBudgets()
      tc = tau
    }
  }

  closeDay(stamp: number): void {
    if (this.log !== null) this.tally.flushPeriod(this.log, stamp)
    this.tally.creditSolo(stamp)
  }

  /** The budgets to the next epoch-first block (if pending) and to the next boundary block. */
  private drawBudgets(): void {
    const chain = this.chain
    const r = chain.toRetarget < chain.toHalving ? chain.toRetarget : chain.toHalving
    const rng = this.rArrivals
    if (chain.firstPending) {
      this.toFirst = this.epochFirstOffByOne ? standardGamma(rng, 2) : standardExponential(rng)
      this.toBound = this.toFirst + (r >= 2 ? standardGamma(rng, r - 1) : 0)
      this.interior = r >= 2 ? r - 2 : 0
    } else {
      this.toFirst = -1
      this.toBound = standardGamma(rng, r)
      this.interior = r - 1
    }
  }

  /** Without counting: the chain jumps to the boundary block. */
  private skipBlocks(k: number): void {
    const chain = this.chain
    chain.height += k
    chain.toRetarget -= k
    chain.toHalving -= k
  }

  /** `k` network blocks at the current subsidy; the fleet's share thinned binomially, fees as one gamma. */
  private takeBlocks(k: number): void {
    const chain = this.chain
    chain.height += k
    chain.toRetarget -= k
    chain.toHalving -= k
    const p = this.fleet.pFleet
    const fleet = this.fleetCountRounded ? Math.round(k * p) : binomial(this.rFleet, k, p)
    if (fleet === 0) return
    this.tally.add(fleet, this.fees.draw(fleet))
  }
}
