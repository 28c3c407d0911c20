// Effect Schemas for the market models' parameters, in the units of the catalogue (@hashsim/ledger's Units), so a
// scenario's market block is checked before any model is built. The coordinator moves these into the ledger's
// catalogue when the models are wired; the model modules themselves import no Effect (the engine worker loads
// them alone).
import { Schema } from "effect"
import { Fraction, NonNegativeInt, NonNegativeNumber, PositiveInt, PositiveNumber } from "@hashsim/ledger"

const PowerUsdPerKwh = NonNegativeNumber
const SHARE_TOLERANCE = 1e-9

const sumsToOne = <A>(field: string, share: (a: A) => number) =>
  Schema.makeFilter((xs: ReadonlyArray<A>) => {
    const total = xs.reduce((s, x) => s + share(x), 0)
    return Math.abs(total - 1) <= SHARE_TOLERANCE || `${field} must sum to 1 (they sum to ${total})`
  })

export const MachineClassSchema = Schema.Struct({
  efficiencyJth: PositiveNumber,
  powerUsdPerKwh: PowerUsdPerKwh,
  shareOfHashrate: Fraction,
  meanRemainingLifeYears: PositiveNumber
})

export const EntrantPowerSchema = Schema.Struct({ powerUsdPerKwh: PowerUsdPerKwh, shareOfOrders: Fraction })

export const HashpriceNetworkSchema = Schema.Struct({
  model: Schema.Literal("hashprice"),
  classes: Schema.Array(MachineClassSchema).check(
    Schema.makeFilter((xs: ReadonlyArray<unknown>) => xs.length > 0 || "at least one machine class"),
    sumsToOne("shareOfHashrate", (c: typeof MachineClassSchema.Type) => c.shareOfHashrate)
  ),
  entrants: Schema.Array(EntrantPowerSchema).check(
    Schema.makeFilter((xs: ReadonlyArray<unknown>) => xs.length > 0 || "at least one entrant power price"),
    sumsToOne("shareOfOrders", (e: typeof EntrantPowerSchema.Type) => e.shareOfOrders)
  ),
  frontierEfficiencyJth: PositiveNumber,
  frontierImprovementPerYear: Fraction.check(Schema.isLessThan(1)),
  machinePriceUsdPerTh: NonNegativeNumber,
  machinePriceChangePerYear: Schema.Number.check(Schema.isFinite(), Schema.isGreaterThan(-1)),
  machineLifeYears: PositiveNumber,
  hurdleRatePerYear: NonNegativeNumber,
  nonPowerOpexFraction: Fraction.check(Schema.isLessThan(1)),
  orderLagDays: PositiveInt,
  orderResponseYears: PositiveNumber,
  switchOffLagDays: NonNegativeInt,
  switchOnLagDays: NonNegativeInt,
  cohortYears: PositiveNumber,
  /** Hashrate already ordered at the start, TH/s (arrives evenly over the first orderLagDays). */
  onOrderThs: Schema.optionalKey(NonNegativeNumber)
})
export type HashpriceNetworkModel = typeof HashpriceNetworkSchema.Type

export const JumpDiffusionPriceSchema = Schema.Struct({
  model: Schema.Literal("jumpDiffusion"),
  driftPerYear: Schema.Number.check(Schema.isFinite()),
  volatilityPerYear: NonNegativeNumber,
  jumpsPerYear: NonNegativeNumber,
  jumpLogMean: Schema.Number.check(Schema.isFinite()),
  jumpLogSd: NonNegativeNumber
})
export type JumpDiffusionPriceModel = typeof JumpDiffusionPriceSchema.Type

export const MeanRevertingFeesSchema = Schema.Struct({
  model: Schema.Literal("meanReverting"),
  meanSats: PositiveNumber,
  halfLifeYears: PositiveNumber,
  volatilityPerYear: NonNegativeNumber,
  /** The level at the start, sats per block (default: meanSats). */
  startSats: Schema.optionalKey(PositiveNumber),
  /** The per-block draw around the day's level: gamma shape, as the current feePerBlock. */
  shape: PositiveNumber
})
export type MeanRevertingFeesModel = typeof MeanRevertingFeesSchema.Type

export const OperatingPolicySchema = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("alwaysOn") }),
  Schema.Struct({ kind: Schema.Literal("hashpriceFloor"), floorUsdPerPhDay: NonNegativeNumber }),
  Schema.Struct({ kind: Schema.Literal("breakeven") })
])
