// Expected mining value: the fleet's expected blocks (its hashes over the work per block), what FPPS pays for them
// (subsidy + expected fee per block), and the pool's fee. Solo pays found blocks net of the same fee.

export const HASHES_PER_THS = 1e12

/** Expected blocks of `onlineThs` TH/s over `durationS` seconds at `workPerBlock` expected hashes a block. */
export const expectedBlocks = (onlineThs: number, durationS: number, workPerBlock: number): number =>
  (onlineThs * HASHES_PER_THS * durationS) / workPerBlock

/** FPPS gross value (sats, unrounded) of `blocks` expected blocks: blocks x (subsidy + expected fee per block). */
export const fppsGrossSats = (blocks: number, subsidySats: number, expectedFeeSats: number): number =>
  blocks * (subsidySats + expectedFeeSats)

/** What the pool passes on of `sats` (unrounded): sats x (1 - fee fraction). */
export const netOfPoolFee = (sats: number, poolFeeFraction: number): number => sats * (1 - poolFeeFraction)

/**
 * Satoshis credited of an accrued (unrounded) amount: floored, the pool keeps the fraction of a sat. FPPS floors
 * the gross and the net of a day's accruals each; a solo block credits floor(net of fee) and the fee is the rest.
 */
export const floorSats = (sats: number): number => Math.floor(sats)
