// The fleet, network, treasury and contracts projections: pure views of the state a fold over the log builds
// (`foldEvents`), so each is "a fold" whose step is `evolve` and whose snapshot is the plain state.
import { bitsToDifficulty, formatBits, hashrateForBits, hashesPerSToThs, RETARGET_INTERVAL } from "@hashsim/chain"
import { onlineThsOf } from "@hashsim/economics"
import { type LedgerState, lookup, networkThs } from "./LedgerState.ts"

export interface FleetLotView {
  readonly lotId: string
  readonly purchasedThs: number
  readonly deployedThs: number
  readonly undeployedThs: number
  readonly efficiencyJth: number
  readonly deployedThsBySite: { readonly [siteId: string]: number }
  /** deployed x (1 - each site's curtailed fraction) x uptime. */
  readonly onlineThs: number
  readonly powerKw: number
}
export interface FleetSiteView {
  readonly siteId: string
  readonly contractId: string
  readonly deployedThs: number
  readonly curtailedFraction: number
  /** deployed x (1 - curtailed) x uptime. */
  readonly onlineThs: number
  readonly powerKw: number
}
export interface FleetView {
  readonly lots: ReadonlyArray<FleetLotView>
  readonly sites: ReadonlyArray<FleetSiteView>
  readonly purchasedThs: number
  readonly deployedThs: number
  readonly onlineThs: number
  readonly powerKw: number
}

/** Purchased, deployed and online TH/s and power, per lot and per site. */
export const fleetView = (state: LedgerState): FleetView => {
  const lots = Object.values(state.lots).map((lot) => {
    let online = 0
    for (const [siteId, ths] of Object.entries(lot.deployedThsBySite)) {
      online += onlineThsOf(ths, lookup(state.sites, siteId)?.curtailedFraction ?? 0, state.uptimeFraction)
    }
    return {
      lotId: lot.lotId,
      purchasedThs: lot.hashrateThs,
      deployedThs: lot.deployedThs,
      undeployedThs: Math.max(0, lot.hashrateThs - lot.deployedThs),
      efficiencyJth: lot.efficiencyJth,
      deployedThsBySite: lot.deployedThsBySite,
      onlineThs: online,
      powerKw: (online * lot.efficiencyJth) / 1000
    }
  })
  const sites = Object.values(state.sites).map((site) => {
    let deployed = 0
    let watts = 0
    for (const lot of Object.values(state.lots)) {
      const ths = lookup(lot.deployedThsBySite, site.siteId) ?? 0
      deployed += ths
      watts += ths * lot.efficiencyJth
    }
    const on = (1 - site.curtailedFraction) * state.uptimeFraction
    return {
      siteId: site.siteId,
      contractId: site.contractId,
      deployedThs: deployed,
      curtailedFraction: site.curtailedFraction,
      onlineThs: deployed * on,
      powerKw: (watts * on) / 1000
    }
  })
  return {
    lots,
    sites,
    purchasedThs: lots.reduce((a, l) => a + l.purchasedThs, 0),
    deployedThs: lots.reduce((a, l) => a + l.deployedThs, 0),
    onlineThs: sites.reduce((a, s) => a + s.onlineThs, 0),
    powerKw: sites.reduce((a, s) => a + s.powerKw, 0)
  }
}

export interface NetworkView {
  /** Scenario time of the last event, Unix seconds (null before any). */
  readonly timeS: number | null
  /** Header time of the last block the log reported (null if none). */
  readonly lastBlockTimeS: number | null
  readonly height: number
  readonly bits: string
  readonly difficulty: number
  readonly epochStartHeight: number
  readonly nextRetargetHeight: number
  readonly subsidySats: number
  /** The hashrate in force: fleet online + everyone else's (or the start's total before any market step). */
  readonly hashrateThs: number
  /** The hashrate the current difficulty implies at 600 s a block. */
  readonly hashrateThsFromDifficulty: number
  readonly otherHashrateThs: number | null
  readonly fleetBlocks: number
}

/** Height, time, bits, difficulty, estimated hashrate. */
export const networkView = (state: LedgerState): NetworkView => {
  const n = state.network
  let difficulty = 0
  let implied = 0
  try {
    difficulty = bitsToDifficulty(n.bits)
    implied = hashesPerSToThs(hashrateForBits(n.bits))
  } catch {
    // bits of a rejected start: the view stays total
  }
  return {
    timeS: state.lastAtS,
    lastBlockTimeS: n.lastBlockTimeS,
    height: n.tipHeight,
    bits: formatBits(n.bits),
    difficulty,
    epochStartHeight: n.epochStartHeight,
    nextRetargetHeight: n.epochStartHeight + RETARGET_INTERVAL,
    subsidySats: n.subsidySats,
    hashrateThs: networkThs(state),
    hashrateThsFromDifficulty: implied,
    otherHashrateThs: n.otherHashrateThs,
    fleetBlocks: n.fleetBlocks
  }
}

/** BTC held, USD cash, shares issued, and what moved them. */
export const treasuryView = (state: LedgerState) => ({ ...state.treasury, priceUsdCents: state.priceUsdCents })

/** Energy billed, fees and credits per contract. */
export const contractsView = (state: LedgerState) => Object.values(state.contracts)
