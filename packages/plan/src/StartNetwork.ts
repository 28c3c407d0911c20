// The network at a plan's start: the tip height, the epoch's compact bits and first-block time, and the total
// hashrate. Taken from real chain data where it covers the start, otherwise derived from a stated hashrate with
// @hashsim/chain's exact arithmetic; either way the plan's note says where each figure came from.
import { bitsForHashrate, formatBits, parseBits, RETARGET_INTERVAL, TARGET_SPACING_S, workForBits } from "@hashsim/chain"
import { formatAtS } from "@hashsim/ledger"

/** One mainnet epoch, as the retarget tables give it (`../shared/data/chain/mainnet-retargets-*.csv`). */
export interface ChainEpoch {
  /** Height of the epoch's first block (a multiple of 2016). */
  readonly height: number
  readonly bits: number
  readonly firstBlockTimeS: number
  readonly lastBlockTimeS: number
  /** Header time of the next epoch's first block. */
  readonly nextFirstBlockTimeS: number
}

/** Real chain data at hand: epochs (in height order) and, where present, every header of some stretch. */
export interface ChainData {
  readonly source: string
  readonly epochs: ReadonlyArray<ChainEpoch>
  readonly headers: ReadonlyArray<{ readonly height: number; readonly timeS: number }>
}

/** What the plan states about the network; any of it may be absent. */
export interface NetworkStated {
  readonly height?: number
  readonly bits?: number
  readonly epochFirstBlockTimeS?: number
  readonly hashrateThs?: number
}

export interface StartNetwork {
  readonly height: number
  readonly bits: string
  readonly epochFirstBlockTimeS: number
  readonly hashrateThs: number
  /** Where the figures came from, for the person who wrote the plan. */
  readonly note: string
}

export class NetworkUnresolvedError extends Error {
  readonly _tag = "NetworkUnresolvedError"
}

/**
 * An anchor for a tip height when no chain data covers the date: block 840,000 (the fourth halving) has header
 * time 1713571767 (2024-04-20T00:09:27Z), a public fact of the chain; from it the tip is extrapolated at one
 * block per 600 s.
 */
const ANCHOR = { height: 840_000, timeS: 1_713_571_767 } as const

/** The epoch that holds time `t`, if the data covers it. */
const epochAt = (data: ChainData, t: number): ChainEpoch | undefined =>
  data.epochs.find((e) => e.firstBlockTimeS <= t && t < e.nextFirstBlockTimeS)

/** The total hashrate (TH/s) an epoch's bits and pace imply: 2015 blocks of work over its first-to-last span. */
export const epochHashrateThs = (e: ChainEpoch): number =>
  Math.round((Number(workForBits(e.bits)) * (RETARGET_INTERVAL - 1)) / (e.lastBlockTimeS - e.firstBlockTimeS) / 1e12)

/** The tip at `t` inside epoch `e`: exact from headers when they are at hand, else interpolated over its span. */
const tipAt = (data: ChainData, e: ChainEpoch, t: number): { readonly height: number; readonly how: string } => {
  const inEpoch = data.headers.filter((h) => h.height >= e.height && h.height < e.height + RETARGET_INTERVAL)
  if (inEpoch.length === RETARGET_INTERVAL) {
    let tip = e.height
    for (const h of inEpoch) if (h.timeS <= t && h.height > tip) tip = h.height
    return { height: tip, how: "the last header at or before the start" }
  }
  const span = e.lastBlockTimeS - e.firstBlockTimeS
  const k = t >= e.lastBlockTimeS ? RETARGET_INTERVAL - 1 : Math.floor(((RETARGET_INTERVAL - 1) * (t - e.firstBlockTimeS)) / span)
  return { height: e.height + k, how: "interpolated between the epoch's first and last block times" }
}

const ths = (x: number): string => `${(x / 1e6).toFixed(2)} EH/s`

