// The event catalogue (docs/EVENTS.md): one Effect Schema per event type and version, the typed union
// `LedgerEvent`, and the upcasting hook that turns an older version of an event into the current one on read.
import { Schema } from "effect"
import * as B from "./Bounds.ts"
import {
  At, between, Bits, CapexUsdCents, Day, Fraction, Height, Id, intBetween, NonNegativeInt, NonNegativeNumber, PositiveFraction,
  PositiveInt, PositiveNetworkThs, PositiveThs, positiveUpTo, PriceUsdCents, RatePerMwhUsdCents, Sats, Sha256Hex, Ths, TimeS, UsdCents
} from "./Units.ts"

// ---- the market model inside ScenarioStarted ----
// Every model's parameters in the units its module in @hashsim/sim's market/ takes (docs/MARKET.md); a new model is
// one schema here, one module there and one case in the sim's market registry. Ranges from Bounds.ts.

const Gbm = Schema.Struct({
  model: Schema.Literal("gbm"),
  driftPerYear: between(-B.MAX_DRIFT_PER_YEAR, B.MAX_DRIFT_PER_YEAR),
  volatilityPerYear: between(0, B.MAX_VOLATILITY_PER_YEAR)
})
/** USD per kWh (a power price inside the hashprice network): the hosting rates' bound, in dollars a kWh. */
const PowerUsdPerKwh = between(0, B.MAX_RATE_PER_MWH_USD_CENTS / 100_000)
const SHARE_TOLERANCE = 1e-9
const sumsToOne = <A>(field: string, share: (a: A) => number) =>
  Schema.makeFilter((xs: ReadonlyArray<A>) => {
    const total = xs.reduce((s, x) => s + share(x), 0)
    return Math.abs(total - 1) <= SHARE_TOLERANCE || `${field} must sum to 1 (they sum to ${total})`
  })
const nonEmpty = (what: string) => Schema.makeFilter((xs: ReadonlyArray<unknown>) => xs.length > 0 || `at least one ${what}`)
const shortList = (what: string) => Schema.makeFilter((xs: ReadonlyArray<unknown>) => xs.length <= B.MAX_MARKET_LIST || `at most ${B.MAX_MARKET_LIST} ${what}`)

/** A machine class of everyone else's hashrate at the start (HashpriceNetwork). */
export const MachineClass = Schema.Struct({
  efficiencyJth: positiveUpTo(B.MAX_EFFICIENCY_JTH),
  powerUsdPerKwh: PowerUsdPerKwh,
  shareOfHashrate: Fraction,
  meanRemainingLifeYears: positiveUpTo(B.MAX_LIFE_YEARS)
})
/** Where new machines are plugged in: a power price and its share of new orders. */
export const EntrantPower = Schema.Struct({ powerUsdPerKwh: PowerUsdPerKwh, shareOfOrders: Fraction })
/** Everyone else's hashrate as a market that answers to hashprice (docs/MARKET.md, "The network as a market"). */
export const HashpriceNetworkModel = Schema.Struct({
  model: Schema.Literal("hashprice"),
  classes: Schema.Array(MachineClass).check(
    nonEmpty("machine class"), shortList("machine classes"), sumsToOne("shareOfHashrate", (c: typeof MachineClass.Type) => c.shareOfHashrate)
  ),
  entrants: Schema.Array(EntrantPower).check(
    nonEmpty("entrant power price"), shortList("entrant power prices"), sumsToOne("shareOfOrders", (e: typeof EntrantPower.Type) => e.shareOfOrders)
  ),
  frontierEfficiencyJth: positiveUpTo(B.MAX_EFFICIENCY_JTH),
  frontierImprovementPerYear: Fraction.check(Schema.isLessThan(1)),
  machinePriceUsdPerTh: between(0, B.MAX_MACHINE_PRICE_USD_PER_TH),
  machinePriceChangePerYear: Schema.Number.check(Schema.isFinite(), Schema.isGreaterThan(-1), Schema.isLessThanOrEqualTo(B.MAX_DRIFT_PER_YEAR)),
  machineLifeYears: positiveUpTo(B.MAX_LIFE_YEARS),
  hurdleRatePerYear: between(0, B.MAX_DISCOUNT_RATE_PER_YEAR),
  nonPowerOpexFraction: Fraction.check(Schema.isLessThan(1)),
  orderLagDays: intBetween(1, B.MAX_MARKET_LAG_DAYS),
  orderResponseYears: positiveUpTo(B.MAX_LIFE_YEARS),
  switchOffLagDays: intBetween(0, B.MAX_MARKET_LAG_DAYS),
  switchOnLagDays: intBetween(0, B.MAX_MARKET_LAG_DAYS),
  cohortYears: positiveUpTo(B.MAX_LIFE_YEARS),
  /** Hashrate already ordered at the start, TH/s (arrives evenly over the first orderLagDays). */
  onOrderThs: Schema.optionalKey(Ths)
})
/** BTC price as a Merton jump-diffusion (docs/MARKET.md, "BTC price with jumps"). */
export const JumpDiffusionModel = Schema.Struct({
  model: Schema.Literal("jumpDiffusion"),
  driftPerYear: between(-B.MAX_DRIFT_PER_YEAR, B.MAX_DRIFT_PER_YEAR),
  volatilityPerYear: between(0, B.MAX_VOLATILITY_PER_YEAR),
  jumpsPerYear: between(0, B.MAX_JUMPS_PER_YEAR),
  jumpLogMean: between(-B.MAX_JUMP_LOG_SIZE, B.MAX_JUMP_LOG_SIZE),
  jumpLogSd: between(0, B.MAX_JUMP_LOG_SIZE)
})
export const OtherHashrateModel = Schema.Union([
  Schema.Struct({
    model: Schema.Literal("table"),
    points: Schema.Array(Schema.Struct({ at: At, hashrateThs: Ths }))
  }),
  Gbm,
  HashpriceNetworkModel
])
export const PriceModel = Schema.Union([
  Schema.Struct({
    model: Schema.Literal("table"),
    points: Schema.Array(Schema.Struct({ at: At, priceUsdCents: PriceUsdCents }))
  }),
  Gbm,
  JumpDiffusionModel
])
/**
 * Fees per block: a constant mean (no `model`), or a mean that follows an Ornstein-Uhlenbeck process on its log
 * (`meanReverting`, docs/MARKET.md "A fee level that persists"); either way each block's fees are a Gamma(shape)
 * draw around the day's mean.
 */
