// The range of every numeric input of the catalogue, chosen so that no total the tools compute (revenue, hosting
// cost, credits, capex, sats mined) can leave the range where a double holds every integer exactly (2^53 - 1).
// The derivation is in docs/EVENTS.md ("Bounds"); each limit says what real value it leaves room for.

/** 2^53 - 1: every integer of money (sats, cents) the tools sum stays at or below this. */
export const MAX_EXACT = Number.MAX_SAFE_INTEGER

/** Longest horizon (until - start): 50 years of 365.25 days. The longest mining contracts run 5-10 years. */
export const MAX_HORIZON_DAYS = 18_262
export const MAX_HORIZON_S = MAX_HORIZON_DAYS * 86_400

/** Network hashrate: 10^12 TH/s (1 YH/s, ~1,000x the 2024 network of ~7.5 x 10^8 TH/s). */
export const MAX_NETWORK_THS = 1e12
/** The fleet (each lot, and all lots bought together): 10^9 TH/s (1 ZH/s, above the whole 2024 network). */
export const MAX_FLEET_THS = 1e9
/** Machine efficiency: up to 200 J/TH (an Antminer S9 draws ~98 J/TH; today's ~15-20). */
export const MAX_EFFICIENCY_JTH = 200
/** Hosting rates and credits: up to 100,000 cents per MWh ($1/kWh; industrial power is $0.03-0.10/kWh). */
export const MAX_RATE_PER_MWH_USD_CENTS = 100_000
/** BTC price: up to $3,000,000 (3 x 10^8 cents), ~30x the 2024 high. */
export const MAX_BTC_PRICE_USD_CENTS = 300_000_000
/** One lot's price, and all capex together (cash or shares): up to $10^13 (10^15 cents). */
export const MAX_CAPEX_USD_CENTS = 1e15
/** Shares issued for one lot (and their price, per share, up to MAX_BTC_PRICE_USD_CENTS). */
export const MAX_SHARES = 1e12
/** Bitcoin's supply cap in sats (21 million BTC): no amount of sats can exceed it. */
export const MAX_SATS = 2_100_000_000_000_000
/** Mean fees per block: up to 5 x 10^7 sats (0.5 BTC; the 2024 average was ~0.03 BTC). */
export const MAX_FEE_PER_BLOCK_SATS = 50_000_000
/** Drifts of the GBM models: within +-100% a year (log scale). */
export const MAX_DRIFT_PER_YEAR = 1
/** Volatilities of the GBM models: up to 300% a year (BTC's has been ~50-100%). */
export const MAX_VOLATILITY_PER_YEAR = 3
/** Discount rate for NPV: 0 to 100% a year (a negative rate would multiply late cash flows without bound). */
export const MAX_DISCOUNT_RATE_PER_YEAR = 1
/** Machine life: up to 50 years. */
export const MAX_LIFE_YEARS = 50
/** Random curtailment: up to one event an hour, each up to a year long. */
export const MAX_CURTAILMENT_EVENTS_PER_YEAR = 8_760
export const MAX_CURTAILMENT_DURATION_HOURS = 8_760
/** Gamma shape of the fee model, and the spread of per-path parameter draws. */
export const MAX_FEE_SHAPE = 1_000
export const MAX_PARAMETER_SD = 3
/** Energy in one generated invoice line (kWh a day): fleet x efficiency x 24 h. */
export const MAX_DAILY_KWH = (MAX_FLEET_THS * MAX_EFFICIENCY_JTH * 24) / 1000

/** Market models (docs/MARKET.md): machine prices up to $10,000 per TH/s (2024's were ~$10-30). */
export const MAX_MACHINE_PRICE_USD_PER_TH = 10_000
/** The hashprice network's lags (orders, switching): up to ten years of days. */
export const MAX_MARKET_LAG_DAYS = 3_653
/** The hashprice network's machine classes and entrant power prices: at most 1,000 of each. */
export const MAX_MARKET_LIST = 1_000
/** Jumps of the jump-diffusion price: up to one a day on average; a jump's log size (mean, sd) within +-5. */
export const MAX_JUMPS_PER_YEAR = 366
export const MAX_JUMP_LOG_SIZE = 5
/** An operating policy's hashprice floor: up to $1,000,000 per PH/s per day. */
export const MAX_HASHPRICE_USD_PER_PH_DAY = 1_000_000