/** Resolves the start network at `startS` from what the plan states, chain data (if any) and derivation. */
export const resolveStartNetwork = (startS: number, stated: NetworkStated, data: ChainData | undefined): StartNetwork => {
  const complete = stated.height !== undefined && stated.bits !== undefined && stated.epochFirstBlockTimeS !== undefined && stated.hashrateThs !== undefined
  if (complete) {
    return {
      height: stated.height!, bits: formatBits(stated.bits!), epochFirstBlockTimeS: stated.epochFirstBlockTimeS!, hashrateThs: stated.hashrateThs!,
      note: "network: height, bits, epoch start and hashrate as the plan states them"
    }
  }
  const epoch = data === undefined ? undefined : epochAt(data, startS)
  if (epoch !== undefined && data !== undefined) {
    const tip = tipAt(data, epoch, startS)
    const height = stated.height ?? tip.height
    if (height < epoch.height || height >= epoch.height + RETARGET_INTERVAL) {
      throw new NetworkUnresolvedError(`height ${height} is not in the epoch the chain data gives for ${formatAtS(startS)} (${epoch.height}-${epoch.height + RETARGET_INTERVAL - 1}); leave height out to take it from the data`)
    }
    const hashrateThs = stated.hashrateThs ?? epochHashrateThs(epoch)
    const bits = stated.bits ?? epoch.bits
    return {
      height, bits: formatBits(bits), epochFirstBlockTimeS: stated.epochFirstBlockTimeS ?? epoch.firstBlockTimeS, hashrateThs,
      note: `network from chain data (${data.source}): epoch ${epoch.height} (first block ${formatAtS(epoch.firstBlockTimeS)}, bits ${formatBits(epoch.bits)})` +
        `${stated.height === undefined ? `, tip ${height} ${tip.how}` : ""}` +
        `${stated.hashrateThs === undefined ? `, hashrate ${ths(hashrateThs)} implied by the epoch's difficulty and pace` : ""}`
    }
  }
  if (stated.hashrateThs === undefined) {
    throw new NetworkUnresolvedError(
      `no chain data covers ${formatAtS(startS)}${data === undefined ? " (none found)" : ` (${data.source})`}: state the network's hashrate (e.g. "hashrate: 800 EH/s") and the tool derives bits and the epoch from it`
    )
  }
  const hashrateThs = stated.hashrateThs
  const height = stated.height ?? ANCHOR.height + Math.floor((startS - ANCHOR.timeS) / TARGET_SPACING_S)
  const intoEpoch = height % RETARGET_INTERVAL
  const bits = stated.bits ?? bitsForHashrate(hashrateThs * 1e12)
  const epochFirstBlockTimeS = stated.epochFirstBlockTimeS ?? startS - intoEpoch * TARGET_SPACING_S
  return {
    height, bits: formatBits(bits), epochFirstBlockTimeS, hashrateThs,
    note: `network derived (no chain data covers ${formatAtS(startS)}): ` +
      `${stated.bits === undefined ? `bits ${formatBits(bits)} from ${ths(hashrateThs)} at one block per 600 s` : "bits as stated"}` +
      `${stated.height === undefined ? `, tip ${height} extrapolated at 600 s a block from block 840,000 (2024-04-20T00:09:27Z)` : ""}` +
      `${stated.epochFirstBlockTimeS === undefined ? `, epoch started ${intoEpoch} blocks x 600 s before the start (${formatAtS(epochFirstBlockTimeS)})` : ""}`
  }
}

/** Parses the retarget and header CSVs of `../shared/data/chain` into ChainData (pure: the caller reads files). */
export const chainDataOfCsv = (
  source: string,
  retargetFiles: ReadonlyArray<string>,
  headerFiles: ReadonlyArray<string>
): ChainData => {
  const rows: Array<{ height: number; first: number; last: number; oldBits: number; next: number | undefined }> = []
  for (const text of retargetFiles) {
    const lines = text.trim().split(/\r?\n/)
    const head = lines[0]!.split(",")
    const col = (name: string): number => head.indexOf(name)
    for (const line of lines.slice(1)) {
      const c = line.split(",")
      const nextIdx = col("retarget_block_time")
      rows.push({
        height: Number(c[col("retarget_height")]) - RETARGET_INTERVAL,
        first: Number(c[col("first_block_time")]),
        last: Number(c[col("last_block_time")]),
        oldBits: parseBits(c[col("old_bits")]!),
        next: nextIdx >= 0 ? Number(c[nextIdx]) : undefined
      })
    }
  }
  rows.sort((a, b) => a.height - b.height)
  const epochs: Array<ChainEpoch> = []
  rows.forEach((r, i) => {
    const following = rows[i + 1]
    const next = r.next ?? (following !== undefined && following.height === r.height + RETARGET_INTERVAL ? following.first : undefined)
    if (next !== undefined) epochs.push({ height: r.height, bits: r.oldBits, firstBlockTimeS: r.first, lastBlockTimeS: r.last, nextFirstBlockTimeS: next })
  })
  const headers: Array<{ height: number; timeS: number }> = []
  for (const text of headerFiles) {
    for (const line of text.trim().split(/\r?\n/).slice(1)) {
      const [h, t] = line.split(",")
      headers.push({ height: Number(h), timeS: Number(t) })
    }
  }
  return { source, epochs, headers }
}
