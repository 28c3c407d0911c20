// Over 450 lines on purpose: every rule of a valid log lives in this one decider (one owner), a case per event type.
// The decider: `decide` accepts an event or says, with a typed DomainError, which rule it breaks; `evolve` applies
// an event to the state, total and pure. Decisions are effect's `Result` (Success = the event, Failure = the error).
import {
  blockSubsidy, formatBits, HALVING_INTERVAL, isRetargetHeight, MAX_MONEY_SATS, nextWorkRequired, RETARGET_INTERVAL, validTargetOf
} from "@hashsim/chain"
import { Result } from "effect"
import type { EventOf, LedgerEvent } from "./Catalogue.ts"
import {
  BlockHeightOrderError, EventAfterHorizonError, TotalOutOfBoundsError, BlocksMinedRangeError, BlockSubsidyMismatchError, BtcOversoldError, ContractDuplicateError,
  ContractUnknownError, CurtailmentNotActiveError, type DomainError, EventTimeBackwardsError, HalvingHeightInvalidError,
  LogSealError, LotDuplicateError, LotOverDeployedError, LotUnknownError, NetworkBitsInvalidError, ObservedSpanInvalidError,
  ObservedValueRangeError, RetargetBitsMismatchError,
  RetargetHeightInvalidError, RetargetInputMismatchError, RetargetMissingError, SaleProceedsMismatchError,
  ScenarioAlreadyStartedError, ScenarioNotStartedError, SiteAlreadyContractedError, SiteOverRemovedError, SiteUnknownError
} from "./DomainErrors.ts"
import { deployedThs, type LedgerState, type LotState, lookup, type ObservedSpan, withEntry, withoutEntry } from "./LedgerState.ts"
import { MAX_CAPEX_USD_CENTS, MAX_FLEET_THS, MAX_HORIZON_DAYS, MAX_HORIZON_S } from "./Bounds.ts"
import { satsToUsdCents } from "./Money.ts"
import { formatAtS, parseAtS } from "./Time.ts"

/** An event with its scenario time: what `decide` and `evolve` take (a LogEntry is one). */
export type TimedEvent = LedgerEvent & { readonly at: string }

/** TH/s comparisons allow this relative slack, so that deploying a lot in float parts and removing it all agrees. */
const THS_RELATIVE_SLACK = 1e-9
const exceeds = (amount: number, available: number): boolean =>
  amount > available + THS_RELATIVE_SLACK * Math.max(1, Math.abs(available), Math.abs(amount))

const bitsOf = (hex: string): number => Number.parseInt(hex, 16)
const isValidBits = (bits: number): boolean => {
  try {
    validTargetOf(bits)
    return true
  } catch {
    return false
  }
}
const subsidyAt = (height: number): number => Number(blockSubsidy(height))
const epochEnd = (state: LedgerState): number => state.network.epochStartHeight + RETARGET_INTERVAL

type Decision = Result.Result<TimedEvent, DomainError>
const ok = (e: TimedEvent): Decision => Result.succeed(e)
const no = (error: DomainError): Decision => Result.fail(error)

/**
 * Accepts `event` in `state` (Success with the event, unchanged) or rejects it (Failure with the first rule it
 * breaks). Rules: docs/EVENTS.md "Decider rules". Schema checks (types, ranges, formats) happen before, on decode.
 */
