// The plain, simulation-ready form of a scenario: what the plan events of a log say, as numbers in seconds,
// indexed lots/sites/contracts and one time-ordered list of plan changes. Built once by ScenarioCompiler.
import type { EventData, PlannedEntry } from "@hashsim/ledger"
import type { FeePlan } from "../market/FeeModel.ts"
import type { SeriesPlan } from "../market/registry.ts"
import type { ObservedStretch } from "../chain/ObservedStretch.ts"
import type { HorizonCalendar } from "./Calendar.ts"

export type EngineKind = "block" | "aggregate"
export type PoolMode = EventData<"PoolConfigured">["mode"]

/** The catalogue's sales policies (SalesPolicySet). */
export type SalesPolicy = EventData<"SalesPolicySet">["policy"]

/** The catalogue's operating policies (OperatingPolicySet). */
export type OperatingPolicy = EventData<"OperatingPolicySet">["policy"]

/** A series model of the market as the plan holds it (one per model module in market/, see its registry). */
export type SeriesModel = SeriesPlan

export interface MarketPlan {
  /** Everyone else's hashrate (TH/s). Its start value is the network total minus the fleet online at the start. */
  readonly otherHashrate: SeriesModel
  /** BTC price in US cents. */
  readonly price: SeriesModel
  readonly feePerBlock: FeePlan
  readonly uptime: { readonly meanFraction: number; readonly sdFraction: number }
  readonly curtailment?: {
    readonly eventsPerYear: number
    readonly meanDurationHours: number
    readonly fraction: number
    /** Indices into `sites`. */
    readonly siteIndices: ReadonlyArray<number>
  }
  readonly uncertainty?: {
    readonly otherHashrateDriftSd: number
    readonly priceDriftSd: number
    readonly feeLevelSigma: number
  }
}

export interface LotPlan {
  readonly lotId: string
  readonly hashrateThs: number
  readonly efficiencyJth: number
  readonly priceUsdCents: number
  readonly lifeYears: number
  readonly purchasedAtS: number
}

export interface ContractPlan {
  readonly contractId: string
  readonly siteIndex: number
  readonly ratePerMwhUsdCents: number
  readonly startsAtS: number
  readonly endsAtS: number
  readonly uptimeSlaFraction: number
  readonly slaCreditPerMwhUsdCents: number
  readonly curtailmentCreditPerMwhUsdCents: number
  /** Share of the day's full-power energy (less host curtailment) billed whether drawn or not (0: none). */
  readonly takeOrPayFraction: number
  /** The curtailment credit also pays for energy the fleet's operating policy leaves undrawn. */
  readonly creditsOwnSwitchOff: boolean
}

/** One thing the plan changes at a time. Several may share a time; they apply in log order. */
export type PlanChange =
  | { readonly kind: "deploy"; readonly lotIndex: number; readonly siteIndex: number; readonly hashrateThs: number }
  | { readonly kind: "curtail"; readonly siteIndex: number; readonly fraction: number }
  | { readonly kind: "pool"; readonly mode: PoolMode; readonly feeFraction: number }
  | { readonly kind: "sales"; readonly policy: SalesPolicy }
  | { readonly kind: "operating"; readonly policy: OperatingPolicy }
  | { readonly kind: "sell"; readonly amountSats: number; readonly priceUsdCents: number; readonly proceedsUsdCents: number }
  | { readonly kind: "price"; readonly priceUsdCents: number }
  | { readonly kind: "purchase"; readonly lotIndex: number }
  | { readonly kind: "contractStart"; readonly contractIndex: number }
  | { readonly kind: "contractEnd"; readonly contractIndex: number }
  | {
      readonly kind: "difficulty"
      readonly height: number
      readonly oldBits: number
      readonly newBits: number
      readonly firstBlockTimeS: number
      readonly lastBlockTimeS: number
      /** The observed stretch's anchor of the epoch's last block (ObservedStretch). */
      readonly anchor: number
      /** The stretch's last observation: the chosen engine generates from here on. */
      readonly closesStretch: boolean
      /**
       * The whole network's TH/s that the closed epoch's difficulty and pace imply (ObservedStretch.impliedThs):
       * everyone else's hashrate is re-based on it (docs/EVENTS.md); NaN when it is not below the ledger's
       * MAX_NETWORK_THS (an epoch mined in no time), and nothing is re-based.
       */
      readonly impliedThs: number
    }
  | {
      readonly kind: "block"
      readonly height: number
      readonly blockTimeS: number
      readonly fleet: boolean
      readonly subsidySats: number
      readonly feesSats: number
      /** The observed stretch's anchor of this block (ObservedStretch). */
      readonly anchor: number
      /** The stretch's last observation: the chosen engine generates from here on. */
      readonly closesStretch: boolean
    }
  /** An observed fee level per block from now on (FeesObserved); NaN: its span ended, the model's again. */
  | { readonly kind: "fees"; readonly meanSats: number }
  /** The fleet's observed operating TH/s from now on (FleetOperationObserved); -1: its span ended. */
  | { readonly kind: "operation"; readonly hashrateThs: number }
  | { readonly kind: "none" }

export interface TimedPlanChange {
  readonly atS: number
  /** Index of the plan event this change comes from in `ScenarioPlan.events` (-1 for derived ones, e.g. contract ends). */
  readonly eventIndex: number
  readonly change: PlanChange
}

/**
 * A plan event as decoded from the scenario log (kept to be copied into the complete log), with the 1-based line
 * of the scenario file for messages. Typed by the catalogue: a switch on `type` narrows `data`.
 */
export type PlanEvent = PlannedEntry & { readonly line: number }

export interface ScenarioPlan {
  readonly name: string
  readonly startS: number
  readonly untilS: number
  readonly discountRatePerYear: number
  readonly network: {
    readonly height: number
    readonly bits: number
    readonly epochFirstBlockTimeS: number
    readonly hashrateThs: number
  }
  readonly startPriceUsdCents: number
  readonly market: MarketPlan
  readonly lots: ReadonlyArray<LotPlan>
  readonly siteIds: ReadonlyArray<string>
  readonly contracts: ReadonlyArray<ContractPlan>
  /** Every plan change, time-ordered (stable: log order within a time). */
  readonly changes: ReadonlyArray<TimedPlanChange>
  /** The plan events in log order (ScenarioStarted first). */
  readonly events: ReadonlyArray<PlanEvent>
  readonly calendar: HorizonCalendar
  /** The observed retargets and blocks as anchors (docs/EVENTS.md, "Observed stretches"); null when there are none. */
  readonly observed: ObservedStretch | null
  /** Total capex (US cents) of every lot in the plan. */
  readonly capexUsdCents: number
}
