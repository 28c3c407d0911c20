// Mainnet consensus parameters, in one place (Bitcoin Core's chainparams.cpp).

/** The easiest target mainnet allows: compact 0x1d00ffff, difficulty 1. */
export const POW_LIMIT_BITS = 0x1d00ffff
export const POW_LIMIT: bigint = 0xffffn << 208n
/** Seconds between blocks the retarget aims for. */
export const TARGET_SPACING_S = 600
/** Seconds a retarget epoch should take: two weeks. */
export const TARGET_TIMESPAN_S = 14 * 24 * 60 * 60
/** Blocks per retarget epoch. */
export const RETARGET_INTERVAL = TARGET_TIMESPAN_S / TARGET_SPACING_S
/** Blocks between subsidy halvings. */
export const HALVING_INTERVAL = 210_000
/** The subsidy of the first epoch, in satoshis (50 BTC). */
export const INITIAL_SUBSIDY_SATS = 50n * 100_000_000n
export const SATS_PER_BTC = 100_000_000n
/** Core's MAX_MONEY (amount.h): no amount of satoshis, fees of a block included, can exceed 21 million BTC. */
export const MAX_MONEY_SATS: bigint = 21_000_000n * SATS_PER_BTC
/** 2^256: expected work per block is 2^256 / (target + 1). */
export const TWO_POW_256: bigint = 1n << 256n
