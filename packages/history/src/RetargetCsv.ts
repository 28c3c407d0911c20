// The retarget CSVs of ../shared/data/chain, both layouts: `retarget_height,first_block_time,last_block_time,
// old_bits,new_bits,new_difficulty` and the same plus `retarget_block_time` (the next epoch's first header time).
// Each row is checked on its own (numbers, Core's retarget, the printed difficulty) and against the row before it
// (no gap in heights, the bits and times of one epoch carried to the next).
import { bitsToDifficulty, formatBits, isRetargetHeight, nextWorkRequired, RETARGET_INTERVAL } from "@hashsim/chain"
import { bitsCell, cellReader, decimalCell, intCell } from "./Cells.ts"
import type { CsvTable } from "./Csv.ts"
import type { Problems } from "./DataProblem.ts"
import type { EpochRecord } from "./Records.ts"

export const RETARGET_COLUMNS = ["retarget_height", "first_block_time", "last_block_time", "old_bits", "new_bits", "new_difficulty"] as const
export const RETARGET_COLUMNS_WITH_NEXT = [...RETARGET_COLUMNS, "retarget_block_time"] as const

const sameColumns = (header: ReadonlyArray<string>, columns: ReadonlyArray<string>): boolean =>
  header.length === columns.length && header.every((h, i) => h === columns[i])

/** Whether a CSV header is one of the two retarget layouts. */
export const isRetargetHeader = (header: ReadonlyArray<string>): boolean =>
  sameColumns(header, RETARGET_COLUMNS) || sameColumns(header, RETARGET_COLUMNS_WITH_NEXT)

export const readRetargetTable = (table: CsvTable, problems: Problems): ReadonlyArray<EpochRecord> => {
  const withNext = table.header.includes("retarget_block_time")
  const out: Array<EpochRecord> = []
  let previous: EpochRecord | undefined
  for (const row of table.rows) {
    const at = row.origin
    const read = cellReader(row.cells, at, problems)
    const height = read("retarget_height", intCell)
    const first = read("first_block_time", intCell)
    const last = read("last_block_time", intCell)
    const oldBits = read("old_bits", bitsCell)
    const newBits = read("new_bits", bitsCell)
    const difficulty = read("new_difficulty", decimalCell)
    const next = withNext ? read("retarget_block_time", intCell) : undefined
    if (height === undefined || first === undefined || last === undefined || oldBits === undefined || newBits === undefined) continue
    if (!isRetargetHeight(height)) {
      problems.add(at, "retarget_height", `${height} is not a retarget height (a positive multiple of ${RETARGET_INTERVAL})`)
      continue
    }
    if (last <= first) problems.add(at, "last_block_time", `the epoch's last block time ${last} is not after its first ${first}`)
    const expected = nextWorkRequired({ bits: oldBits, firstBlockTime: first, lastBlockTime: last })
    if (newBits !== expected) {
      problems.add(at, "new_bits", `${formatBits(newBits)} is not Core's retarget of ${formatBits(oldBits)} over ${last - first} s: ${formatBits(expected)}`)
    }
    if (difficulty !== undefined) {
      const exact = bitsToDifficulty(newBits)
      // The file prints the difficulty rounded to its decimals: it must be within one unit of the last place.
      if (Math.abs(difficulty.value - exact) > 10 ** -difficulty.decimals) {
        problems.add(at, "new_difficulty", `${row.cells["new_difficulty"]} is not the difficulty of ${formatBits(newBits)} (${exact})`)
      }
    }
    if (next !== undefined && next <= first) {
      problems.add(at, "retarget_block_time", `the next epoch's first block time ${next} is not after this epoch's first ${first}`)
    }
    if (previous !== undefined) {
      if (height !== previous.retargetHeight + RETARGET_INTERVAL) {
        problems.add(at, "retarget_height", `a gap in heights: expected ${previous.retargetHeight + RETARGET_INTERVAL} after ${previous.retargetHeight}, got ${height}`)
      } else {
        if (oldBits !== previous.newBits) {
          problems.add(at, "old_bits", `${formatBits(oldBits)} is not the previous epoch's new bits ${formatBits(previous.newBits)}`)
        }
        if (previous.nextFirstBlockTimeS !== undefined && first !== previous.nextFirstBlockTimeS) {
          problems.add(at, "first_block_time", `${first} is not the previous row's retarget_block_time ${previous.nextFirstBlockTimeS}`)
        }
        if (first <= previous.firstBlockTimeS || last <= previous.lastBlockTimeS) {
          problems.add(at, first <= previous.firstBlockTimeS ? "first_block_time" : "last_block_time", "times out of order: an epoch's header times must be after the previous epoch's")
        }
      }
    }
    const record: EpochRecord = { retargetHeight: height, firstBlockTimeS: first, lastBlockTimeS: last, oldBits, newBits, nextFirstBlockTimeS: next, origin: at }
    out.push(record)
    previous = record
  }
  return out
}