export const MeanRevertingFeesModel = Schema.Struct({
  model: Schema.Literal("meanReverting"),
  meanSats: positiveUpTo(B.MAX_FEE_PER_BLOCK_SATS),
  halfLifeYears: positiveUpTo(B.MAX_LIFE_YEARS),
  volatilityPerYear: between(0, B.MAX_VOLATILITY_PER_YEAR),
  /** The level at the start, sats per block (default: meanSats). */
  startSats: Schema.optionalKey(positiveUpTo(B.MAX_FEE_PER_BLOCK_SATS)),
  shape: positiveUpTo(B.MAX_FEE_SHAPE)
})
export const FeeModel = Schema.Union([
  MeanRevertingFeesModel,
  Schema.Struct({ meanSats: between(0, B.MAX_FEE_PER_BLOCK_SATS), shape: positiveUpTo(B.MAX_FEE_SHAPE) })
])
export const MarketModel = Schema.Struct({
  otherHashrate: OtherHashrateModel,
  price: PriceModel,
  feePerBlock: FeeModel,
  uptime: Schema.Struct({ meanFraction: Fraction, sdFraction: between(0, 1) }),
  curtailment: Schema.optionalKey(Schema.Struct({
    eventsPerYear: between(0, B.MAX_CURTAILMENT_EVENTS_PER_YEAR),
    meanDurationHours: between(0, B.MAX_CURTAILMENT_DURATION_HOURS),
    fraction: PositiveFraction,
    siteIds: Schema.Array(Id)
  })),
  uncertainty: Schema.optionalKey(Schema.Struct({
    otherHashrateDriftSd: between(0, B.MAX_PARAMETER_SD),
    priceDriftSd: between(0, B.MAX_PARAMETER_SD),
    feeLevelSigma: between(0, B.MAX_PARAMETER_SD)
  }))
})
export type MarketModel = typeof MarketModel.Type

// ---- plan and observed events ----

