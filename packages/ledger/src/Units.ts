// The field types every event shares (units in the names, money in integers), as Effect Schema checks.
import { Schema } from "effect"
import { isAt, isDay } from "./Time.ts"
import { atProblem } from "./TimeProblems.ts"

/** Hashrate in TH/s: a finite non-negative number. */
export const Ths = Schema.Number.check(Schema.isFinite(), Schema.isGreaterThanOrEqualTo(0))
/** Hashrate that must be strictly positive (a purchase, a deployment, a removal). */
export const PositiveThs = Schema.Number.check(Schema.isFinite(), Schema.isGreaterThan(0))
/** A count or an amount of satoshis / cents: a safe non-negative integer. */
export const NonNegativeInt = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))
export const PositiveInt = Schema.Int.check(Schema.isGreaterThan(0))
export const Sats = NonNegativeInt
export const UsdCents = NonNegativeInt
/** A fraction in [0, 1]. */
export const Fraction = Schema.Number.check(Schema.isFinite(), Schema.isBetween({ minimum: 0, maximum: 1 }))
/** A fraction in (0, 1]. */
export const PositiveFraction = Schema.Number.check(Schema.isFinite(), Schema.isGreaterThan(0), Schema.isLessThanOrEqualTo(1))
export const FiniteNumber = Schema.Number.check(Schema.isFinite())
export const NonNegativeNumber = Schema.Number.check(Schema.isFinite(), Schema.isGreaterThanOrEqualTo(0))
export const PositiveNumber = Schema.Number.check(Schema.isFinite(), Schema.isGreaterThan(0))
/** A block height. */
export const Height = NonNegativeInt
/** A block header time, integer Unix seconds. */
export const TimeS = NonNegativeInt
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
