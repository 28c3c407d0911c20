// The conservation, fleet and chain invariants of a log, checked event by event against the ledger's own fold:
// what `hashsim check` runs on every log and what the properties in the top-level test/ assert on generated ones.
// Each invariant is recomputed here from the events' data, independently of the decider, so a fault in the
// simulator, the decider or the chain arithmetic shows up as a violation with the line it happened on.
import { compactToTarget, POW_LIMIT, targetToCompact } from "@hashsim/chain"
import { evolve, initialState, type LedgerState, type LogEntry, lookup, onlinePowerKw, onlineThs, parseAtS, satsToUsdCents } from "@hashsim/ledger"

export type InvariantName = "conservation" | "fleet" | "chain"

/** One broken invariant: which, on what line of the log, and why. */
export interface InvariantViolation {
  readonly invariant: InvariantName
  readonly line: number
  readonly message: string
}

const RETARGET_INTERVAL = 2016
const HALVING_INTERVAL = 210_000
const SECONDS_PER_DAY = 86_400
/** TH/s sums of float parts may overshoot by this relative amount (the decider's slack). */
const THS_RELATIVE_SLACK = 1e-9

/** The subsidy schedule restated (50 BTC, halved every 210,000 blocks, 0 after 64 halvings), not imported: it is checked. */
export const scheduleSubsidySats = (height: number): number => {
  const era = Math.floor(height / HALVING_INTERVAL)
  return era >= 64 ? 0 : Number(5_000_000_000n >> BigInt(era))
}

const within = (x: number, bound: number): boolean => x <= bound + THS_RELATIVE_SLACK * Math.max(1, Math.abs(bound), Math.abs(x))

/** A sorted list of the multiples of `step` in (from, to]. */
const multiplesIn = (from: number, to: number, step: number): Array<number> => {
  const out: Array<number> = []
  for (let m = (Math.floor(from / step) + 1) * step; m <= to; m += step) out.push(m)
  return out
}

interface PendingBlock {
  readonly grossSats: number
  readonly line: number
}

/**
 * Checks every invariant over the entries of one log, in order (LogSealed may be included; it is skipped).
 * Returns the violations, first line first; an empty list means the log keeps every invariant.
 */