export const ScenarioStartedV1 = Schema.Struct({
  name: Schema.String,
  network: Schema.Struct({ height: Height, bits: Bits, epochFirstBlockTimeS: TimeS, hashrateThs: PositiveNetworkThs }),
  priceUsdCents: PriceUsdCents,
  until: At,
  discountRatePerYear: between(0, B.MAX_DISCOUNT_RATE_PER_YEAR),
  market: MarketModel
})
export const Payment = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("cash") }),
  Schema.Struct({ kind: Schema.Literal("shares"), shares: intBetween(0, B.MAX_SHARES), sharePriceUsdCents: PriceUsdCents })
])
export const HashratePurchasedV1 = Schema.Struct({
  lotId: Id,
  vendor: Schema.String,
  hashrateThs: PositiveThs,
  machineModel: Schema.String,
  efficiencyJth: positiveUpTo(B.MAX_EFFICIENCY_JTH),
  priceUsdCents: CapexUsdCents,
  lifeYears: positiveUpTo(B.MAX_LIFE_YEARS),
  payment: Payment
})
export const HostingContractSignedV1 = Schema.Struct({
  contractId: Id,
  host: Schema.String,
  siteId: Id,
  ratePerMwhUsdCents: RatePerMwhUsdCents,
  endsAt: At,
  uptimeSlaFraction: Fraction,
  slaCreditPerMwhUsdCents: RatePerMwhUsdCents,
  curtailmentCreditPerMwhUsdCents: RatePerMwhUsdCents,
  /**
   * Take-or-pay: the share of the energy the site's machines would draw at full power each day (less what the
   * host curtails) that is billed whether or not it is drawn (absent: 0, energy drawn only).
   */
  takeOrPayFraction: Schema.optionalKey(Fraction),
  /** Whether the curtailment credit also pays for energy the fleet's own operating policy leaves undrawn (absent: no). */
  creditsOwnSwitchOff: Schema.optionalKey(Schema.Boolean)
})
export const MachinesDeployedV1 = Schema.Struct({ lotId: Id, siteId: Id, hashrateThs: PositiveThs })
export const MachinesRemovedV1 = Schema.Struct({ lotId: Id, siteId: Id, hashrateThs: PositiveThs })
export const CurtailmentStartedV1 = Schema.Struct({ siteId: Id, fraction: PositiveFraction })
export const CurtailmentEndedV1 = Schema.Struct({ siteId: Id })
export const PoolConfiguredV1 = Schema.Struct({ mode: Schema.Literals(["solo", "fpps", "pplns"]), feeFraction: Fraction })
export const SalesPolicy = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("hold") }),
  Schema.Struct({ kind: Schema.Literal("sellShareMonthly"), fraction: Fraction }),
  Schema.Struct({ kind: Schema.Literal("sellToCoverHosting") })
])
export const SalesPolicySetV1 = Schema.Struct({ policy: SalesPolicy })
/** How the fleet decides each day whether to run (docs/EVENTS.md, OperatingPolicySet). */
export const OperatingPolicy = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("alwaysOn") }),
  Schema.Struct({ kind: Schema.Literal("hashpriceFloor"), floorUsdPerPhDay: between(0, B.MAX_HASHPRICE_USD_PER_PH_DAY) }),
  Schema.Struct({ kind: Schema.Literal("breakeven") })
])
export const OperatingPolicySetV1 = Schema.Struct({ policy: OperatingPolicy })
export const BtcSoldV1 = Schema.Struct({ amountSats: Sats, priceUsdCents: PriceUsdCents, proceedsUsdCents: UsdCents })
export const PriceObservedV1 = Schema.Struct({ priceUsdCents: PriceUsdCents })
export const DifficultyAdjustedV1 = Schema.Struct({
  height: PositiveInt,
  oldBits: Bits,
  newBits: Bits,
  firstBlockTimeS: TimeS,
  lastBlockTimeS: TimeS
})
export const BlockFoundV1 = Schema.Struct({
  height: Height,
  blockTimeS: TimeS,
  fleet: Schema.Boolean,
  subsidySats: Sats,
  feesSats: Sats
})

// ---- observed stretches (issue 12; semantics in docs/EVENTS.md, "Observed stretches") ----

/** The real fee level over a span [fromAt, untilAt): the mean fees per block of the blocks mined in it. */
export const FeesObservedV1 = Schema.Struct({
  fromAt: At,
  untilAt: At,
  meanFeePerBlockSats: NonNegativeNumber,
  /** Where the figure comes from (a data file and line, a report), for a reader of the log. */
  reference: Schema.String
})
/** The operator's reported average operating hashrate over [fromAt, untilAt): the fleet's online TH/s there. */
export const FleetOperationObservedV1 = Schema.Struct({
  fromAt: At,
  untilAt: At,
  operatingHashrateThs: Ths,
  reference: Schema.String
})

// ---- generated events ----