export const decide = (state: LedgerState, event: TimedEvent): Decision => {
  const atS = parseAtS(event.at)
  if (atS === undefined) return no(new EventTimeBackwardsError({ field: "at", message: `not a valid time: ${event.at}` }))
  if (state.sealed) return no(new LogSealError({ field: "type", message: "the log is sealed: no event may follow LogSealed" }))
  if (event.type === "ScenarioStarted") {
    if (state.scenario !== null) {
      return no(new ScenarioAlreadyStartedError({ field: "type", message: "a second ScenarioStarted (a log holds one scenario)" }))
    }
    const d = event.data
    if (!isValidBits(bitsOf(d.network.bits))) {
      return no(new NetworkBitsInvalidError({ field: "data.network.bits", message: `${d.network.bits} encodes no valid target` }))
    }
    const untilS = parseAtS(d.until) ?? 0
    if (untilS <= atS) return no(new EventTimeBackwardsError({ field: "data.until", message: `the horizon ${d.until} is not after the start ${event.at}` }))
    if (untilS - atS > MAX_HORIZON_S) {
      return no(new EventAfterHorizonError({ field: "data.until", message: `the horizon ${d.until} is more than ${MAX_HORIZON_DAYS} days (50 years) after the start ${event.at}` }))
    }
    if (state.lastAtS !== null && atS < state.lastAtS) {
      return no(new EventTimeBackwardsError({ field: "at", message: `${event.at} is before the previous event` }))
    }
    return ok(event)
  }
  if (state.scenario === null) {
    return no(new ScenarioNotStartedError({ field: "type", message: `${event.type} before ScenarioStarted (a log starts with it)` }))
  }
  if (state.lastAtS !== null && atS < state.lastAtS) {
    return no(new EventTimeBackwardsError({ field: "at", message: `${event.at} is before the previous event` }))
  }
  // Nothing happens after the horizon (an event exactly at `until` closes the last period). The one rule behind
  // `validate` and `run` alike: the simulator's compiler defers to it.
  const untilS = state.scenario.untilS
  if (atS > untilS) {
    return no(new EventAfterHorizonError({ field: "at", message: `${event.at} is after the scenario's horizon (until ${formatAtS(untilS)})` }))
  }
  switch (event.type) {
    case "HashratePurchased": {
      if (lookup(state.lots, event.data.lotId) !== undefined) {
        return no(new LotDuplicateError({ field: "data.lotId", message: `lot ${event.data.lotId} was already bought` }))
      }
      let fleetThs = event.data.hashrateThs
      for (const lot of Object.values(state.lots)) fleetThs += lot.hashrateThs
      // With the same float slack as every TH/s comparison: lots split in float parts may sum a hair past the bound.
      if (exceeds(fleetThs, MAX_FLEET_THS)) {
        return no(new TotalOutOfBoundsError({ field: "data.hashrateThs", message: `the lots bought come to ${fleetThs} TH/s, more than the ${MAX_FLEET_THS} TH/s a fleet may hold` }))
      }
      if (state.treasury.capexUsdCents + event.data.priceUsdCents > MAX_CAPEX_USD_CENTS) {
        return no(new TotalOutOfBoundsError({ field: "data.priceUsdCents", message: `the lots bought cost more than ${MAX_CAPEX_USD_CENTS} cents together` }))
      }
      return ok(event)
    }
    case "HostingContractSigned": {
      const d = event.data
      if (lookup(state.contracts, d.contractId) !== undefined) {
        return no(new ContractDuplicateError({ field: "data.contractId", message: `contract ${d.contractId} was already signed` }))
      }
      const site = lookup(state.sites, d.siteId)
      const current = site === undefined ? undefined : lookup(state.contracts, site.contractId)
      if (current !== undefined && current.endsAtS > atS) {
        return no(new SiteAlreadyContractedError({
          field: "data.siteId",
          message: `site ${d.siteId} is under contract ${current.contractId} until its end`
        }))
      }
      if ((parseAtS(d.endsAt) ?? 0) <= atS) {
        return no(new EventTimeBackwardsError({ field: "data.endsAt", message: `the contract ends (${d.endsAt}) before it is signed` }))
      }
      return ok(event)
    }
    case "MachinesDeployed": {
      const d = event.data
      const lot = lookup(state.lots, d.lotId)
      if (lot === undefined) return no(new LotUnknownError({ field: "data.lotId", message: `unknown lot ${d.lotId}` }))
      if (lookup(state.sites, d.siteId) === undefined) return no(new SiteUnknownError({ field: "data.siteId", message: `unknown site ${d.siteId} (no hosting contract names it)` }))
      const available = lot.hashrateThs - lot.deployedThs
      if (exceeds(d.hashrateThs, available)) {
        return no(new LotOverDeployedError({
          field: "data.hashrateThs",
          message: `deploying ${d.hashrateThs} TH/s of lot ${d.lotId}, which has ${available} TH/s undeployed`
        }))
      }
      return ok(event)
    }
    case "MachinesRemoved": {
      const d = event.data
      const lot = lookup(state.lots, d.lotId)
      if (lot === undefined) return no(new LotUnknownError({ field: "data.lotId", message: `unknown lot ${d.lotId}` }))
      if (lookup(state.sites, d.siteId) === undefined) return no(new SiteUnknownError({ field: "data.siteId", message: `unknown site ${d.siteId} (no hosting contract names it)` }))
      const deployed = lookup(lot.deployedThsBySite, d.siteId) ?? 0
      if (exceeds(d.hashrateThs, deployed)) {
        return no(new SiteOverRemovedError({
          field: "data.hashrateThs",
          message: `removing ${d.hashrateThs} TH/s of lot ${d.lotId} from site ${d.siteId}, where ${deployed} TH/s are deployed`
        }))
      }
      return ok(event)
    }
    case "FleetSwitched":
      if (lookup(state.sites, event.data.siteId) === undefined) {
        return no(new SiteUnknownError({ field: "data.siteId", message: `unknown site ${event.data.siteId}` }))
      }
      return ok(event)
    case "CurtailmentStarted":
    case "CurtailmentEnded": {
      const site = lookup(state.sites, event.data.siteId)
      if (site === undefined) return no(new SiteUnknownError({ field: "data.siteId", message: `unknown site ${event.data.siteId}` }))
      if (event.type === "CurtailmentEnded" && site.curtailedFraction === 0) {
        return no(new CurtailmentNotActiveError({ field: "data.siteId", message: `site ${event.data.siteId} is not curtailed` }))
      }
      return ok(event)
    }
    case "BtcSold": {
      const d = event.data
      if (d.amountSats > state.treasury.btcHeldSats) {
        return no(new BtcOversoldError({
          field: "data.amountSats",
          message: `selling ${d.amountSats} sats with ${state.treasury.btcHeldSats} sats held`
        }))
      }
      const proceeds = satsToUsdCents(d.amountSats, d.priceUsdCents)
      if (d.proceedsUsdCents !== proceeds) {
        return no(new SaleProceedsMismatchError({
          field: "data.proceedsUsdCents",
          message: `expected ${proceeds} (amountSats x priceUsdCents / 1e8, half-even), got ${d.proceedsUsdCents}`
        }))
      }
      return ok(event)
    }
    case "DifficultyAdjusted":
      return decideRetarget(state, event)
    case "FeesObserved":
    case "FleetOperationObserved":
      return decideObservedSpan(state, event)
    case "BlockFound": {
      const d = event.data
      if (d.height <= state.network.tipHeight) {
        return no(new BlockHeightOrderError({ field: "data.height", message: `block ${d.height} is not above the tip ${state.network.tipHeight}` }))
      }
      if (d.height >= epochEnd(state)) {
        return no(new RetargetMissingError({ field: "data.height", message: `block ${d.height} is past the epoch ending at ${epochEnd(state) - 1}: DifficultyAdjusted at ${epochEnd(state)} must come first` }))
      }
      if (d.subsidySats !== subsidyAt(d.height)) {
        return no(new BlockSubsidyMismatchError({ field: "data.subsidySats", message: `the subsidy at height ${d.height} is ${subsidyAt(d.height)} sats, got ${d.subsidySats}` }))
      }
      return ok(event)
    }
    case "BlocksMined": {
      const d = event.data
      if (d.firstHeight !== state.network.tipHeight + 1) {
        return no(new BlockHeightOrderError({ field: "data.firstHeight", message: `expected ${state.network.tipHeight + 1} (the block after the tip), got ${d.firstHeight}` }))
      }
      if (d.lastHeight < d.firstHeight - 1) {
        return no(new BlocksMinedRangeError({ field: "data.lastHeight", message: `lastHeight ${d.lastHeight} is below firstHeight - 1` }))
      }
      if (d.lastHeight >= epochEnd(state)) {
        return no(new RetargetMissingError({ field: "data.lastHeight", message: `blocks up to ${d.lastHeight} cross the retarget at ${epochEnd(state)}: end the period at ${epochEnd(state) - 1}` }))
      }
      const count = d.lastHeight - d.firstHeight + 1
      if (d.fleetBlocks > count) {
        return no(new BlocksMinedRangeError({ field: "data.fleetBlocks", message: `${d.fleetBlocks} fleet blocks among ${count} blocks` }))
      }
      if (count > 0 && Math.floor(d.firstHeight / HALVING_INTERVAL) !== Math.floor(d.lastHeight / HALVING_INTERVAL)) {
        return no(new BlocksMinedRangeError({ field: "data.lastHeight", message: `blocks ${d.firstHeight}-${d.lastHeight} cross a halving: end the period before it` }))
      }
      const subsidy = d.fleetBlocks * subsidyAt(d.firstHeight)
      if (d.subsidySats !== subsidy) {
        return no(new BlockSubsidyMismatchError({ field: "data.subsidySats", message: `${d.fleetBlocks} fleet blocks at height ${d.firstHeight} earn ${subsidy} sats of subsidy, got ${d.subsidySats}` }))
      }
      return ok(event)
    }
    case "HalvingReached": {
      const d = event.data
      if (d.height % HALVING_INTERVAL !== 0 || d.height <= state.network.tipHeight) {
        return no(new HalvingHeightInvalidError({ field: "data.height", message: `${d.height} is not a halving height above the tip ${state.network.tipHeight}` }))
      }
      if (d.subsidySats !== subsidyAt(d.height)) {
        return no(new BlockSubsidyMismatchError({ field: "data.subsidySats", message: `the subsidy from height ${d.height} is ${subsidyAt(d.height)} sats, got ${d.subsidySats}` }))
      }
      return ok(event)
    }
    case "HostingFeeCharged":
    case "CurtailmentCredited":
    case "SlaCredited":
      if (lookup(state.contracts, event.data.contractId) === undefined) {
        return no(new ContractUnknownError({ field: "data.contractId", message: `unknown contract ${event.data.contractId}` }))
      }
      return ok(event)
    case "LogSealed":
      if (event.data.eventCount !== state.eventCount) {
        return no(new LogSealError({ field: "data.eventCount", message: `the log holds ${state.eventCount} events before the seal, the seal says ${event.data.eventCount}` }))
      }
      if (state.lastAtS !== null && atS !== state.lastAtS) {
        return no(new LogSealError({ field: "at", message: "the seal's time must be the last event's" }))
      }
      return ok(event)
    case "PoolConfigured":
    case "SalesPolicySet":
    case "OperatingPolicySet":
    case "PriceObserved":
    case "MarketStepped":
    case "RewardCredited":
      return ok(event)
  }
}

