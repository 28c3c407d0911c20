// Fee levels: the monthly fees CSV (`month,days,blocks,total_fees_btc,avg_fee_per_block_btc`, a month's first
// `days` days) and `bitcoin-cli getblockstats` JSON lines (per block `height`, `time`, `totalfee`, `subsidy` in
// sats), both as spans of time with their block count and total fees, exact in satoshis.
import { blockSubsidy } from "@hashsim/chain"
import { daysInMonth, daysFromCivil, formatAtS, monthOfS, nextMonthStartS, SECONDS_PER_DAY } from "@hashsim/ledger"
import { btcCell, cellReader, decimalCell, intCell, monthCell } from "./Cells.ts"
import type { CsvTable } from "./Csv.ts"
import type { Problems } from "./DataProblem.ts"
import type { JsonLine } from "./JsonLines.ts"
import type { BlockFeesRecord, FeeSpanRecord } from "./Records.ts"

export const FEES_COLUMNS = ["month", "days", "blocks", "total_fees_btc", "avg_fee_per_block_btc"] as const

export const readFeesTable = (table: CsvTable, problems: Problems): ReadonlyArray<FeeSpanRecord> => {
  const out: Array<FeeSpanRecord> = []
  let previousUntilS = Number.NEGATIVE_INFINITY
  for (const row of table.rows) {
    const at = row.origin
    const read = cellReader(row.cells, at, problems)
    const month = read("month", monthCell)
    const days = read("days", intCell)
    const blocks = read("blocks", intCell)
    const total = read("total_fees_btc", btcCell)
    const avg = read("avg_fee_per_block_btc", decimalCell)
    if (month === undefined || days === undefined || blocks === undefined || total === undefined) continue
    const monthDays = daysInMonth(month.year, month.month)
    if (days < 1 || days > monthDays) {
      problems.add(at, "days", `${days} is not a number of days of ${row.cells["month"]} (1 to ${monthDays})`)
      continue
    }
    if (blocks === 0) {
      problems.add(at, "blocks", "a month with no block has no fee level")
      continue
    }
    if (avg !== undefined) {
      const mean = Number(total) / 1e8 / blocks
      // Printed rounded to its decimals: within half a unit of the last place (and a hair for the division).
      if (Math.abs(avg.value - mean) > 0.5 * 10 ** -avg.decimals * (1 + 1e-9)) {
        problems.add(at, "avg_fee_per_block_btc", `${row.cells["avg_fee_per_block_btc"]} is not total_fees_btc / blocks (${mean})`)
      }
    }
    const fromS = daysFromCivil(month.year, month.month, 1) * SECONDS_PER_DAY
    if (fromS < previousUntilS) {
      problems.add(at, "month", `times out of order: ${row.cells["month"]} does not come after the previous row's span`)
      continue
    }
    const untilS = fromS + days * SECONDS_PER_DAY
    previousUntilS = untilS
    out.push({ fromS, untilS, blocks, totalFeesSats: total, label: `${row.cells["month"]}: ${blocks} blocks, ${row.cells["total_fees_btc"]} BTC of fees`, origin: at })
  }
  return out
}

export const readBlockStatsLines = (lines: ReadonlyArray<JsonLine>, problems: Problems): ReadonlyArray<BlockFeesRecord> => {
  const out: Array<BlockFeesRecord> = []
  let previous: BlockFeesRecord | undefined
  for (const l of lines) {
    const read = cellReader(l.value, l.origin, problems)
    const height = read("height", intCell)
    const timeS = read("time", intCell)
    const totalfee = read("totalfee", intCell)
    const subsidy = read("subsidy", intCell)
    if (height === undefined || timeS === undefined || totalfee === undefined || subsidy === undefined) continue
    if (BigInt(subsidy) !== blockSubsidy(height)) {
      problems.add(l.origin, "subsidy", `${subsidy} sats is not the schedule's subsidy at height ${height} (${blockSubsidy(height)})`)
    }
    if (previous !== undefined && height !== previous.height + 1) {
      problems.add(l.origin, "height", `a gap in heights: expected ${previous.height + 1} after ${previous.height}, got ${height}`)
    }
    const record = { height, timeS, totalFeeSats: BigInt(totalfee), origin: l.origin }
    out.push(record)
    previous = record
  }
  return out
}

/**
 * Per-block fees as one span per UTC month of their header times: the month, cut to the first and last block's
 * times (the last block's second included), so a partial month is not stretched over days it did not observe.
 */
export const feeSpansOfBlocks = (blocks: ReadonlyArray<BlockFeesRecord>): ReadonlyArray<FeeSpanRecord> => {
  if (blocks.length === 0) return []
  const minS = Math.min(...blocks.map((b) => b.timeS))
  const maxS = Math.max(...blocks.map((b) => b.timeS)) + 1
  const byMonth = new Map<string, Array<BlockFeesRecord>>()
  for (const b of blocks) {
    const month = monthOfS(b.timeS)
    const list = byMonth.get(month) ?? []
    list.push(b)
    byMonth.set(month, list)
  }
  return [...byMonth.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, list]) => {
    const monthStart = daysFromCivil(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1) * SECONDS_PER_DAY
    const fromS = Math.max(monthStart, minS)
    const untilS = Math.min(nextMonthStartS(monthStart), maxS)
    const total = list.reduce((s, b) => s + b.totalFeeSats, 0n)
    const heights = list.map((b) => b.height)
    return {
      fromS,
      untilS,
      blocks: list.length,
      totalFeesSats: total,
      label: `${month} (${formatAtS(fromS)} to ${formatAtS(untilS)}): blocks ${Math.min(...heights)}-${Math.max(...heights)}, ${list.length} blocks, ${total} sats of fees`,
      origin: list[0]!.origin
    }
  })
}
