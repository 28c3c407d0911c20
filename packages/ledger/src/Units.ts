// The field types every event shares (units in the names, money in integers), as Effect Schema checks.
import { Schema } from "effect"
import * as B from "./Bounds.ts"
import { isAt, isDay } from "./Time.ts"
import { atProblem } from "./TimeProblems.ts"

/** A finite number in [minimum, maximum] (bounds: Bounds.ts, derived in docs/EVENTS.md). */
export const between = (minimum: number, maximum: number) =>
  Schema.Number.check(Schema.isFinite(), Schema.isBetween({ minimum, maximum }))
/** A finite number in (0, maximum]. */
export const positiveUpTo = (maximum: number) =>
  Schema.Number.check(Schema.isFinite(), Schema.isGreaterThan(0), Schema.isLessThanOrEqualTo(maximum))
/** A whole number in [minimum, maximum]. */
export const intBetween = (minimum: number, maximum: number) => Schema.Int.check(Schema.isBetween({ minimum, maximum }))

/** Network hashrate in TH/s: finite, 0 to 10^12. */
export const Ths = between(0, B.MAX_NETWORK_THS)
/** The fleet's hashrate (a purchase, a deployment, a removal): (0, 10^9] TH/s. */
export const PositiveThs = positiveUpTo(B.MAX_FLEET_THS)
/** The network's total hashrate at the start: (0, 10^12] TH/s. */
export const PositiveNetworkThs = positiveUpTo(B.MAX_NETWORK_THS)
/** A count or an amount of satoshis / cents: a safe non-negative integer. */
export const NonNegativeInt = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))
export const PositiveInt = Schema.Int.check(Schema.isGreaterThan(0))
/** Satoshis: 0 to Bitcoin's supply cap (2.1 x 10^15). */
export const Sats = intBetween(0, B.MAX_SATS)
/** US cents of a total the tools computed (an invoice, proceeds): a safe non-negative integer. */
export const UsdCents = NonNegativeInt
/** A BTC (or share) price in cents: 0 to $3,000,000. */
export const PriceUsdCents = intBetween(0, B.MAX_BTC_PRICE_USD_CENTS)
/** A hosting rate or credit in cents per MWh: 0 to $1/kWh. */
export const RatePerMwhUsdCents = intBetween(0, B.MAX_RATE_PER_MWH_USD_CENTS)
/** A lot's price in cents: 0 to 10^15. */
export const CapexUsdCents = intBetween(0, B.MAX_CAPEX_USD_CENTS)
/** A fraction in [0, 1]. */
export const Fraction = Schema.Number.check(Schema.isFinite(), Schema.isBetween({ minimum: 0, maximum: 1 }))
/** A fraction in (0, 1]. */
export const PositiveFraction = Schema.Number.check(Schema.isFinite(), Schema.isGreaterThan(0), Schema.isLessThanOrEqualTo(1))
export const FiniteNumber = Schema.Number.check(Schema.isFinite())
export const NonNegativeNumber = Schema.Number.check(Schema.isFinite(), Schema.isGreaterThanOrEqualTo(0))
export const PositiveNumber = Schema.Number.check(Schema.isFinite(), Schema.isGreaterThan(0))
/** A block height (10^8 blocks is ~1,900 years of blocks). */
export const Height = intBetween(0, 100_000_000)
/** A block header time, integer Unix seconds; a header holds it as a uint32. */
export const TimeS = intBetween(0, 0xffff_ffff)
/** Compact nBits as 8 lowercase hex digits. */
export const Bits = Schema.String.check(Schema.isPattern(/^[0-9a-f]{8}$/))
/** A non-empty identifier (lot, contract, site). */
export const Id = Schema.NonEmptyString
/** Scenario time, `YYYY-MM-DDTHH:MM:SSZ`. */
export const At = Schema.String.check(
  Schema.isPattern(/^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\dZ$/),
  Schema.makeFilter((s: string) => isAt(s) || atProblem(s))
)
/** A UTC day, `YYYY-MM-DD`. */
export const Day = Schema.String.check(
  Schema.isPattern(/^\d{4}-[01]\d-[0-3]\d$/),
  Schema.makeFilter((s: string) => isDay(s) || "expected a real UTC day YYYY-MM-DD")
)
/** A decimal seed from 0 to 2^53-1. */
export const DecimalSeed = Schema.String.check(
  Schema.isPattern(/^(0|[1-9]\d{0,15})$/),
  Schema.makeFilter((s: string) => Number.isSafeInteger(Number(s)) || "expected a decimal integer from 0 to 2^53-1")
)
/** The lowercase hex SHA-256 of a line. */
export const Sha256Hex = Schema.String.check(Schema.isPattern(/^[0-9a-f]{64}$/))
