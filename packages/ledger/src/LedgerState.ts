// The state every rule and projection reads: plain, immutable data built by `evolve` from the events of a log.
import { uncurtailedThs, withUptimeThs } from "@hashsim/economics"
import type { EventData, MarketModel } from "./Catalogue.ts"

export interface LotState {
  readonly lotId: string
  readonly vendor: string
  readonly machineModel: string
  readonly hashrateThs: number
  readonly efficiencyJth: number
  readonly priceUsdCents: number
  readonly lifeYears: number
  readonly purchasedAtS: number
  readonly payment: EventData<"HashratePurchased">["payment"]
  /** Deployed TH/s by site. */
  readonly deployedThsBySite: { readonly [siteId: string]: number }
  readonly deployedThs: number
}

export interface ContractState {
  readonly contractId: string
  readonly host: string
  readonly siteId: string
  readonly ratePerMwhUsdCents: number
  readonly signedAtS: number
  readonly endsAtS: number
  readonly uptimeSlaFraction: number
  readonly slaCreditPerMwhUsdCents: number
  readonly curtailmentCreditPerMwhUsdCents: number
  /** Take-or-pay share (0: none) and whether the curtailment credit pays for the fleet's own switch-off. */
  readonly takeOrPayFraction: number
  readonly creditsOwnSwitchOff: boolean
  readonly energyKwh: number
  readonly feesUsdCents: number
  readonly curtailedKwh: number
  readonly curtailmentCreditsUsdCents: number
  readonly shortfallKwh: number
  readonly slaCreditsUsdCents: number
}

export interface SiteState {
  readonly siteId: string
  /** The latest contract signed for the site. */
  readonly contractId: string
  /** Share of the site switched off, 0 when not curtailed. */
  readonly curtailedFraction: number
  /** The fleet's operating policy has switched the whole site off (FleetSwitched). */
  readonly switchedOff: boolean
}

/** The share of a site's machines not running: all of it while its operating policy has it off, else its curtailment. */
export const siteOffFraction = (state: LedgerState, siteId: string): number => {
  const site = lookup(state.sites, siteId)
  return site === undefined ? 0 : site.switchedOff ? 1 : site.curtailedFraction
}

export interface NetworkState {
  /** The height of the last block known mined (the tip). */
  readonly tipHeight: number
  /** nBits of the current epoch. */
  readonly bits: number
  /** The height of the current epoch's first block (a multiple of 2016). */
  readonly epochStartHeight: number
  /** Header time of the current epoch's first block, when the log has told us (ScenarioStarted, or a BlockFound). */
  readonly epochFirstBlockTimeS: number | null
  /** Header time of the last block the log reported. */
  readonly lastBlockTimeS: number | null
  /** The subsidy of the current halving era. */
  readonly subsidySats: number
  /** Total network hashrate at the start (fleet included). */
  readonly startHashrateThs: number
  /** Everyone else's hashrate from the latest MarketStepped; null before the first one. */
  readonly otherHashrateThs: number | null
  /** Fleet blocks found since the start (BlockFound with fleet, plus BlocksMined.fleetBlocks). */
  readonly fleetBlocks: number
}

export interface TreasuryState {
  readonly btcHeldSats: number
  /** USD cash: sale proceeds and credits in, cash purchases and hosting fees out (may go negative: funded outside). */
  readonly usdCashCents: number
  readonly sharesIssued: number
  readonly minedSats: number
  readonly poolFeeSats: number
  readonly soldSats: number
  readonly saleProceedsUsdCents: number
  readonly capexUsdCents: number
}

/** An observation over a span of scenario time [fromS, untilS) (FeesObserved, FleetOperationObserved). */
export interface ObservedSpan {
  readonly fromS: number
  readonly untilS: number
  /** FeesObserved: mean fees per block in sats; FleetOperationObserved: the operating TH/s. */
  readonly value: number
}

/** The latest observation of each kind (in force while the time is inside its span). */
export interface ObservedState {
  readonly fees: ObservedSpan | null
  readonly fleetOperation: ObservedSpan | null
}

export interface ScenarioState {
  readonly name: string
  readonly startAtS: number
  readonly untilS: number
  readonly discountRatePerYear: number
  readonly market: MarketModel
}

export interface LedgerState {
  readonly scenario: ScenarioState | null
  /** Number of events applied (LogSealed included). */
  readonly eventCount: number
  readonly lastAtS: number | null
  readonly sealed: boolean
  readonly network: NetworkState
  readonly lots: { readonly [lotId: string]: LotState }
  readonly contracts: { readonly [contractId: string]: ContractState }
  readonly sites: { readonly [siteId: string]: SiteState }
  readonly pool: EventData<"PoolConfigured">
  readonly salesPolicy: EventData<"SalesPolicySet">["policy"]
  readonly operatingPolicy: EventData<"OperatingPolicySet">["policy"]
  /** The BTC price in force: ScenarioStarted, then the latest PriceObserved or MarketStepped. */
  readonly priceUsdCents: number
  /** The fleet's uptime in force (latest MarketStepped; 1 before any). */
  readonly uptimeFraction: number
  readonly treasury: TreasuryState
  readonly observed: ObservedState
}

