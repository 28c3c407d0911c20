// The engine inside an observed stretch (chain/ObservedStretch.ts): the network's blocks are the observed ones, so
// between two anchors their count (the heights between) and their span (the two times) are facts and the blocks in
// between are placed uniformly there (the order statistics of arrivals at any rate, given their count); only the
// fleet's share is drawn, each block the fleet's with probability online / the hashrate the epoch implies. A block
// that must be mined at a known time — an epoch's first (its time starts the retarget's timespan) or an era's last
// (the halving follows it) — is made an anchor of its own: its time is the Beta order statistic of its rank. So no
// block passes an observed retarget, no first-block time contradicts one, and every observed block finds the chain
// one block short of it. As the engine whose log it writes: `perBlock` (block engine: each fleet block a
// BlockFound) or a summary per period (aggregate engine: BlocksMined at each anchor and day close).
import { HALVING_INTERVAL, RETARGET_INTERVAL } from "@hashsim/chain"
import { beta, binomial, NamedStream, standardExponential, type Sfc32 } from "../random/index.ts"
import type { ChainClock } from "../chain/ChainClock.ts"
import { ANCHOR_ENGINE, type ObservedStretch } from "../chain/ObservedStretch.ts"
import type { Fleet } from "../fleet/Fleet.ts"
import type { FeeModel } from "../market/FeeModel.ts"
import type { Pool } from "../pool/Pool.ts"
import { BASIS_BLOCK, type SimSink } from "../sinks/SimSink.ts"
import type { BlockArrivals, EngineHooks } from "./BlockArrivals.ts"
import { MinedTally } from "./MinedTally.ts"

export class ObservedArrivals implements BlockArrivals {
  private readonly sArrivals = new NamedStream("observedArrivals")
  private readonly sCounts = new NamedStream("observedCounts")
  private readonly sFleet = new NamedStream("observedFleet")
  private rArrivals!: Sfc32
  private rCounts!: Sfc32
  private rFleet!: Sfc32
  private log: SimSink | null = null
  private counting = false
  private drawFleet = false
  /** The next anchor of the stretch (the end of the current window); past the last: the stretch is over. */
  anchor = 0
  /** The current window: from `fromS` (blocks before it are mined) to its end block at `endS`, `interior` between. */
  private fromS = 0
  private endS = 0
  private endHeight = 0
  private endHeaderS = 0
  /** The end is a block this engine mines (an epoch's first or last, or a split), not an observed BlockFound. */
  private endMined = false
  /** The window ends at a split (a block drawn at its rank), not at the anchor; the anchor's window resumes after it. */
  private split = false
  private interior = 0
  /** Block engine: the time of the next interior block (Infinity when none is left). */
  private nextS = Number.POSITIVE_INFINITY
  /** Online / impliedThs is the fleet's share of the window's blocks. */
  private impliedThs = 1
  /** Aggregate form: the period's summary (BlocksMined) and the day's solo gross. */
  private readonly tally: MinedTally

  constructor(
    private readonly stretch: ObservedStretch,
    /** The scenario's start: the first window's blocks come after it. */
    private readonly startS: number,
    private readonly chain: ChainClock,
    private readonly fleet: Fleet,
    private readonly pool: Pool,
    private readonly fees: FeeModel,
    private readonly hooks: EngineHooks,
    /** Block engine form: each block placed and drawn; otherwise counts per stretch (aggregate form). */
    private readonly perBlock: boolean,
    /** Block engine: report every network block to the log, not only the fleet's. */
    private readonly everyBlock: boolean
  ) {
    this.tally = new MinedTally(chain, pool, hooks)
  }

  reset(seed: number, log: SimSink | null, needFleetDraws: boolean): void {
    this.log = log
    this.rArrivals = this.sArrivals.open(seed)
    this.counting = this.perBlock || log !== null || needFleetDraws
    this.drawFleet = log !== null || needFleetDraws
    if (this.counting) this.rCounts = this.sCounts.open(seed)
    if (this.drawFleet) this.rFleet = this.sFleet.open(seed)
    this.tally.reset()
    this.anchor = 0
    this.openWindow(this.chain.height, this.startS)
  }