export const MarketSteppedV1 = Schema.Struct({ priceUsdCents: UsdCents, otherHashrateThs: Ths, uptimeFraction: Fraction })
export const BlocksMinedV1 = Schema.Struct({
  firstHeight: Height,
  lastHeight: Schema.Int.check(Schema.isGreaterThanOrEqualTo(-1)),
  fleetBlocks: NonNegativeInt,
  subsidySats: Sats,
  feesSats: Sats
})
export const HalvingReachedV1 = Schema.Struct({ height: PositiveInt, subsidySats: Sats })
export const RewardCreditedV1 = Schema.Struct({
  amountSats: Sats,
  poolFeeSats: Sats,
  basis: Schema.Literals(["block", "blocks", "fpps", "pplns"]),
  height: Schema.optionalKey(Height)
})
export const HostingFeeChargedV1 = Schema.Struct({
  contractId: Id,
  day: Day,
  energyKwh: NonNegativeNumber,
  amountUsdCents: UsdCents,
  /** Energy billed under the take-or-pay minimum beyond what was drawn (absent: 0); the fee is (energy + this) x rate. */
  takeOrPayKwh: Schema.optionalKey(NonNegativeNumber)
})
/** A site's operating policy switched it off (`running` false) or back on, on the day's hashprice and power cost. */
export const FleetSwitchedV1 = Schema.Struct({
  siteId: Id,
  running: Schema.Boolean,
  /** The day's hashprice net of the pool fee, and the threshold the policy compared it with, USD per PH/s per day. */
  hashpriceUsdPerPhDay: NonNegativeNumber,
  thresholdUsdPerPhDay: NonNegativeNumber
})
export const CurtailmentCreditedV1 = Schema.Struct({ contractId: Id, day: Day, curtailedKwh: NonNegativeNumber, amountUsdCents: UsdCents })
export const SlaCreditedV1 = Schema.Struct({ contractId: Id, day: Day, shortfallKwh: NonNegativeNumber, amountUsdCents: UsdCents })
export const LogSealedV1 = Schema.Struct({ eventCount: NonNegativeInt, lastHash: Sha256Hex })

/**
 * The current version of every event type and its data schema. Adding a version: put the new schema here, keep
 * the old one in `upcasters` with a function from its data to the new version's data.
 */
export const currentSchemas = {
  ScenarioStarted: ScenarioStartedV1,
  HashratePurchased: HashratePurchasedV1,
  HostingContractSigned: HostingContractSignedV1,
  MachinesDeployed: MachinesDeployedV1,
  MachinesRemoved: MachinesRemovedV1,
  CurtailmentStarted: CurtailmentStartedV1,
  CurtailmentEnded: CurtailmentEndedV1,
  PoolConfigured: PoolConfiguredV1,
  SalesPolicySet: SalesPolicySetV1,
  OperatingPolicySet: OperatingPolicySetV1,
  BtcSold: BtcSoldV1,
  PriceObserved: PriceObservedV1,
  DifficultyAdjusted: DifficultyAdjustedV1,
  BlockFound: BlockFoundV1,
  FeesObserved: FeesObservedV1,
  FleetOperationObserved: FleetOperationObservedV1,
  MarketStepped: MarketSteppedV1,
  BlocksMined: BlocksMinedV1,
  HalvingReached: HalvingReachedV1,
  RewardCredited: RewardCreditedV1,
  HostingFeeCharged: HostingFeeChargedV1,
  CurtailmentCredited: CurtailmentCreditedV1,
  SlaCredited: SlaCreditedV1,
  FleetSwitched: FleetSwitchedV1,
  LogSealed: LogSealedV1
} as const

export type EventType = keyof typeof currentSchemas
export const eventTypes: ReadonlyArray<EventType> = Object.keys(currentSchemas) as Array<EventType>
export const isEventType = (s: string): s is EventType => Object.prototype.hasOwnProperty.call(currentSchemas, s)

/** The current version number of each type (all 1 in catalogue v1). */
export const currentVersion: { readonly [K in EventType]: number } = Object.fromEntries(
  eventTypes.map((t) => [t, 1])
) as { [K in EventType]: number }

/** The data of an event type, as decoded. */
export type EventData<T extends EventType> = (typeof currentSchemas)[T]["Type"]

/** A decoded event: its type, version and typed data. Discriminated on `type`. */
export type LedgerEvent = { [T in EventType]: { readonly type: T; readonly v: number; readonly data: EventData<T> } }[EventType]
export type EventOf<T extends EventType> = Extract<LedgerEvent, { readonly type: T }>

/** Builds an event at the current version (for emitters: `event("MarketStepped", {...})`). */
export const event = <T extends EventType>(type: T, data: EventData<T>): EventOf<T> =>
  ({ type, v: currentVersion[type], data }) as unknown as EventOf<T>

/** Event types the simulator generates; a log that holds one is a complete log and must end with LogSealed. */
export const generatedOnlyTypes: ReadonlySet<EventType> = new Set<EventType>([
  "MarketStepped", "BlocksMined", "HalvingReached", "RewardCredited", "HostingFeeCharged",
  "CurtailmentCredited", "SlaCredited", "FleetSwitched", "LogSealed"
])

/**
 * An upcaster turns the raw data of an older version into the raw data of the next version. It runs before the
 * schema of the target version decodes the result, so it may be shallow (rename keys, add defaults).
 */
export interface Upcaster {
  readonly to: number
  readonly upcast: (data: unknown) => unknown
}
/** Older versions by type and version number. Empty in catalogue v1: the hook is here for v2. */
export type UpcasterTable = { readonly [K in EventType]?: { readonly [v: number]: Upcaster } }
export const upcasters: UpcasterTable = {}