const decideRetarget = (state: LedgerState, event: EventOf<"DifficultyAdjusted"> & { readonly at: string }): Decision => {
  const d = event.data
  const expectedHeight = epochEnd(state)
  if (!isRetargetHeight(d.height) || d.height !== expectedHeight) {
    return no(new RetargetHeightInvalidError({
      field: "data.height",
      message: isRetargetHeight(d.height)
        ? `the next retarget is at ${expectedHeight}, not ${d.height}`
        : `${d.height} is not a retarget height (a multiple of ${RETARGET_INTERVAL})`
    }))
  }
  if (d.height - 1 < state.network.tipHeight) {
    return no(new BlockHeightOrderError({ field: "data.height", message: `the tip ${state.network.tipHeight} is already past ${d.height - 1}` }))
  }
  const oldBits = bitsOf(d.oldBits)
  if (oldBits !== state.network.bits) {
    return no(new RetargetInputMismatchError({ field: "data.oldBits", message: `the epoch's bits are ${formatBits(state.network.bits)}, got ${d.oldBits}` }))
  }
  const known = state.network.epochFirstBlockTimeS
  if (known !== null && d.firstBlockTimeS !== known) {
    return no(new RetargetInputMismatchError({ field: "data.firstBlockTimeS", message: `the epoch's first block time is ${known}, got ${d.firstBlockTimeS}` }))
  }
  const expected = nextWorkRequired({ bits: oldBits, firstBlockTime: d.firstBlockTimeS, lastBlockTime: d.lastBlockTimeS })
  if (bitsOf(d.newBits) !== expected) {
    return no(new RetargetBitsMismatchError({
      field: "data.newBits",
      message: `the retarget of ${d.oldBits} over ${d.lastBlockTimeS - d.firstBlockTimeS} s is ${formatBits(expected)}, got ${d.newBits}`
    }))
  }
  return ok(event)
}

