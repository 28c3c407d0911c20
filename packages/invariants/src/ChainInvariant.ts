// The chain invariant: time never goes backwards; retargets at every 2016th height, before any block past them,
// each newBits the exact retarget of oldBits over the stated timespan, within the factor-4 clamp and powLimit;
// halvings at every 210,000th height with the subsidy halved exactly; blocks contiguous and paying the schedule.
// The heights and the subsidy schedule are restated here, not imported: they are what is checked.
import { compactToTarget, POW_LIMIT, targetToCompact } from "@hashsim/chain"
import { type Invariant, type InvariantEvent, Violations } from "./Invariant.ts"

const RETARGET_INTERVAL = 2016
const HALVING_INTERVAL = 210_000

/** The subsidy schedule restated (50 BTC, halved every 210,000 blocks, 0 after 64 halvings), not imported: it is checked. */
export const scheduleSubsidySats = (height: number): number => {
  const era = Math.floor(height / HALVING_INTERVAL)
  return era >= 64 ? 0 : Number(5_000_000_000n >> BigInt(era))
}

/** A sorted list of the multiples of `step` in (from, to]. */
const multiplesIn = (from: number, to: number, step: number): Array<number> => {
  const out: Array<number> = []
  for (let m = (Math.floor(from / step) + 1) * step; m <= to; m += step) out.push(m)
  return out
}

interface ChainState {
  readonly violations: Violations
  lastAtS: number
  tip: number
  epochStart: number
  bits: number
  lastGeneratedBlockTimeS: number
  nextHalving: number
  started: boolean
  readonly retargetsSeen: Set<number>
}

/** A block at `lastHeight` (found or summarised): the retargets and halvings before it must already be in the log. */
const blocksUpTo = (s: ChainState, line: number, lastHeight: number): void => {
  for (const m of multiplesIn(s.tip, lastHeight, RETARGET_INTERVAL)) {
    if (!s.retargetsSeen.has(m)) s.violations.fail(line, `block ${m} is mined without a DifficultyAdjusted at height ${m} before it`)
  }
  if (lastHeight >= s.nextHalving) s.violations.fail(line, `block ${s.nextHalving} is mined without HalvingReached at ${s.nextHalving} before it`)
}

