// The fleet invariant: for every lot, online <= deployed <= purchased, deployments less removals never negative
// and equal to the fold's; no power drawn with nothing online; a day's hosting invoice within its site's peak power
// for 24 hours (under an observed operating hashrate, that hashrate's share of the site), and zero where nothing
// was online that day.
import { onlineThsOf, SECONDS_PER_DAY } from "@hashsim/economics"
import { inForce, type LedgerState, lookup, onlinePowerKw, onlineThs } from "@hashsim/ledger"
import { type Invariant, type InvariantEvent, THS_RELATIVE_SLACK, Violations } from "./Invariant.ts"

interface FleetState {
  readonly violations: Violations
  dayIndex: number
  readonly deployedByLot: Map<string, number>
  /** Each site's peak power (kW) seen so far in the current UTC day. */
  readonly dayMaxPowerKw: Map<string, number>
}

const within = (x: number, bound: number): boolean => x <= bound + THS_RELATIVE_SLACK * Math.max(1, Math.abs(bound), Math.abs(x))

/**
 * A site's peak power (kW) from the state's time to the end of its day: its machines less curtailment, at the
 * day's uptime; while a FleetOperationObserved is in force, the reported hashrate spread over the sites as deployed
 * (onlinePowerKw's total) — and, when that span ends within the day, the larger of the two.
 */
const sitePowerKw = (s: LedgerState, siteId: string): number => {
  const nowS = s.lastAtS ?? 0
  const span = inForce(s.observed.fleetOperation, nowS)
  let watts = 0
  let online = 0
  let deployed = 0
  for (const lot of Object.values(s.lots)) {
    const ths = lookup(lot.deployedThsBySite, siteId) ?? 0
    deployed += lot.deployedThs
    watts += ths * lot.efficiencyJth
    online += ths * (1 - (lookup(s.sites, siteId)?.curtailedFraction ?? 0)) * lot.efficiencyJth
  }
  const modelKw = (online * s.uptimeFraction) / 1000
  if (span === null) return modelKw
  const observedKw = deployed > 0 ? (watts * span.value) / deployed / 1000 : 0
  const dayEndS = (Math.floor(nowS / SECONDS_PER_DAY) + 1) * SECONDS_PER_DAY
  return span.untilS < dayEndS ? Math.max(observedKw, modelKw) : observedKw
}

const notePower = (f: FleetState, s: LedgerState): void => {
  for (const siteId of Object.keys(s.sites)) {
    const p = sitePowerKw(s, siteId)
    if (p > (f.dayMaxPowerKw.get(siteId) ?? 0)) f.dayMaxPowerKw.set(siteId, p)
  }
}

const step = (f: FleetState, ev: InvariantEvent): FleetState => {
  const { entry: e, line, before, after: state } = ev
  const fail = (message: string): void => f.violations.fail(line, message)
  // A new UTC day: each site's power at the day's start is what was in force at the end of the last one.
  if (ev.day !== f.dayIndex) {
    f.dayIndex = ev.day
    f.dayMaxPowerKw.clear()
    notePower(f, before)
  }
  switch (e.type) {
    case "MachinesDeployed":
    case "MachinesRemoved": {
      const d = e.data
      const sign = e.type === "MachinesDeployed" ? 1 : -1
      f.deployedByLot.set(d.lotId, (f.deployedByLot.get(d.lotId) ?? 0) + sign * d.hashrateThs)
      break
    }
    case "HostingFeeCharged": {
      const d = e.data
      const contract = lookup(before.contracts, d.contractId)
      if (contract !== undefined) {
        const maxKw = f.dayMaxPowerKw.get(contract.siteId) ?? 0
        // kWh are rounded to the watt-hour in the log.
        if (maxKw === 0 && (d.energyKwh !== 0 || d.amountUsdCents !== 0)) {
          fail(`${d.energyKwh} kWh (${d.amountUsdCents} cents) billed for ${d.day} at site ${contract.siteId}, where nothing was online that day`)
        } else if (d.energyKwh > maxKw * 24 * (1 + 1e-9) + 0.001) {
          fail(`${d.energyKwh} kWh billed for ${d.day}, more than the site's peak ${maxKw} kW for 24 h`)
        }
      }
      break
    }
    default:
      break
  }
  notePower(f, state)
  for (const lot of Object.values(state.lots)) {
    const mine = f.deployedByLot.get(lot.lotId) ?? 0
    if (!within(lot.deployedThs, lot.hashrateThs)) fail(`lot ${lot.lotId}: ${lot.deployedThs} TH/s deployed of ${lot.hashrateThs} bought`)
    if (!within(mine, lot.hashrateThs)) fail(`lot ${lot.lotId}: deployments less removals reach ${mine} TH/s of ${lot.hashrateThs} bought`)
    if (mine < -THS_RELATIVE_SLACK * lot.hashrateThs) fail(`lot ${lot.lotId}: more removed than deployed (${mine} TH/s)`)
    if (Math.abs(mine - lot.deployedThs) > THS_RELATIVE_SLACK * Math.max(1, lot.hashrateThs)) {
      fail(`lot ${lot.lotId}: the fold says ${lot.deployedThs} TH/s deployed, the events ${mine}`)
    }
    let online = 0
    for (const [siteId, ths] of Object.entries(lot.deployedThsBySite)) {
      if (ths < 0) fail(`lot ${lot.lotId}: ${ths} TH/s at site ${siteId}`)
      online += onlineThsOf(ths, lookup(state.sites, siteId)?.curtailedFraction ?? 0, state.uptimeFraction)
    }
    if (online < 0 || !within(online, lot.deployedThs)) fail(`lot ${lot.lotId}: ${online} TH/s online of ${lot.deployedThs} deployed`)
  }
  if (onlineThs(state) === 0 && onlinePowerKw(state) !== 0) fail(`${onlinePowerKw(state)} kW drawn with nothing online`)
  return f
}

export const fleetInvariant: Invariant<FleetState> = {
  name: "fleet",
  initialState: () => ({ violations: new Violations("fleet"), dayIndex: Number.NaN, deployedByLot: new Map(), dayMaxPowerKw: new Map() }),
  step,
  result: (f) => f.violations.list
}
