// The block engine, the reference: every inter-arrival time drawn (Exp(1) budgets spent at the block rate, the
// budget carrying over stretch boundaries), each block the fleet's with probability pFleet. Replayable
// block-level logs come from here. Inside an observed stretch ObservedArrivals mines instead (in this form).
import { NamedStream, standardExponential, type Sfc32 } from "../random/index.ts"
import type { ChainClock } from "../chain/ChainClock.ts"
import type { Fleet } from "../fleet/Fleet.ts"
import type { FeeModel } from "../market/FeeModel.ts"
import type { Pool } from "../pool/Pool.ts"
import { BASIS_BLOCK, type SimSink } from "../sinks/SimSink.ts"
import type { BlockArrivals, EngineHooks } from "./BlockArrivals.ts"

export class BlockEngine implements BlockArrivals {
  private readonly sArrivals = new NamedStream("arrivals")
  private readonly sFleet = new NamedStream("fleetShare")
  private rArrivals!: Sfc32
  private rFleet!: Sfc32
  private budget = 0
  private log: SimSink | null = null
  private needFleetDraws = false

  constructor(
    private readonly chain: ChainClock,
    private readonly fleet: Fleet,
    private readonly pool: Pool,
    private readonly fees: FeeModel,
    private readonly hooks: EngineHooks,
    /** Report every network block to the log, not only the fleet's. */
    private readonly everyBlock: boolean
  ) {}

  reset(seed: number, log: SimSink | null, needFleetDraws: boolean): void {
    this.log = log
    this.needFleetDraws = needFleetDraws
    this.rArrivals = this.sArrivals.open(seed)
    if (log !== null || needFleetDraws) this.rFleet = this.sFleet.open(seed)
    this.budget = standardExponential(this.rArrivals)
  }

  resync(): void {}

  closeDay(_stamp: number): void {}

  advance(a: number, b: number): void {
    let tc = a
    const log = this.log
    const chain = this.chain
    const fleet = this.fleet
    const everyBlock = this.everyBlock && log !== null
    // Drawn whenever the path may ever pay solo, not only while it does: a path's fleet blocks must not depend on
    // whether a log is written (a Monte Carlo path is the run's path).
    const drawFleet = log !== null || this.needFleetDraws
    for (;;) {
      const lambda = fleet.lambda
      if (!(lambda > 0)) return
      const cap = lambda * (b - tc)
      if (this.budget >= cap) {
        this.budget -= cap
        return
      }
      tc += this.budget / lambda
      chain.height++
      if (chain.firstPending) {
        chain.epochFirstS = Math.floor(tc)
        chain.firstPending = false
      }
      if (drawFleet && this.rFleet.nextDouble() < fleet.pFleet) this.fleetBlock(tc)
      else if (everyBlock) log.blockFound(tc, chain.height, false, chain.subsidySats, 0, Math.floor(tc))
      if (--chain.toRetarget === 0) this.hooks.retarget(tc)
      if (--chain.toHalving === 0) this.hooks.halving(tc)
      this.budget = standardExponential(this.rArrivals)
    }
  }

  private fleetBlock(t: number): void {
    const solo = this.pool.solo
    // Drawn for every fleet block, paid or not, so the fee stream is the same with or without a log.
    const fees = this.fees.draw(1)
    if (this.log !== null) this.log.blockFound(t, this.chain.height, true, this.chain.subsidySats, fees, Math.floor(t))
    if (solo) this.hooks.creditSolo(t, this.chain.subsidySats + fees, this.chain.height, BASIS_BLOCK)
  }
}
