// Small synthetic chain data for the readers' tests: retarget rows, headers and fees built with @hashsim/chain's
// exact retarget, so a test breaks one fact at a time and sees exactly that problem.
import { bitsToDifficulty, blockSubsidy, formatBits, nextWorkRequired } from "@hashsim/chain"
import type { DataFile } from "../src/index.ts"

export interface Row {
  retarget_height: number
  first_block_time: number
  last_block_time: number
  old_bits: string
  new_bits: string
  new_difficulty: string
  retarget_block_time: number
}

/** Epoch lengths in seconds (2015 intervals) of consecutive epochs from 868896, starting at the real bits and time. */
export const retargetRows = (spans: ReadonlyArray<number> = [1_202_008, 1_190_625, 1_158_299, 1_195_725]): Array<Row> => {
  let bits = 0x1702c4e4
  let first = 1_730_759_288
  let height = 870_912
  return spans.map((span) => {
    const last = first + span
    const next = nextWorkRequired({ bits, firstBlockTime: first, lastBlockTime: last })
    const row = {
      retarget_height: height, first_block_time: first, last_block_time: last, old_bits: formatBits(bits), new_bits: formatBits(next),
      new_difficulty: bitsToDifficulty(next).toFixed(2), retarget_block_time: last + 600
    }
    bits = next
    first = last + 600
    height += 2016
    return row
  })
}

const OLD = ["retarget_height", "first_block_time", "last_block_time", "old_bits", "new_bits", "new_difficulty"] as const
const NEW = [...OLD, "retarget_block_time"] as const

/** The rows as a CSV of the layout with `retarget_block_time` (new) or without (old). */
export const retargetCsv = (rows: ReadonlyArray<Row>, layout: "old" | "new" = "new"): string => {
  const cols = layout === "new" ? NEW : OLD
  return [cols.join(","), ...rows.map((r) => cols.map((c) => String(r[c])).join(","))].join("\n") + "\n"
}

/** Headers of heights [from, to], one every `spacingS`, bits constant except Core's retarget at multiples of 2016. */
export const headers = (from: number, to: number, startTimeS: number, startBits: number, spacingS = 600): Array<{ height: number; time: number; bits: string }> => {
  const out: Array<{ height: number; time: number; bits: string }> = []
  let bits = startBits
  let epochFirst = startTimeS
  for (let h = from; h <= to; h++) {
    const time = startTimeS + (h - from) * spacingS
    if (h % 2016 === 0 && h !== from) {
      bits = nextWorkRequired({ bits, firstBlockTime: epochFirst, lastBlockTime: time - spacingS })
    }
    if (h % 2016 === 0) epochFirst = time
    out.push({ height: h, time, bits: formatBits(bits) })
  }
  return out
}

export const headersCsv = (rows: ReadonlyArray<{ height: number; time: number; bits: string }>): string =>
  ["height,time,bits", ...rows.map((r) => `${r.height},${r.time},${r.bits}`)].join("\n") + "\n"

/** `bitcoin-cli getblockheader` lines (with the fields a real one has besides ours). */
export const headerLines = (rows: ReadonlyArray<{ height: number; time: number; bits: string }>): string =>
  rows.map((r) => JSON.stringify({ hash: "00".repeat(32), confirmations: 1, height: r.height, version: 536870912, time: r.time, mediantime: r.time - 3000, nonce: 1, bits: r.bits, difficulty: 1, nTx: 1 })).join("\n") + "\n"

/** `bitcoin-cli getblockstats` lines for heights [from, to], each block's fees given by `fee(height)`. */
export const blockStatsLines = (from: number, to: number, startTimeS: number, fee: (h: number) => number): string => {
  const out: Array<string> = []
  for (let h = from; h <= to; h++) {
    out.push(JSON.stringify({ avgfee: 1, height: h, subsidy: Number(blockSubsidy(h)), time: startTimeS + (h - from) * 600, totalfee: fee(h), txs: 2 }))
  }
  return out.join("\n") + "\n"
}

export const FEES_HEADER = "month,days,blocks,total_fees_btc,avg_fee_per_block_btc"
export const feesCsv = (...rows: ReadonlyArray<string>): string => [FEES_HEADER, ...rows].join("\n") + "\n"

/** A plan starting 2024-11-07 with a hand-typed (wrong on purpose) network block, one lot, until 2025-03-01. */
export const planText = (start = "2024-11-07T00:00:00Z", until = "2025-03-01T00:00:00Z"): string =>
  [
    {
      at: start, type: "ScenarioStarted", v: 1,
      data: {
        name: "plan", network: { height: 869183, bits: "1702c4de", epochFirstBlockTimeS: 1730772000, hashrateThs: 753110000 },
        priceUsdCents: 7560000, until, discountRatePerYear: 0.1,
        market: {
          otherHashrate: { model: "gbm", driftPerYear: 0.35, volatilityPerYear: 0.15 },
          price: { model: "gbm", driftPerYear: 0, volatilityPerYear: 0.55 },
          feePerBlock: { meanSats: 7000000, shape: 2 },
          uptime: { meanFraction: 0.95, sdFraction: 0.02 }
        }
      }
    },
    { at: start, type: "HashratePurchased", v: 1, data: { lotId: "a", vendor: "Bitmain", hashrateThs: 32000000, machineModel: "S21", efficiencyJth: 17.5, priceUsdCents: 25600000000, lifeYears: 4, payment: { kind: "cash" } } }
  ].map((e) => JSON.stringify(e)).join("\n") + "\n"

export const plan = (text = planText()): DataFile => ({ file: "plan.jsonl", text })