export const checkLogInvariants = (entries: ReadonlyArray<LogEntry>): ReadonlyArray<InvariantViolation> => {
  const out: Array<InvariantViolation> = []
  const fail = (invariant: InvariantName, line: number, message: string): void => {
    out.push({ invariant, line, message })
  }
  let state: LedgerState = initialState()

  // conservation
  let creditedSats = 0
  let soldSats = 0
  let cashCents = 0
  const soloBlocks = new Map<number, PendingBlock>()
  // The aggregate engine credits a day's solo blocks at the day's close: these are the day's BlocksMined.
  let blocksGrossSats = 0
  let blocksSoloThroughout = true
  let blocksLine = 0
  let fppsSince = false
  let onlineSinceFpps = false

  // fleet
  const deployedByLot = new Map<string, number>()
  let dayIndex = Number.NaN
  const dayMaxPowerKw = new Map<string, number>()

  // chain
  let lastAtS = Number.NEGATIVE_INFINITY
  let tip = 0
  let epochStart = 0
  let bits = 0
  let lastGeneratedBlockTimeS = Number.NEGATIVE_INFINITY
  let nextHalving = 0
  let started = false
  const retargetsSeen = new Set<number>()

  const sitePowerKw = (s: LedgerState, siteId: string): number => {
    let watts = 0
    for (const lot of Object.values(s.lots)) {
      const ths = lookup(lot.deployedThsBySite, siteId) ?? 0
      watts += ths * (1 - (lookup(s.sites, siteId)?.curtailedFraction ?? 0)) * lot.efficiencyJth
    }
    return (watts * s.uptimeFraction) / 1000
  }
  const notePower = (s: LedgerState): void => {
    for (const siteId of Object.keys(s.sites)) {
      const p = sitePowerKw(s, siteId)
      if (p > (dayMaxPowerKw.get(siteId) ?? 0)) dayMaxPowerKw.set(siteId, p)
    }
  }

  /** A block at `height` (found or summarised): the retargets and halvings before it must already be in the log. */
  const blocksUpTo = (line: number, lastHeight: number): void => {
    for (const m of multiplesIn(tip, lastHeight, RETARGET_INTERVAL)) {
      if (!retargetsSeen.has(m)) fail("chain", line, `block ${m} is mined without a DifficultyAdjusted at height ${m} before it`)
    }
    if (lastHeight >= nextHalving) fail("chain", line, `block ${nextHalving} is mined without HalvingReached at ${nextHalving} before it`)
  }

  for (const e of entries) {
    if (e.type === "LogSealed") continue
    const line = e.seq
    const atS = parseAtS(e.at) ?? Number.NaN
    if (!(atS >= lastAtS)) fail("chain", line, `time goes backwards: ${e.at} is before the previous event`)
    lastAtS = Math.max(lastAtS, atS)
    const generated = e.source?.engine !== undefined

    // A new UTC day: each site's power at the day's start is what was in force at the end of the last one.
    const day = Math.floor(atS / SECONDS_PER_DAY)
    if (day !== dayIndex) {
      dayIndex = day
      dayMaxPowerKw.clear()
      notePower(state)
      if (blocksSoloThroughout && blocksGrossSats > 0) {
        fail("conservation", blocksLine, `${blocksGrossSats} sats of fleet blocks mined solo that day were never credited`)
      }
      blocksGrossSats = 0
      blocksLine = 0
      blocksSoloThroughout = state.pool.mode === "solo"
    }

    const before = state
    switch (e.type) {
      case "ScenarioStarted": {
        const n = e.data.network
        started = true
        tip = n.height
        epochStart = tip - (tip % RETARGET_INTERVAL)
        bits = Number.parseInt(n.bits, 16)
        nextHalving = (Math.floor(tip / HALVING_INTERVAL) + 1) * HALVING_INTERVAL
        break
      }
      case "HashratePurchased":
        if (e.data.payment.kind === "cash") cashCents -= e.data.priceUsdCents
        break
      case "MachinesDeployed":
      case "MachinesRemoved": {
        const d = e.data
        const sign = e.type === "MachinesDeployed" ? 1 : -1
        deployedByLot.set(d.lotId, (deployedByLot.get(d.lotId) ?? 0) + sign * d.hashrateThs)
        break
      }
      case "PoolConfigured":
        if (e.data.mode !== "solo") blocksSoloThroughout = false
        break
      case "RewardCredited": {
        const d = e.data
        creditedSats += d.amountSats
        const gross = d.amountSats + d.poolFeeSats
        if (d.basis === "block") {
          const b = d.height === undefined ? undefined : soloBlocks.get(d.height)
          if (b === undefined) {
            fail("conservation", line, `a block credit for height ${d.height ?? "(none)"}, where the log shows no uncredited fleet block found solo`)
          } else {
            soloBlocks.delete(d.height!)
            if (gross !== b.grossSats) fail("conservation", line, `credit + pool fee = ${gross} sats, but block ${d.height} (line ${b.line}) paid ${b.grossSats}`)
          }
        } else if (d.basis === "blocks") {
          if (blocksSoloThroughout ? gross !== blocksGrossSats : gross > blocksGrossSats) {
            fail("conservation", line, `credit + pool fee = ${gross} sats, but the fleet's blocks mined that day paid ${blocksGrossSats}`)
          }
          blocksGrossSats = 0
        } else if (d.basis === "fpps") {
          if (!fppsSince && before.pool.mode !== "fpps") fail("conservation", line, "an FPPS payout while the pool was never FPPS since the last one")
          else if (!onlineSinceFpps && d.amountSats + d.poolFeeSats > 0) fail("conservation", line, "an FPPS payout for a period in which nothing was online")
          fppsSince = false
          onlineSinceFpps = false
        }
        break
      }
      case "BtcSold": {
        const d = e.data
        soldSats += d.amountSats
        cashCents += d.proceedsUsdCents
        if (d.proceedsUsdCents !== satsToUsdCents(d.amountSats, d.priceUsdCents)) {
          fail("conservation", line, `proceeds ${d.proceedsUsdCents} are not ${d.amountSats} sats x ${d.priceUsdCents} / 1e8 half-even`)
        }
        break
      }
      case "HostingFeeCharged": {
        const d = e.data
        cashCents -= d.amountUsdCents
        const contract = lookup(before.contracts, d.contractId)
        if (contract !== undefined) {
          const maxKw = dayMaxPowerKw.get(contract.siteId) ?? 0
          // kWh are rounded to the watt-hour in the log.
          if (maxKw === 0 && (d.energyKwh !== 0 || d.amountUsdCents !== 0)) {
            fail("fleet", line, `${d.energyKwh} kWh (${d.amountUsdCents} cents) billed for ${d.day} at site ${contract.siteId}, where nothing was online that day`)
          } else if (d.energyKwh > maxKw * 24 * (1 + 1e-9) + 0.001) {
            fail("fleet", line, `${d.energyKwh} kWh billed for ${d.day}, more than the site's peak ${maxKw} kW for 24 h`)
          }
          const exact = (d.energyKwh * contract.ratePerMwhUsdCents) / 1000
          if (Math.abs(d.amountUsdCents - exact) > 0.5 + 1e-9 * Math.max(1, exact)) {
            fail("conservation", line, `fee ${d.amountUsdCents} cents is not ${d.energyKwh} kWh x ${contract.ratePerMwhUsdCents} cents/MWh rounded to the cent`)
          }
        }
        break
      }
      case "CurtailmentCredited":
      case "SlaCredited":
        cashCents += e.data.amountUsdCents
        break
      case "DifficultyAdjusted": {
        const d = e.data
        if (d.height % RETARGET_INTERVAL !== 0) fail("chain", line, `DifficultyAdjusted at ${d.height}, not a multiple of ${RETARGET_INTERVAL}`)
        else if (d.height !== epochStart + RETARGET_INTERVAL) fail("chain", line, `DifficultyAdjusted at ${d.height}; the next retarget height is ${epochStart + RETARGET_INTERVAL}`)
        if (d.height - 1 < tip) fail("chain", line, `DifficultyAdjusted at ${d.height} after block ${tip} was already mined`)
        const oldBits = Number.parseInt(d.oldBits, 16)
        const newBits = Number.parseInt(d.newBits, 16)
        if (oldBits !== bits) fail("chain", line, `oldBits ${d.oldBits} are not the epoch's bits ${bits.toString(16).padStart(8, "0")}`)
        if (generated && d.lastBlockTimeS < d.firstBlockTimeS) fail("chain", line, "the epoch's last block time is before its first")
        try {
          const oldT = compactToTarget(oldBits).target
          const newT = compactToTarget(newBits).target
          const upper = oldT * 4n < POW_LIMIT ? oldT * 4n : POW_LIMIT
          // The clamp holds before encoding; encoding truncates (monotonically), so the floor is old/4 encoded.
          const floorQuarter = oldT / 4n
          const lower = compactToTarget(targetToCompact(floorQuarter > POW_LIMIT ? POW_LIMIT : floorQuarter)).target
          if (newT > upper) fail("chain", line, `new target exceeds ${oldT * 4n < POW_LIMIT ? "4 x the old target" : "powLimit"} (${d.oldBits} -> ${d.newBits})`)
          if (newT < lower) fail("chain", line, `new target is below a quarter of the old one (${d.oldBits} -> ${d.newBits})`)
          if (newT > POW_LIMIT) fail("chain", line, `new target ${d.newBits} is above powLimit`)
          // Before encoding: old x clamp(last - first) / two weeks, capped at powLimit, encodes to newBits.
          const span = BigInt(Math.min(4 * 1_209_600, Math.max(1_209_600 / 4, d.lastBlockTimeS - d.firstBlockTimeS)))
          let pre = (oldT * span) / 1_209_600n
          if (pre > POW_LIMIT) pre = POW_LIMIT
          if (pre * 4n < oldT || (pre > oldT * 4n)) fail("chain", line, "the retarget before encoding is outside the factor-4 clamp")
          if (targetToCompact(pre) !== newBits) fail("chain", line, `newBits ${d.newBits} is not the retarget of ${d.oldBits} over ${d.lastBlockTimeS - d.firstBlockTimeS} s`)
        } catch (error) {
          fail("chain", line, `bits that encode no target: ${error instanceof Error ? error.message : String(error)}`)
        }
        retargetsSeen.add(d.height)
        bits = newBits
        epochStart = d.height
        tip = Math.max(tip, d.height - 1)
        break
      }
      case "HalvingReached": {
        const d = e.data
        if (d.height !== nextHalving) fail("chain", line, `HalvingReached at ${d.height}; the next halving height is ${nextHalving}`)
        const previous = scheduleSubsidySats(d.height - 1)
        if (d.subsidySats !== Math.floor(previous / 2) || d.subsidySats !== scheduleSubsidySats(d.height)) {
          fail("chain", line, `the subsidy from ${d.height} is ${d.subsidySats} sats; it must halve exactly, from ${previous}`)
        }
        if (d.height - 1 < tip) fail("chain", line, `HalvingReached at ${d.height} after block ${tip} was already mined`)
        nextHalving = d.height + HALVING_INTERVAL
        break
      }
      case "BlockFound": {
        const d = e.data
        if (d.height <= tip) fail("chain", line, `block ${d.height} is not above the tip ${tip}`)
        blocksUpTo(line, d.height)
        if (d.subsidySats !== scheduleSubsidySats(d.height)) fail("chain", line, `block ${d.height} pays ${d.subsidySats} sats of subsidy; the schedule says ${scheduleSubsidySats(d.height)}`)
        if (generated) {
          if (d.blockTimeS < lastGeneratedBlockTimeS) fail("chain", line, `block time ${d.blockTimeS} goes backwards`)
          lastGeneratedBlockTimeS = Math.max(lastGeneratedBlockTimeS, d.blockTimeS)
        }
        tip = Math.max(tip, d.height)
        if (d.fleet && before.pool.mode === "solo") soloBlocks.set(d.height, { grossSats: d.subsidySats + d.feesSats, line })
        break
      }
      case "BlocksMined": {
        const d = e.data
        if (d.firstHeight !== tip + 1) fail("chain", line, `blocks from ${d.firstHeight}: not contiguous with the tip ${tip}`)
        if (d.lastHeight >= d.firstHeight) {
          blocksUpTo(line, d.lastHeight)
          if (Math.floor(d.firstHeight / HALVING_INTERVAL) !== Math.floor(d.lastHeight / HALVING_INTERVAL)) {
            fail("chain", line, `blocks ${d.firstHeight}-${d.lastHeight} span a halving`)
          }
        }
        if (d.fleetBlocks > Math.max(0, d.lastHeight - d.firstHeight + 1)) fail("chain", line, `${d.fleetBlocks} fleet blocks among ${d.lastHeight - d.firstHeight + 1}`)
        if (d.subsidySats !== d.fleetBlocks * scheduleSubsidySats(d.firstHeight)) {
          fail("chain", line, `${d.fleetBlocks} fleet blocks from ${d.firstHeight} pay ${d.subsidySats} sats of subsidy; the schedule says ${d.fleetBlocks * scheduleSubsidySats(d.firstHeight)}`)
        }
        tip = Math.max(tip, d.lastHeight)
        blocksGrossSats += d.subsidySats + d.feesSats
        if (d.fleetBlocks > 0) blocksLine = line
        break
      }
      default:
        break
    }
    if (!started && e.type !== "ScenarioStarted") fail("chain", line, "an event before ScenarioStarted")

    state = evolve(state, e)
    if (state.pool.mode === "fpps") fppsSince = true
    if (onlineThs(state) > 0) onlineSinceFpps = true
    notePower(state)

    // conservation: BTC held = credited - sold, never negative; cash = the sum of what moves it.
    const held = state.treasury.btcHeldSats
    if (held !== creditedSats - soldSats) fail("conservation", line, `BTC held ${held} sats, but credited - sold = ${creditedSats - soldSats}`)
    if (creditedSats - soldSats < 0) fail("conservation", line, `sold ${soldSats} sats with only ${creditedSats} credited: BTC held is negative`)
    if (state.treasury.usdCashCents !== cashCents) {
      fail("conservation", line, `USD cash ${state.treasury.usdCashCents} cents, but capex, fees, credits and sales sum to ${cashCents}`)
    }

    // fleet: online <= deployed <= purchased for every lot; power zero when nothing is online.
    for (const lot of Object.values(state.lots)) {
      const mine = deployedByLot.get(lot.lotId) ?? 0
      if (!within(lot.deployedThs, lot.hashrateThs)) fail("fleet", line, `lot ${lot.lotId}: ${lot.deployedThs} TH/s deployed of ${lot.hashrateThs} bought`)
      if (!within(mine, lot.hashrateThs)) fail("fleet", line, `lot ${lot.lotId}: deployments less removals reach ${mine} TH/s of ${lot.hashrateThs} bought`)
      if (mine < -THS_RELATIVE_SLACK * lot.hashrateThs) fail("fleet", line, `lot ${lot.lotId}: more removed than deployed (${mine} TH/s)`)
      if (Math.abs(mine - lot.deployedThs) > THS_RELATIVE_SLACK * Math.max(1, lot.hashrateThs)) {
        fail("fleet", line, `lot ${lot.lotId}: the fold says ${lot.deployedThs} TH/s deployed, the events ${mine}`)
      }
      let online = 0
      for (const [siteId, ths] of Object.entries(lot.deployedThsBySite)) {
        if (ths < 0) fail("fleet", line, `lot ${lot.lotId}: ${ths} TH/s at site ${siteId}`)
        online += ths * (1 - (lookup(state.sites, siteId)?.curtailedFraction ?? 0)) * state.uptimeFraction
      }
      if (online < 0 || !within(online, lot.deployedThs)) fail("fleet", line, `lot ${lot.lotId}: ${online} TH/s online of ${lot.deployedThs} deployed`)
    }
    if (onlineThs(state) === 0 && onlinePowerKw(state) !== 0) fail("fleet", line, `${onlinePowerKw(state)} kW drawn with nothing online`)
  }

  if (blocksSoloThroughout && blocksGrossSats > 0) {
    fail("conservation", blocksLine, `${blocksGrossSats} sats of fleet blocks mined solo on the last day were never credited`)
  }
  // Every fleet block found solo was credited.
  for (const [height, b] of soloBlocks) {
    fail("conservation", b.line, `fleet block ${height}, found solo, was never credited`)
  }
  // Every retarget height passed by the log has its DifficultyAdjusted.
  for (const m of multiplesIn(epochStart, tip, RETARGET_INTERVAL)) {
    if (!retargetsSeen.has(m)) fail("chain", entries.at(-1)?.seq ?? 1, `the log passes height ${m} without a DifficultyAdjusted there`)
  }
  if (started && tip >= nextHalving) fail("chain", entries.at(-1)?.seq ?? 1, `the log passes height ${nextHalving} without HalvingReached there`)
  return out.sort((a, b) => a.line - b.line)
}
