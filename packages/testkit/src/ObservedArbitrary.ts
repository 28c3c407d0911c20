// Observed history for a generated scenario (docs/EVENTS.md, "Observed stretches"): the real chain's retargets at
// any pace against the simulated network (an epoch of 2015 intervals from 1 s a block, back to back, to an hour,
// ending right after the start or mid-day), observed blocks sparse (one or two) or dense (hundreds), an epoch's first
// block observed or not, observed fee levels and the fleet's reported operating hashrate. Every event is one the
// ledger's decider accepts: retargets are Core's, blocks sit above the tip inside their epoch, spans are ordered.
import fc from "fast-check"
import { blockSubsidy, nextWorkRequired } from "@hashsim/chain"
import type { PlanLine } from "./ScenarioArbitrary.ts"

const isoOf = (s: number): string => new Date(s * 1000).toISOString().replace(".000Z", "Z")
const secondsOf = (iso: string): number => Date.parse(iso) / 1000
const formatBits = (bits: number): string => bits.toString(16).padStart(8, "0")

export interface ObservedContext {
  readonly startS: number
  readonly untilS: number
  readonly height: number
  readonly bits: string
  readonly epochFirstBlockTimeS: number
}

/** Seconds a block in an observed epoch: from back to back (1 s) to far slower than any simulated network. */
const spacingOf = (g: fc.GeneratorValue): number => g(fc.constantFrom, 1, 5, 60, 300, 600, 900, 3600)

/** Deployed TH/s after the plan's lines up to and including time `t`. */
const deployedAt = (lines: ReadonlyArray<PlanLine>, t: number): number => {
  let sum = 0
  for (const l of lines) {
    if (secondsOf(l.at) > t) break
    if (l.type === "MachinesDeployed") sum += l.data["hashrateThs"] as number
    if (l.type === "MachinesRemoved") sum -= l.data["hashrateThs"] as number
  }
  return Math.max(0, sum)
}