/**
 * The entry of a record by an id from a log, own properties only: ids are user data, and "toString" or
 * "__proto__" must be ids like any other, not Object.prototype's members.
 */
export const lookup = <V>(record: { readonly [key: string]: V }, key: string): V | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined

/** A copy of a record with `key` set (a computed key defines an own property, even for "__proto__"). */
export const withEntry = <V>(record: { readonly [key: string]: V }, key: string, value: V): { readonly [key: string]: V } =>
  ({ ...record, [key]: value })

/** A copy of a record without `key`. */
export const withoutEntry = <V>(record: { readonly [key: string]: V }, key: string): { readonly [key: string]: V } => {
  const { [key]: _, ...rest } = record
  return rest
}

/** The state before any event. */
export const initialState = (): LedgerState => ({
  scenario: null,
  eventCount: 0,
  lastAtS: null,
  sealed: false,
  network: {
    tipHeight: 0,
    bits: 0x1d00ffff,
    epochStartHeight: 0,
    epochFirstBlockTimeS: null,
    lastBlockTimeS: null,
    subsidySats: 5_000_000_000,
    startHashrateThs: 0,
    otherHashrateThs: null,
    fleetBlocks: 0
  },
  lots: {},
  contracts: {},
  sites: {},
  pool: { mode: "solo", feeFraction: 0 },
  salesPolicy: { kind: "hold" },
  operatingPolicy: { kind: "alwaysOn" },
  priceUsdCents: 0,
  uptimeFraction: 1,
  treasury: {
    btcHeldSats: 0,
    usdCashCents: 0,
    sharesIssued: 0,
    minedSats: 0,
    poolFeeSats: 0,
    soldSats: 0,
    saleProceedsUsdCents: 0,
    capexUsdCents: 0
  },
  observed: { fees: null, fleetOperation: null }
})

/** Deployed TH/s at a site, all lots. */
export const deployedThsAtSite = (state: LedgerState, siteId: string): number => {
  let sum = 0
  for (const lot of Object.values(state.lots)) sum += lookup(lot.deployedThsBySite, siteId) ?? 0
  return sum
}

/** The observation `span` when `atS` lies inside it. */
export const inForce = (span: ObservedSpan | null, atS: number): ObservedSpan | null =>
  span !== null && span.fromS <= atS && atS < span.untilS ? span : null

/** The time a state is at: its last event's (0 before any). */
const nowOf = (state: LedgerState): number => state.lastAtS ?? 0

/** Deployed TH/s of the whole fleet, all lots and sites. */
export const deployedThs = (state: LedgerState): number => {
  let sum = 0
  for (const lot of Object.values(state.lots)) sum += lot.deployedThs
  return sum
}

/**
 * The fleet's online TH/s at `atS`: while a FleetOperationObserved is in force, the operator's reported operating
 * hashrate (it already counts downtime and curtailment); otherwise deployed x (1 - the site's curtailed fraction)
 * x the day's uptime. Constant between events and observation ends, which is what makes the report's time
 * integrals exact.
 */
export const onlineThsAt = (state: LedgerState, atS: number): number => {
  const observed = inForce(state.observed.fleetOperation, atS)
  if (observed !== null) return observed.value
  let sum = 0
  for (const lot of Object.values(state.lots)) {
    for (const [siteId, ths] of Object.entries(lot.deployedThsBySite)) {
      sum += uncurtailedThs(ths, siteOffFraction(state, siteId))
    }
  }
  return withUptimeThs(sum, state.uptimeFraction)
}

/** The fleet's online TH/s at the time of the state's last event (see onlineThsAt). */
export const onlineThs = (state: LedgerState): number => onlineThsAt(state, nowOf(state))

/**
 * Power drawn by the online fleet in kW (TH/s x J/TH = W) at the time of the state's last event. Under an observed
 * operating hashrate, that hashrate at the deployed fleet's mean efficiency (weighted by TH/s deployed).
 */
export const onlinePowerKw = (state: LedgerState): number => {
  const observed = inForce(state.observed.fleetOperation, nowOf(state))
  if (observed !== null) {
    let ths = 0
    let watts = 0
    for (const lot of Object.values(state.lots)) {
      ths += lot.deployedThs
      watts += lot.deployedThs * lot.efficiencyJth
    }
    return ths > 0 ? (observed.value * (watts / ths)) / 1000 : 0
  }
  let watts = 0
  for (const lot of Object.values(state.lots)) {
    for (const [siteId, ths] of Object.entries(lot.deployedThsBySite)) {
      watts += uncurtailedThs(ths, siteOffFraction(state, siteId)) * lot.efficiencyJth
    }
  }
  return (watts * state.uptimeFraction) / 1000
}

/**
 * The network hashrate in force at `atS`: the fleet online plus everyone else's (MarketStepped), or
 * ScenarioStarted's total before the first market step.
 */
export const networkThsAt = (state: LedgerState, atS: number): number =>
  state.network.otherHashrateThs === null ? state.network.startHashrateThs : state.network.otherHashrateThs + onlineThsAt(state, atS)

/** The network hashrate in force at the time of the state's last event (see networkThsAt). */
export const networkThs = (state: LedgerState): number => networkThsAt(state, nowOf(state))