const step = (s: ChainState, ev: InvariantEvent): ChainState => {
  const { entry: e, line, atS, generated } = ev
  const fail = (message: string): void => s.violations.fail(line, message)
  if (!(atS >= s.lastAtS)) fail(`time goes backwards: ${e.at} is before the previous event`)
  s.lastAtS = Math.max(s.lastAtS, atS)
  switch (e.type) {
    case "ScenarioStarted": {
      const n = e.data.network
      s.started = true
      s.tip = n.height
      s.epochStart = s.tip - (s.tip % RETARGET_INTERVAL)
      s.bits = Number.parseInt(n.bits, 16)
      s.nextHalving = (Math.floor(s.tip / HALVING_INTERVAL) + 1) * HALVING_INTERVAL
      break
    }
    case "DifficultyAdjusted": {
      const d = e.data
      if (d.height % RETARGET_INTERVAL !== 0) fail(`DifficultyAdjusted at ${d.height}, not a multiple of ${RETARGET_INTERVAL}`)
      else if (d.height !== s.epochStart + RETARGET_INTERVAL) fail(`DifficultyAdjusted at ${d.height}; the next retarget height is ${s.epochStart + RETARGET_INTERVAL}`)
      if (d.height - 1 < s.tip) fail(`DifficultyAdjusted at ${d.height} after block ${s.tip} was already mined`)
      const oldBits = Number.parseInt(d.oldBits, 16)
      const newBits = Number.parseInt(d.newBits, 16)
      if (oldBits !== s.bits) fail(`oldBits ${d.oldBits} are not the epoch's bits ${s.bits.toString(16).padStart(8, "0")}`)
      if (generated && d.lastBlockTimeS < d.firstBlockTimeS) fail("the epoch's last block time is before its first")
      try {
        const oldT = compactToTarget(oldBits).target
        const newT = compactToTarget(newBits).target
        const upper = oldT * 4n < POW_LIMIT ? oldT * 4n : POW_LIMIT
        // The clamp holds before encoding; encoding truncates (monotonically), so the floor is old/4 encoded.
        const floorQuarter = oldT / 4n
        const lower = compactToTarget(targetToCompact(floorQuarter > POW_LIMIT ? POW_LIMIT : floorQuarter)).target
        if (newT > upper) fail(`new target exceeds ${oldT * 4n < POW_LIMIT ? "4 x the old target" : "powLimit"} (${d.oldBits} -> ${d.newBits})`)
        if (newT < lower) fail(`new target is below a quarter of the old one (${d.oldBits} -> ${d.newBits})`)
        if (newT > POW_LIMIT) fail(`new target ${d.newBits} is above powLimit`)
        // Before encoding: old x clamp(last - first) / two weeks, capped at powLimit, encodes to newBits.
        const span = BigInt(Math.min(4 * 1_209_600, Math.max(1_209_600 / 4, d.lastBlockTimeS - d.firstBlockTimeS)))
        let pre = (oldT * span) / 1_209_600n
        if (pre > POW_LIMIT) pre = POW_LIMIT
        if (pre * 4n < oldT || (pre > oldT * 4n)) fail("the retarget before encoding is outside the factor-4 clamp")
        if (targetToCompact(pre) !== newBits) fail(`newBits ${d.newBits} is not the retarget of ${d.oldBits} over ${d.lastBlockTimeS - d.firstBlockTimeS} s`)
      } catch (error) {
        fail(`bits that encode no target: ${error instanceof Error ? error.message : String(error)}`)
      }
      s.retargetsSeen.add(d.height)
      s.bits = newBits
      s.epochStart = d.height
      s.tip = Math.max(s.tip, d.height - 1)
      break
    }
    case "HalvingReached": {
      const d = e.data
      if (d.height !== s.nextHalving) fail(`HalvingReached at ${d.height}; the next halving height is ${s.nextHalving}`)
      const previous = scheduleSubsidySats(d.height - 1)
      if (d.subsidySats !== Math.floor(previous / 2) || d.subsidySats !== scheduleSubsidySats(d.height)) {
        fail(`the subsidy from ${d.height} is ${d.subsidySats} sats; it must halve exactly, from ${previous}`)
      }
      if (d.height - 1 < s.tip) fail(`HalvingReached at ${d.height} after block ${s.tip} was already mined`)
      s.nextHalving = d.height + HALVING_INTERVAL
      break
    }
    case "BlockFound": {
      const d = e.data
      if (d.height <= s.tip) fail(`block ${d.height} is not above the tip ${s.tip}`)
      blocksUpTo(s, line, d.height)
      if (d.subsidySats !== scheduleSubsidySats(d.height)) fail(`block ${d.height} pays ${d.subsidySats} sats of subsidy; the schedule says ${scheduleSubsidySats(d.height)}`)
      if (generated) {
        if (d.blockTimeS < s.lastGeneratedBlockTimeS) fail(`block time ${d.blockTimeS} goes backwards`)
        s.lastGeneratedBlockTimeS = Math.max(s.lastGeneratedBlockTimeS, d.blockTimeS)
      }
      s.tip = Math.max(s.tip, d.height)
      break
    }
    case "BlocksMined": {
      const d = e.data
      if (d.firstHeight !== s.tip + 1) fail(`blocks from ${d.firstHeight}: not contiguous with the tip ${s.tip}`)
      if (d.lastHeight >= d.firstHeight) {
        blocksUpTo(s, line, d.lastHeight)
        if (Math.floor(d.firstHeight / HALVING_INTERVAL) !== Math.floor(d.lastHeight / HALVING_INTERVAL)) {
          fail(`blocks ${d.firstHeight}-${d.lastHeight} span a halving`)
        }
      }
      if (d.fleetBlocks > Math.max(0, d.lastHeight - d.firstHeight + 1)) fail(`${d.fleetBlocks} fleet blocks among ${d.lastHeight - d.firstHeight + 1}`)
      if (d.subsidySats !== d.fleetBlocks * scheduleSubsidySats(d.firstHeight)) {
        fail(`${d.fleetBlocks} fleet blocks from ${d.firstHeight} pay ${d.subsidySats} sats of subsidy; the schedule says ${d.fleetBlocks * scheduleSubsidySats(d.firstHeight)}`)
      }
      s.tip = Math.max(s.tip, d.lastHeight)
      break
    }
    default:
      break
  }
  if (!s.started && e.type !== "ScenarioStarted") fail("an event before ScenarioStarted")
  return s
}

export const chainInvariant: Invariant<ChainState> = {
  name: "chain",
  initialState: () => ({
    violations: new Violations("chain"),
    lastAtS: Number.NEGATIVE_INFINITY,
    tip: 0,
    epochStart: 0,
    bits: 0,
    lastGeneratedBlockTimeS: Number.NEGATIVE_INFINITY,
    nextHalving: 0,
    started: false,
    retargetsSeen: new Set<number>()
  }),
  step,
  result: (s, lastLine) => {
    // Every retarget height passed by the log has its DifficultyAdjusted.
    for (const m of multiplesIn(s.epochStart, s.tip, RETARGET_INTERVAL)) {
      if (!s.retargetsSeen.has(m)) s.violations.fail(lastLine, `the log passes height ${m} without a DifficultyAdjusted there`)
    }
    if (s.started && s.tip >= s.nextHalving) s.violations.fail(lastLine, `the log passes height ${s.nextHalving} without HalvingReached there`)
    return s.violations.list
  }
}
