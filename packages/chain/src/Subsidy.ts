// The block subsidy schedule: 50 BTC halving every 210,000 blocks, zero from the 64th halving on (Core's GetBlockSubsidy).
import { requireHeight } from "./ChainErrors.ts"
import { HALVING_INTERVAL, INITIAL_SUBSIDY_SATS } from "./Constants.ts"

/** Satoshis a block at this height may create. */
export const blockSubsidy = (height: number): bigint => {
  const halvings = Math.floor(requireHeight(height) / HALVING_INTERVAL)
  return halvings >= 64 ? 0n : INITIAL_SUBSIDY_SATS >> BigInt(halvings)
}

/** The height of the first block of the n-th halving (n = 1 is 210,000; n = 4 is 1,050,000). */
export const halvingHeight = (n: number): number => requireHeight(n, "n") * HALVING_INTERVAL

/** The height of the next halving strictly after `height`. */
export const nextHalvingHeight = (height: number): number =>
  (Math.floor(requireHeight(height) / HALVING_INTERVAL) + 1) * HALVING_INTERVAL