/** Fees above this per block cannot be: no amount exceeds Core's MAX_MONEY. */
const MAX_FEE_PER_BLOCK_SATS = Number(MAX_MONEY_SATS)

const decideObservedSpan = (
  state: LedgerState,
  event: (EventOf<"FeesObserved"> | EventOf<"FleetOperationObserved">) & { readonly at: string }
): Decision => {
  const d = event.data
  const atS = parseAtS(event.at) ?? 0
  const fromS = parseAtS(d.fromAt) ?? 0
  const untilS = parseAtS(d.untilAt) ?? 0
  if (fromS !== atS) {
    return no(new ObservedSpanInvalidError({ field: "data.fromAt", message: `an observation takes effect when its span begins: fromAt ${d.fromAt} must equal at ${event.at}` }))
  }
  if (untilS <= fromS) {
    return no(new ObservedSpanInvalidError({ field: "data.untilAt", message: `the span [${d.fromAt}, ${d.untilAt}) is empty or reversed` }))
  }
  const horizonS = state.scenario?.untilS ?? untilS
  if (untilS > horizonS) {
    return no(new ObservedSpanInvalidError({ field: "data.untilAt", message: `the span ends (${d.untilAt}) after the horizon` }))
  }
  const previous: ObservedSpan | null = event.type === "FeesObserved" ? state.observed.fees : state.observed.fleetOperation
  if (previous !== null && fromS < previous.untilS) {
    return no(new ObservedSpanInvalidError({
      field: "data.fromAt",
      message: `overlaps the previous ${event.type}, which holds until ${formatAtS(previous.untilS)}`
    }))
  }
  if (event.type === "FeesObserved") {
    if (event.data.meanFeePerBlockSats > MAX_FEE_PER_BLOCK_SATS) {
      return no(new ObservedValueRangeError({ field: "data.meanFeePerBlockSats", message: `${event.data.meanFeePerBlockSats} sats a block is above MAX_MONEY (21,000,000 BTC)` }))
    }
    return ok(event)
  }
  const deployed = deployedThs(state)
  if (exceeds(event.data.operatingHashrateThs, deployed)) {
    return no(new ObservedValueRangeError({
      field: "data.operatingHashrateThs",
      message: `${event.data.operatingHashrateThs} TH/s operating with ${deployed} TH/s deployed (a fleet that grows within a period is observed in two periods, split at the deployment)`
    }))
  }
  return ok(event)
}