/** The plan's lines with observed retargets, blocks, fee levels and fleet operation merged in time order. */
export const withObservations = (g: fc.GeneratorValue, c: ObservedContext, plan: ReadonlyArray<PlanLine>): Array<PlanLine> => {
  const observed: Array<PlanLine> = []
  const lastS = c.untilS - 1
  let bits = Number.parseInt(c.bits, 16)
  let epochStart = c.height - (c.height % 2016)
  let tip = c.height
  let firstS = c.epochFirstBlockTimeS
  let fromS = c.startS
  const blockDensity = g(fc.constantFrom, "none", "sparse", "dense")
  /** Observed blocks between heights (tip, lastHeight] over [fromS, toS], times following the heights. */
  const blocks = (lastHeight: number, toS: number, firstTimeS: number | null): void => {
    if (blockDensity === "none" || lastHeight <= tip) return
    const n = Math.min(lastHeight - tip, blockDensity === "sparse" ? g(fc.integer, { min: 1, max: 2 }) : g(fc.integer, { min: 20, max: 300 }))
    const heights = new Set<number>()
    if (firstTimeS !== null && g(fc.boolean)) heights.add(tip + 1) // the epoch's first block, observed
    while (heights.size < n) heights.add(tip + 1 + g(fc.integer, { min: 0, max: lastHeight - tip - 1 }))
    const span = lastHeight + 1 - tip
    let prevS = fromS
    for (const h of [...heights].sort((a, b) => a - b)) {
      const timeS = h === tip + 1 && firstTimeS !== null ? firstTimeS : Math.max(prevS, Math.floor(fromS + ((h - tip) / span) * (toS - fromS)))
      prevS = Math.max(prevS, timeS)
      observed.push({
        at: isoOf(prevS),
        type: "BlockFound",
        v: 1,
        data: { height: h, blockTimeS: timeS, fleet: g(fc.boolean), subsidySats: Number(blockSubsidy(h)), feesSats: g(fc.integer, { min: 0, max: 50_000_000 }) }
      })
    }
  }
  const nRetargets = g(fc.integer, { min: 0, max: 4 })
  for (let k = 0; k < nRetargets; k++) {
    const next = epochStart + 2016
    const left = next - 1 - tip
    // The epoch's last block: right after the start (or the last retarget), or at the epoch's own pace.
    const paced = g(fc.integer, { min: 0, max: 3 }) === 0
      ? fromS + g(fc.integer, { min: 0, max: 600 })
      : fromS + left * spacingOf(g) + g(fc.integer, { min: 0, max: 86_399 })
    // Not before the epoch's first block (the header times of one epoch are in order here).
    const lastBlockS = Math.max(paced, firstS)
    if (lastBlockS > lastS) break
    // Blocks of the epoch up to its last (the first one included when it is still to come).
    blocks(next - 1, lastBlockS, k > 0 ? firstS : null)
    const newBits = nextWorkRequired({ bits, firstBlockTime: firstS, lastBlockTime: lastBlockS })
    observed.push({
      at: isoOf(lastBlockS),
      type: "DifficultyAdjusted",
      v: 1,
      data: { height: next, oldBits: formatBits(bits), newBits: formatBits(newBits), firstBlockTimeS: firstS, lastBlockTimeS: lastBlockS }
    })
    bits = newBits
    tip = next - 1
    epochStart = next
    fromS = lastBlockS
    // The next epoch's first block: its header time a little after (or, as Core allows, a little before) the last.
    firstS = lastBlockS + g(fc.integer, { min: -60, max: 1200 })
  }
  // Observed blocks after the last retarget (or without any): the open epoch, at its own pace.
  if (g(fc.boolean)) {
    const spacing = spacingOf(g)
    const room = Math.floor((lastS - fromS) / spacing)
    const lastHeight = Math.min(epochStart + 2014, tip + Math.max(1, room))
    if (lastHeight > tip && fromS + (lastHeight - tip) * spacing <= lastS) blocks(lastHeight, fromS + (lastHeight - tip) * spacing, null)
  }

  // Observed fee levels and fleet operation: ordered spans, adjacent or with gaps.
  const spans = (count: number): Array<[number, number]> => {
    const cuts = Array.from({ length: 2 * count }, () => c.startS + g(fc.integer, { min: 0, max: c.untilS - c.startS })).sort((a, b) => a - b)
    const out: Array<[number, number]> = []
    for (let i = 0; i < count; i++) if (cuts[2 * i + 1]! > cuts[2 * i]!) out.push([cuts[2 * i]!, cuts[2 * i + 1]!])
    return out
  }
  for (const [a, b] of spans(g(fc.integer, { min: 0, max: 3 }))) {
    observed.push({
      at: isoOf(a),
      type: "FeesObserved",
      v: 1,
      data: { fromAt: isoOf(a), untilAt: isoOf(b), meanFeePerBlockSats: g(fc.double, { min: 0, max: 60_000_000, noNaN: true }), reference: "generated" }
    })
  }
  for (const [a, b] of spans(g(fc.integer, { min: 0, max: 2 }))) {
    // At most what is deployed anywhere in the span (the decider checks its start; a fleet that shrinks is reported lower).
    let least = deployedAt(plan, a)
    for (const l of plan) {
      const t = secondsOf(l.at)
      if (t > a && t < b) least = Math.min(least, deployedAt(plan, t))
    }
    observed.push({
      at: isoOf(a),
      type: "FleetOperationObserved",
      v: 1,
      data: { fromAt: isoOf(a), untilAt: isoOf(b), operatingHashrateThs: least * g(fc.constantFrom, 0, 0.5, 0.93, 1), reference: "generated" }
    })
  }
  // Merged in time order; at one time the plan's events come first (a deployment before its reported operation).
  return [...plan, ...observed]
    .map((l, i) => ({ l, i, t: secondsOf(l.at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ l }) => l)
}
