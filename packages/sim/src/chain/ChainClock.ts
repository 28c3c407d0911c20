// The chain as a path sees it: the tip's height, its bits and work per block, the blocks left to the next
// retarget and halving, the epoch's first block time, the subsidy. The engines move the tip; the retarget and
// the halving happen here (the simulator's hooks around them add the pool accrual and the rates).
import { blockSubsidy, HALVING_INTERVAL, RETARGET_INTERVAL } from "@hashsim/chain"
import { retargetBits, workOfBits } from "../NumberRetarget.ts"
import type { SimSink } from "../sinks/SimSink.ts"

export class ChainClock {
  height = 0
  bits = 0
  /** Expected hashes per block at `bits`. */
  work = 1
  /** Blocks to the next retarget block (the epoch's last) and to the next halving's last old-subsidy block. */
  toRetarget = 1
  toHalving = 1
  /** The tip is an era's last block and its HalvingReached is not yet announced. */
  halvingDue = false
  /** The epoch's first block is not mined yet (its time starts the retarget's timespan). */
  firstPending = false
  epochFirstS = 0
  subsidySats = 0

  /** The tip at `bits` (a path's start, or an observed retarget). */
  setBits(bits: number): void {
    this.bits = bits
    this.work = workOfBits(bits)
  }

  /** Bookkeeping for a tip `height` at the current bits: subsidy and the blocks to the next boundaries. */
  sync(height: number): void {
    this.height = height
    const next = height + 1
    this.subsidySats = Number(blockSubsidy(next))
    const epochStart = next - (next % RETARGET_INTERVAL)
    this.toRetarget = epochStart + RETARGET_INTERVAL - 1 - height
    this.firstPending = next === epochStart
    if (next % HALVING_INTERVAL === 0) {
      // The tip is an era's last block: until HalvingReached the ledger counts the old subsidy, so the halving
      // is announced as soon as the tip is known (at the start or at an observed event).
      this.subsidySats = Number(blockSubsidy(height))
      this.halvingDue = true
      this.toHalving = HALVING_INTERVAL + 1 // reset by halve() before any block is mined
    } else {
      const nextHalving = (Math.floor(next / HALVING_INTERVAL) + 1) * HALVING_INTERVAL
      this.toHalving = nextHalving - 1 - height
      this.halvingDue = false
    }
  }

  /** Observed block at `height` with header time `blockTimeS`: the chain continues from it. */
  observeBlock(height: number, blockTimeS: number): void {
    this.sync(height)
    if (height % RETARGET_INTERVAL === 0) {
      this.epochFirstS = blockTimeS
      this.firstPending = false
    }
  }

  /**
   * The epoch's last block was generated at `t`: a new epoch starts and the bits follow Bitcoin's rule (inside an
   * observed stretch no block is generated, the observed retarget sets the bits: setBits and sync).
   */
  retarget(t: number, log: SimSink | null): void {
    this.toRetarget = RETARGET_INTERVAL
    this.firstPending = true
    const last = Math.floor(t)
    const newBits = retargetBits(this.bits, this.epochFirstS, last)
    if (log !== null) log.difficultyAdjusted(t, this.height + 1, this.bits, newBits, this.epochFirstS, last)
    this.setBits(newBits)
  }

  /** The era's last block was mined at `t`: the subsidy halves from the next block. */
  halve(t: number, log: SimSink | null): void {
    this.subsidySats = Number(blockSubsidy(this.height + 1))
    this.toHalving = HALVING_INTERVAL
    if (log !== null) log.halvingReached(t, this.height + 1, this.subsidySats)
  }
}