  /** Whether anchors remain (the stretch is not over). */
  get active(): boolean {
    return this.anchor < this.stretch.height.length
  }

  resync(): void {}

  /** The fleet's share of the window's blocks. */
  private share(): number {
    const p = this.fleet.onlineThs / this.impliedThs
    return p < 1 ? p : 1
  }

  /**
   * The window from the tip (`fromHeight`, mined by `fromS`) to the next anchor, or to the first block inside it
   * that must be mined at a known time (an epoch's first, an era's last): that block's time is the order statistic
   * of its rank among the window's blocks, Beta(j, m + 1 - j) of the way along.
   */
  private openWindow(fromHeight: number, fromS: number): void {
    const s = this.stretch
    const i = this.anchor
    const anchorHeight = s.height[i]!
    const anchorS = s.atS[i]!
    const opens = s.windowFromS[i]!
    const start = fromS > opens ? fromS : opens
    this.fromS = start
    this.impliedThs = s.impliedThs[i]!
    const m = anchorHeight - fromHeight - 1
    // The first block inside the window that must be mined at a known time.
    const nextEpoch = (Math.floor(fromHeight / RETARGET_INTERVAL) + 1) * RETARGET_INTERVAL
    const eraLast = (Math.floor((fromHeight + 1) / HALVING_INTERVAL) + 1) * HALVING_INTERVAL - 1
    const splitHeight = nextEpoch < eraLast ? nextEpoch : eraLast
    if (splitHeight < anchorHeight) {
      const j = splitHeight - fromHeight
      const at = start + (anchorS - start) * beta(this.rArrivals, j, m + 1 - j)
      this.split = true
      this.endS = at
      this.endHeight = splitHeight
      this.endHeaderS = Math.floor(at)
      this.endMined = true
      this.interior = j - 1
    } else {
      this.split = false
      this.endS = anchorS
      this.endHeight = anchorHeight
      this.endHeaderS = s.headerS[i]!
      this.endMined = s.kind[i] === ANCHOR_ENGINE
      this.interior = m
    }
    this.nextS = this.perBlock && this.interior > 0 ? this.nextInterior(start) : Number.POSITIVE_INFINITY
  }

  /** Block engine: the first of the window's remaining interior blocks after `t` (they are uniform on (t, endS)). */
  private nextInterior(t: number): number {
    const x = -Math.expm1(-standardExponential(this.rArrivals) / this.interior)
    const next = t + (this.endS - t) * x
    return next < this.endS ? next : this.endS
  }

  advance(a: number, b: number): void {
    this.mineUntil(a, b, false)
  }

  /**
   * Mines the window's blocks before `b` (up to and including `b` when `inclusive`), moving on through mined ends;
   * stops at an observed block's anchor (its plan event mines it) and, when inclusive, right after the anchor mined
   * at `b` (its retarget follows).
   */
  private mineUntil(a: number, b: number, inclusive: boolean): void {
    for (;;) {
      if (!this.active) return
      const end = this.endS
      const hi = end < b ? end : b
      if (this.perBlock) {
        while (this.nextS < hi || (inclusive && this.nextS <= hi)) {
          const t = this.nextS
          this.interior--
          this.mineOne(t, Math.floor(t))
          this.nextS = this.interior > 0 ? this.nextInterior(t) : Number.POSITIVE_INFINITY
        }
      } else if (this.counting && this.interior > 0 && hi > this.fromS) {
        const k = hi >= end ? this.interior : binomial(this.rCounts, this.interior, (hi - this.fromS) / (end - this.fromS))
        this.interior -= k
        if (k > 0) this.mineMany(k)
      }
      if (hi > this.fromS) this.fromS = hi
      const reached = end < b || (inclusive && end <= b)
      if (!reached || !this.endMined) return
      const atAnchor = !this.split
      this.finishWindow()
      // The anchor mined at `b` is the observed event's: what follows it waits for that event.
      if (atAnchor && inclusive && end === b) return
    }
  }

