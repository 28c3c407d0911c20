// The observed stretch of a scenario (docs/EVENTS.md, "Observed stretches"): the blocks whose height and time the
// observations fix — each observed epoch's last block (at its retarget), the first block of an epoch that a later
// observed retarget closes (at that retarget's firstBlockTimeS), and every observed BlockFound — as anchors in
// height order. Between two anchors the network's blocks are known in count (the heights between) and span (the two
// times); the engine places them uniformly there and draws only the fleet's share, against the hashrate the epoch's
// difficulty and pace imply. Built once per plan; nothing here changes during a run.
import { RETARGET_INTERVAL } from "@hashsim/chain"
import { workOfBits } from "../NumberRetarget.ts"

/** An anchor's block is mined by the engine (an epoch's first or last block) or is an observed BlockFound. */
export const ANCHOR_ENGINE = 0
export const ANCHOR_OBSERVED = 1

export interface ObservedRetarget {
  readonly atS: number
  readonly height: number
  readonly oldBits: number
  readonly newBits: number
  readonly firstBlockTimeS: number
  readonly lastBlockTimeS: number
}

export interface ObservedBlock {
  readonly atS: number
  readonly height: number
  readonly blockTimeS: number
}

export interface ObservedStretch {
  /** Anchors in height order (strictly increasing), times non-decreasing. */
  readonly height: Float64Array
  /** Scenario time of the anchor's block (the log's order). */
  readonly atS: Float64Array
  /** The block's header time (what the log states for it, and an epoch's first block time for its retarget). */
  readonly headerS: Float64Array
  readonly kind: Uint8Array
  /**
   * The hashrate (TH/s) that the difficulty and pace of the epoch holding the blocks before anchor i (those after
   * anchor i - 1, anchor i itself included) imply: the fleet's share of them is online / this.
   */
  readonly impliedThs: Float64Array
  /**
   * When the window of blocks before anchor i opens: the previous anchor's time, or, when that anchor is an epoch's
   * last block, its observed retarget's time (no block of the next epoch comes before its DifficultyAdjusted).
   */
  readonly windowFromS: Float64Array
  /** The last observation (retarget or block): the simulator generates the chain from here on. */
  readonly endsAtS: number
}

/** Where the observations contradict each other in a way the ledger's decider cannot see (a line's event, field). */
export interface StretchProblem {
  readonly line: number
  readonly field: string
  readonly message: string
}

interface Anchor {
  height: number
  atS: number
  headerS: number
  kind: number
  impliedThs: number
  windowFromS: number
}

const HASHES_PER_THS = 1e12

/**
 * The hashrate (TH/s) at which `blocks` blocks at `bits` take `seconds`: work per block x blocks / seconds. A
 * stretch of no time (header times can coincide) implies an unbounded hashrate, so the fleet's share is 0 there.
 */
const impliedThsOf = (bits: number, blocks: number, seconds: number): number =>
  seconds > 0 ? (workOfBits(bits) * blocks) / seconds / HASHES_PER_THS : Number.POSITIVE_INFINITY

/**
 * The anchors of the observed retargets and blocks of a scenario, which the ledger has validated (consecutive
 * retargets from the start's epoch, blocks above the tip and inside their epoch, times in log order); null when
 * there are none. `problems` receives what the decider cannot check: an observed block whose time is out of order
 * with the header times of the epoch around it.
 */
