// Block headers from a headers CSV (`height,time,bits`) or from `bitcoin-cli getblockheader` JSON lines, checked
// as a node would: heights without gaps, each time after the median of the 11 before it, bits that change only at
// a retarget and then to Core's retarget of the epoch; and the epochs they cover completely.
import { formatBits, nextWorkRequired, RETARGET_INTERVAL } from "@hashsim/chain"
import { bitsCell, type Cell, cellReader, intCell } from "./Cells.ts"
import type { CsvTable } from "./Csv.ts"
import type { Origin, Problems } from "./DataProblem.ts"
import type { JsonLine } from "./JsonLines.ts"
import type { EpochRecord, HeaderRecord } from "./Records.ts"

export const HEADER_COLUMNS = ["height", "time", "bits"] as const

/** Core's median-time-past window. */
const MEDIAN_TIME_SPAN = 11

const header = (origin: Origin, cells: Readonly<Record<string, unknown>>, problems: Problems): HeaderRecord | undefined => {
  const read = cellReader(cells, origin, problems)
  const height = read("height", intCell)
  const timeS = read("time", intCell)
  const bits = read("bits", bitsCell)
  return height === undefined || timeS === undefined || bits === undefined ? undefined : { height, timeS, bits, origin }
}

export const readHeadersTable = (table: CsvTable, problems: Problems): ReadonlyArray<HeaderRecord> =>
  table.rows.flatMap((row) => header(row.origin, row.cells, problems) ?? [])

/** `getblockheader` prints more fields (hash, merkleroot, ...); only height, time and bits are read. */
export const readHeaderLines = (lines: ReadonlyArray<JsonLine>, problems: Problems): ReadonlyArray<HeaderRecord> =>
  lines.flatMap((l) => header(l.origin, l.value, problems) ?? [])

const median = (values: ReadonlyArray<number>): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/**
 * The headers of every file, in height order and checked together. The same height in two files must agree;
 * otherwise the heights form one run without gaps.
 */
export const checkHeaders = (records: ReadonlyArray<HeaderRecord>, problems: Problems): ReadonlyArray<HeaderRecord> => {
  const byHeight = new Map<number, HeaderRecord>()
  for (const r of records) {
    const seen = byHeight.get(r.height)
    if (seen === undefined) byHeight.set(r.height, r)
    else if (seen.timeS !== r.timeS || seen.bits !== r.bits) {
      problems.add(r.origin, "height", `block ${r.height} differs from ${seen.origin.file}:${seen.origin.line} (time ${seen.timeS}, bits ${formatBits(seen.bits)})`)
    }
  }
  const sorted = [...byHeight.values()].sort((a, b) => a.height - b.height)
  sorted.forEach((h, i) => {
    const prev = sorted[i - 1]
    if (prev === undefined) return
    if (h.height !== prev.height + 1) {
      problems.add(h.origin, "height", `a gap in heights: expected ${prev.height + 1} after ${prev.height}, got ${h.height}`)
      return
    }
    if (i >= MEDIAN_TIME_SPAN && sorted[i - MEDIAN_TIME_SPAN]!.height === h.height - MEDIAN_TIME_SPAN) {
      const mtp = median(sorted.slice(i - MEDIAN_TIME_SPAN, i).map((x) => x.timeS))
      if (h.timeS <= mtp) problems.add(h.origin, "time", `times out of order: ${h.timeS} is not after the median ${mtp} of the 11 blocks before it (Core's rule)`)
    }
    if (h.height % RETARGET_INTERVAL !== 0) {
      if (h.bits !== prev.bits) problems.add(h.origin, "bits", `${formatBits(h.bits)} changes the epoch's bits ${formatBits(prev.bits)} away from a retarget height`)
      return
    }
    const first = byHeight.get(h.height - RETARGET_INTERVAL)
    if (first === undefined) return
    const expected = nextWorkRequired({ bits: prev.bits, firstBlockTime: first.timeS, lastBlockTime: prev.timeS })
    if (h.bits !== expected) {
      problems.add(h.origin, "bits", `${formatBits(h.bits)} is not Core's retarget of the epoch (${formatBits(prev.bits)} over ${prev.timeS - first.timeS} s): ${formatBits(expected)}`)
    }
  })
  return sorted
}

/** Every epoch the headers cover from its first block to its last (checked headers, in height order). */
export const epochsOfHeaders = (sorted: ReadonlyArray<HeaderRecord>): ReadonlyArray<EpochRecord> => {
  const byHeight = new Map(sorted.map((h) => [h.height, h]))
  const out: Array<EpochRecord> = []
  for (const first of sorted) {
    if (first.height % RETARGET_INTERVAL !== 0) continue
    const last = byHeight.get(first.height + RETARGET_INTERVAL - 1)
    if (last === undefined) continue
    const next = byHeight.get(first.height + RETARGET_INTERVAL)
    out.push({
      retargetHeight: first.height + RETARGET_INTERVAL,
      firstBlockTimeS: first.timeS,
      lastBlockTimeS: last.timeS,
      oldBits: first.bits,
      // Without the next header the new bits are Core's rule applied to the epoch: a consequence of the data.
      newBits: next?.bits ?? nextWorkRequired({ bits: first.bits, firstBlockTime: first.timeS, lastBlockTime: last.timeS }),
      nextFirstBlockTimeS: next?.timeS,
      origin: last.origin
    })
  }
  return out
}
