// Expected hashes to find one block at a target, as Bitcoin Core's GetBlockProof.
import { compactToTarget } from "./Compact.ts"
import { TWO_POW_256 } from "./Constants.ts"

/** 2^256 / (target + 1), computed as Core does with ~target / (target + 1) + 1; 0 for an invalid target. */
export const workForBits = (bits: number): bigint => {
  const { target, negative, overflow } = compactToTarget(bits)
  if (negative || overflow || target === 0n) return 0n
  return (TWO_POW_256 - 1n - target) / (target + 1n) + 1n
}