export const observedStretchOf = (
  network: { readonly height: number; readonly bits: number; readonly epochFirstBlockTimeS: number },
  startS: number,
  retargets: ReadonlyArray<ObservedRetarget>,
  blocks: ReadonlyArray<ObservedBlock & { readonly line: number }>,
  problems: (p: StretchProblem) => void
): ObservedStretch | null => {
  if (retargets.length === 0 && blocks.length === 0) return null
  const byHeight = new Map<number, Anchor>()
  const observedAt = new Map<number, number>()
  for (const b of blocks) {
    byHeight.set(b.height, { height: b.height, atS: b.atS, headerS: b.blockTimeS, kind: ANCHOR_OBSERVED, impliedThs: 0, windowFromS: 0 })
    observedAt.set(b.height, b.line)
  }
  retargets.forEach((r, k) => {
    const last = r.height - 1
    if (!byHeight.has(last)) byHeight.set(last, { height: last, atS: r.atS, headerS: r.lastBlockTimeS, kind: ANCHOR_ENGINE, impliedThs: 0, windowFromS: 0 })
    if (k > 0) {
      // The epoch this retarget closes began at the previous one: its first block's header time is stated here.
      const first = retargets[k - 1]!.height
      if (!byHeight.has(first)) byHeight.set(first, { height: first, atS: Number.NaN, headerS: r.firstBlockTimeS, kind: ANCHOR_ENGINE, impliedThs: 0, windowFromS: 0 })
    }
  })
  const anchors = [...byHeight.values()].sort((a, b) => a.height - b.height)
  const retargetAtS = new Map(retargets.map((r) => [r.height - 1, r.atS]))
  // An epoch's first block (known by its header time only) is mined in log order between the anchors around it.
  let prevAtS = startS
  let prevHeight = network.height
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i]!
    a.windowFromS = Math.max(prevAtS, retargetAtS.get(prevHeight) ?? prevAtS)
    prevHeight = a.height
    if (Number.isNaN(a.atS)) {
      const next = anchors[i + 1]?.atS ?? a.headerS
      a.atS = Math.min(Math.max(a.headerS, a.windowFromS), next)
    } else if (a.atS < prevAtS) {
      // Log order already keeps observed times in order; this guards a block the ledger placed before its epoch's start.
      problems({ line: observedAt.get(a.height) ?? 0, field: "at", message: `block ${a.height} is at a time before block ${anchors[i - 1]?.height ?? network.height}, which precedes it` })
    }
    prevAtS = a.atS
  }
  // Each anchor's epoch: closed by an observed retarget (its difficulty and 2015 intervals between its header times),
  // or the open epoch after the last one (its pace from the epoch's start, or the last retarget, to its last anchor).
  const lastAnchor = anchors[anchors.length - 1]!
  const lastRetarget = retargets[retargets.length - 1]
  const openBits = lastRetarget === undefined ? network.bits : lastRetarget.newBits
  const openRefHeight = lastRetarget === undefined ? network.height - (network.height % RETARGET_INTERVAL) : lastRetarget.height - 1
  const openRefS = lastRetarget === undefined ? network.epochFirstBlockTimeS : lastRetarget.lastBlockTimeS
  const openImplied = impliedThsOf(openBits, lastAnchor.height - openRefHeight, lastAnchor.headerS - openRefS)
  const startEpoch = Math.floor(network.height / RETARGET_INTERVAL)
  for (const a of anchors) {
    const k = Math.floor(a.height / RETARGET_INTERVAL) - startEpoch
    const r = retargets[k]
    a.impliedThs = r === undefined ? openImplied : impliedThsOf(r.oldBits, RETARGET_INTERVAL - 1, r.lastBlockTimeS - r.firstBlockTimeS)
  }
  return {
    height: Float64Array.from(anchors.map((a) => a.height)),
    atS: Float64Array.from(anchors.map((a) => a.atS)),
    headerS: Float64Array.from(anchors.map((a) => a.headerS)),
    kind: Uint8Array.from(anchors.map((a) => a.kind)),
    impliedThs: Float64Array.from(anchors.map((a) => a.impliedThs)),
    windowFromS: Float64Array.from(anchors.map((a) => a.windowFromS)),
    endsAtS: Math.max(lastAnchor.atS, lastRetarget?.atS ?? Number.NEGATIVE_INFINITY)
  }
}

/** The index of the anchor at `height` (it exists: every observed retarget and block has one). */
export const anchorAt = (stretch: ObservedStretch, height: number): number => {
  const i = stretch.height.indexOf(height)
  if (i < 0) throw new Error(`observedStretch: no anchor at height ${height}`)
  return i
}