const withLot = (state: LedgerState, lot: LotState): LedgerState => ({ ...state, lots: { ...state.lots, [lot.lotId]: lot } })

const moveThs = (lot: LotState, siteId: string, deltaThs: number): LotState => {
  const before = lookup(lot.deployedThsBySite, siteId) ?? 0
  // Clamp at 0: evolve is total, and float parts summing a hair over keep the books consistent.
  const after = Math.max(0, before + deltaThs)
  const bySite =
    after <= THS_RELATIVE_SLACK * Math.max(1, lot.hashrateThs)
      ? withoutEntry(lot.deployedThsBySite, siteId)
      : withEntry(lot.deployedThsBySite, siteId, after)
  let deployed = 0
  for (const v of Object.values(bySite)) deployed += v
  return { ...lot, deployedThsBySite: bySite, deployedThs: deployed }
}

/**
 * Applies an event: total (any event, even one `decide` would reject, gives a state; unknown ids are ignored)
 * and pure (returns a new state, shares unchanged parts).
 */
export const evolve = (state: LedgerState, event: TimedEvent): LedgerState => {
  const atS = parseAtS(event.at) ?? state.lastAtS ?? 0
  const s: LedgerState = { ...state, eventCount: state.eventCount + 1, lastAtS: Math.max(atS, state.lastAtS ?? atS) }
  switch (event.type) {
    case "ScenarioStarted": {
      if (state.scenario !== null) return s
      const d = event.data
      const tip = d.network.height
      return {
        ...s,
        scenario: { name: d.name, startAtS: atS, untilS: parseAtS(d.until) ?? atS, discountRatePerYear: d.discountRatePerYear, market: d.market },
        network: {
          ...s.network,
          tipHeight: tip,
          bits: bitsOf(d.network.bits),
          epochStartHeight: tip - (tip % RETARGET_INTERVAL),
          epochFirstBlockTimeS: d.network.epochFirstBlockTimeS,
          subsidySats: subsidyAt(tip),
          startHashrateThs: d.network.hashrateThs
        },
        priceUsdCents: d.priceUsdCents
      }
    }
    case "HashratePurchased": {
      const d = event.data
      if (lookup(state.lots, d.lotId) !== undefined) return s
      const shares = d.payment.kind === "shares" ? d.payment.shares : 0
      return {
        ...withLot(s, {
          lotId: d.lotId, vendor: d.vendor, machineModel: d.machineModel, hashrateThs: d.hashrateThs, efficiencyJth: d.efficiencyJth,
          priceUsdCents: d.priceUsdCents, lifeYears: d.lifeYears, purchasedAtS: atS, payment: d.payment, deployedThsBySite: {}, deployedThs: 0
        }),
        treasury: {
          ...s.treasury,
          capexUsdCents: s.treasury.capexUsdCents + d.priceUsdCents,
          sharesIssued: s.treasury.sharesIssued + shares,
          usdCashCents: s.treasury.usdCashCents - (d.payment.kind === "cash" ? d.priceUsdCents : 0)
        }
      }
    }
    case "HostingContractSigned": {
      const d = event.data
      if (lookup(state.contracts, d.contractId) !== undefined) return s
      return {
        ...s,
        contracts: {
          ...s.contracts,
          [d.contractId]: {
            contractId: d.contractId, host: d.host, siteId: d.siteId, ratePerMwhUsdCents: d.ratePerMwhUsdCents, signedAtS: atS,
            endsAtS: parseAtS(d.endsAt) ?? atS, uptimeSlaFraction: d.uptimeSlaFraction, slaCreditPerMwhUsdCents: d.slaCreditPerMwhUsdCents,
            curtailmentCreditPerMwhUsdCents: d.curtailmentCreditPerMwhUsdCents,
            takeOrPayFraction: d.takeOrPayFraction ?? 0, creditsOwnSwitchOff: d.creditsOwnSwitchOff ?? false, energyKwh: 0, feesUsdCents: 0, curtailedKwh: 0,
            curtailmentCreditsUsdCents: 0, shortfallKwh: 0, slaCreditsUsdCents: 0
          }
        },
        sites: {
          ...s.sites,
          [d.siteId]: {
            siteId: d.siteId,
            contractId: d.contractId,
            curtailedFraction: lookup(s.sites, d.siteId)?.curtailedFraction ?? 0,
            switchedOff: lookup(s.sites, d.siteId)?.switchedOff ?? false
          }
        }
      }
    }
    case "MachinesDeployed":
    case "MachinesRemoved": {
      const d = event.data
      const lot = lookup(state.lots, d.lotId)
      if (lot === undefined) return s
      if (event.type === "MachinesDeployed") {
        return withLot(s, moveThs(lot, d.siteId, Math.min(d.hashrateThs, Math.max(0, lot.hashrateThs - lot.deployedThs))))
      }
      return withLot(s, moveThs(lot, d.siteId, -d.hashrateThs))
    }
    case "CurtailmentStarted":
    case "CurtailmentEnded": {
      const site = lookup(state.sites, event.data.siteId)
      if (site === undefined) return s
      const fraction = event.type === "CurtailmentStarted" ? event.data.fraction : 0
      return { ...s, sites: { ...s.sites, [site.siteId]: { ...site, curtailedFraction: fraction } } }
    }
    case "PoolConfigured":
      return { ...s, pool: event.data }
    case "SalesPolicySet":
      return { ...s, salesPolicy: event.data.policy }
    case "OperatingPolicySet":
      return { ...s, operatingPolicy: event.data.policy }
    case "FleetSwitched": {
      const site = lookup(state.sites, event.data.siteId)
      if (site === undefined) return s
      return { ...s, sites: { ...s.sites, [site.siteId]: { ...site, switchedOff: !event.data.running } } }
    }
    case "BtcSold": {
      const d = event.data
      const sold = Math.min(d.amountSats, state.treasury.btcHeldSats)
      return {
        ...s,
        treasury: {
          ...s.treasury,
          btcHeldSats: s.treasury.btcHeldSats - sold,
          soldSats: s.treasury.soldSats + sold,
          saleProceedsUsdCents: s.treasury.saleProceedsUsdCents + d.proceedsUsdCents,
          usdCashCents: s.treasury.usdCashCents + d.proceedsUsdCents
        }
      }
    }
    case "PriceObserved":
      return { ...s, priceUsdCents: event.data.priceUsdCents }
    case "MarketStepped":
      return {
        ...s,
        priceUsdCents: event.data.priceUsdCents,
        uptimeFraction: event.data.uptimeFraction,
        network: { ...s.network, otherHashrateThs: event.data.otherHashrateThs }
      }
    case "DifficultyAdjusted": {
      const d = event.data
      return {
        ...s,
        network: {
          ...s.network,
          bits: bitsOf(d.newBits),
          epochStartHeight: d.height,
          epochFirstBlockTimeS: null,
          lastBlockTimeS: d.lastBlockTimeS,
          tipHeight: Math.max(s.network.tipHeight, d.height - 1)
        }
      }
    }
    case "BlockFound": {
      const d = event.data
      const n = s.network
      return {
        ...s,
        network: {
          ...n,
          tipHeight: Math.max(n.tipHeight, d.height),
          lastBlockTimeS: d.blockTimeS,
          epochFirstBlockTimeS: d.height === n.epochStartHeight ? d.blockTimeS : n.epochFirstBlockTimeS,
          fleetBlocks: n.fleetBlocks + (d.fleet ? 1 : 0)
        }
      }
    }
    case "BlocksMined": {
      const d = event.data
      return {
        ...s,
        network: { ...s.network, tipHeight: Math.max(s.network.tipHeight, d.lastHeight), fleetBlocks: s.network.fleetBlocks + d.fleetBlocks }
      }
    }
    case "HalvingReached":
      return { ...s, network: { ...s.network, subsidySats: event.data.subsidySats } }
    case "FeesObserved":
    case "FleetOperationObserved": {
      const d = event.data
      const span: ObservedSpan = {
        fromS: parseAtS(d.fromAt) ?? atS,
        untilS: parseAtS(d.untilAt) ?? atS,
        value: event.type === "FeesObserved" ? event.data.meanFeePerBlockSats : event.data.operatingHashrateThs
      }
      return {
        ...s,
        observed: event.type === "FeesObserved" ? { ...s.observed, fees: span } : { ...s.observed, fleetOperation: span }
      }
    }
    case "RewardCredited":
      return {
        ...s,
        treasury: {
          ...s.treasury,
          btcHeldSats: s.treasury.btcHeldSats + event.data.amountSats,
          minedSats: s.treasury.minedSats + event.data.amountSats,
          poolFeeSats: s.treasury.poolFeeSats + event.data.poolFeeSats
        }
      }
    case "HostingFeeCharged":
    case "CurtailmentCredited":
    case "SlaCredited": {
      const c = lookup(state.contracts, event.data.contractId)
      if (c === undefined) return s
      const d = event.data
      const next =
        event.type === "HostingFeeCharged"
          ? { ...c, energyKwh: c.energyKwh + event.data.energyKwh, feesUsdCents: c.feesUsdCents + d.amountUsdCents }
          : event.type === "CurtailmentCredited"
            ? { ...c, curtailedKwh: c.curtailedKwh + event.data.curtailedKwh, curtailmentCreditsUsdCents: c.curtailmentCreditsUsdCents + d.amountUsdCents }
            : { ...c, shortfallKwh: c.shortfallKwh + event.data.shortfallKwh, slaCreditsUsdCents: c.slaCreditsUsdCents + d.amountUsdCents }
      const cash = event.type === "HostingFeeCharged" ? -d.amountUsdCents : d.amountUsdCents
      return {
        ...s,
        contracts: { ...s.contracts, [c.contractId]: next },
        treasury: { ...s.treasury, usdCashCents: s.treasury.usdCashCents + cash }
      }
    }
    case "LogSealed":
      // The seal is not an event of the scenario: it closes the log and is not counted.
      return { ...state, sealed: true }
  }
}

/** Folds events into a state from `from` (default: the initial state), without checking rules. */
export const foldEvents = (events: Iterable<TimedEvent>, from: LedgerState): LedgerState => {
  let state = from
  for (const e of events) state = evolve(state, e)
  return state
}