  /** Mines what is left of the window (interior blocks not yet counted: all of them when not counting) and its end. */
  private finishWindow(): void {
    const t = this.endS
    if (this.interior > 0) {
      const k = this.interior
      this.interior = 0
      if (this.perBlock) for (let i = 0; i < k; i++) this.mineOne(t, Math.floor(t))
      else this.mineMany(k)
    }
    if (this.perBlock) this.mineOne(t, this.endHeaderS)
    else {
      this.mineMany(1)
      this.noteFirst(this.endHeaderS)
    }
    const height = this.endHeight
    if (!this.split) this.anchor++
    if (this.chain.toHalving === 0) {
      // A summary never spans a halving: the era's last block closes the period.
      if (this.log !== null && !this.perBlock) this.tally.flushPeriod(this.log, t)
      this.hooks.halving(t)
    }
    if (this.split || this.active) this.openWindow(height, t)
  }

  /** The chain's epoch start time when the block just mined is an epoch's first. */
  private noteFirst(headerS: number): void {
    const chain = this.chain
    if (chain.firstPending && chain.height % RETARGET_INTERVAL === 0) {
      chain.epochFirstS = headerS
      chain.firstPending = false
    }
  }

  /** Block engine form: one network block at `t` with header time `headerS`. */
  private mineOne(t: number, headerS: number): void {
    const chain = this.chain
    chain.height++
    chain.toRetarget--
    chain.toHalving--
    if (chain.firstPending && chain.height % RETARGET_INTERVAL === 0) {
      chain.epochFirstS = headerS
      chain.firstPending = false
    }
    if (this.drawFleet && this.rFleet.nextDouble() < this.share()) {
      const solo = this.pool.solo
      // Drawn for every fleet block, paid or not, so the fee stream is the same with or without a log.
      const fees = this.fees.draw(1)
      if (this.log !== null) this.log.blockFound(t, chain.height, true, chain.subsidySats, fees, headerS)
      if (solo) this.hooks.creditSolo(t, chain.subsidySats + fees, chain.height, BASIS_BLOCK)
    } else if (this.everyBlock && this.log !== null) this.log.blockFound(t, chain.height, false, chain.subsidySats, 0, headerS)
  }

  /** Aggregate form: `k` network blocks at the current subsidy, the fleet's Binomial(k, p). */
  private mineMany(k: number): void {
    const chain = this.chain
    chain.height += k
    chain.toRetarget -= k
    chain.toHalving -= k
    if (!this.drawFleet) return
    const fleet = binomial(this.rFleet, k, this.share())
    if (fleet === 0) return
    this.tally.add(fleet, this.fees.draw(fleet))
  }

  /**
   * An observed event at `t` fixes the block of anchor `anchor` (a retarget's epoch's last, or an observed block):
   * every block before it is mined first (and, in aggregate form, summarised), so the event finds the chain where
   * the observation says it is.
   */
  reach(anchor: number, t: number): void {
    while (this.active && this.anchor <= anchor) {
      const before = this.anchor
      this.mineUntil(this.fromS, t, true)
      if (this.anchor === before) break
    }
    if (this.log !== null && !this.perBlock) this.tally.flushPeriod(this.log, t)
  }

  /** After an observed block's event (the chain now holds it): the window to the next anchor. */
  passed(anchor: number, height: number, t: number): void {
    if (this.anchor !== anchor) return
    this.anchor++
    this.tally.firstHeight = height + 1
    if (this.active) this.openWindow(height, t)
  }

  /** The stretch is over at `t`: the day's solo gross so far is credited now (the generating engine takes over). */
  handOver(t: number): void {
    this.tally.creditSolo(t)
  }

  closeDay(stamp: number): void {
    if (this.log !== null && !this.perBlock) this.tally.flushPeriod(this.log, stamp)
    this.tally.creditSolo(stamp)
  }
}
