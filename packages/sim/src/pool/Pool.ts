// The pool the fleet mines in: solo (the fleet keeps what it finds, less the pool fee) or FPPS (the expected
// value of its hashes, accrued over every constant-rate stretch and credited once a day, floored to the sat).
import * as economics from "@hashsim/economics"
import type { PoolMode } from "../scenario/ScenarioPlan.ts"

// Bound once: under tsx's module transform every use of an imported name is a getter call, too dear per day.
const { expectedBlocks, floorSats, fppsGrossSats, netOfPoolFee } = economics

export class Pool {
  constructor(
    /** Read at each accrual: the fleet's online TH/s, the work per block and subsidy, the mean fee per block. */
    private readonly fleet: { readonly onlineThs: number },
    private readonly chain: { readonly work: number; readonly subsidySats: number },
    private readonly fees: { readonly meanSats: number }
  ) {}

  solo = true
  feeFraction = 0
  /** FPPS: the day's accrued value before and after the pool fee (fractional sats), and accrued up to `fromS`. */
  fppsGross = 0
  fppsNet = 0
  fromS = 0

  reset(): void {
    this.solo = true
    this.feeFraction = 0
    this.fppsGross = 0
    this.fppsNet = 0
  }

  configure(mode: PoolMode, feeFraction: number): void {
    // pplns is refused by the compiler (not simulated yet); any mode but fpps pays as solo.
    this.solo = mode !== "fpps"
    this.feeFraction = feeFraction
  }

  /** The satoshis kept of `grossSats` found solo. */
  netOf(grossSats: number): number {
    return floorSats(netOfPoolFee(grossSats, this.feeFraction))
  }

  /** FPPS: accrues the fleet's hashes from `fromS` to `to` at the current rates (solo: only moves `fromS`). */
  accrue(to: number): void {
    if (!this.solo && to > this.fromS) {
      const value = fppsGrossSats(expectedBlocks(this.fleet.onlineThs, to - this.fromS, this.chain.work), this.chain.subsidySats, this.fees.meanSats)
      this.fppsGross += value
      this.fppsNet += netOfPoolFee(value, this.feeFraction)
    }
    this.fromS = to
  }
}
