// `importChain` on small synthetic data: what a good import yields (both retarget layouts, headers, getblockheader
// and getblockstats lines, the monthly fees), and every kind of bad data refused as `file:line: field: message`.
import { bitsToDifficulty, formatBits, hashesPerSToThs, hashrateForBits, nextWorkRequired, workForBits } from "@hashsim/chain"
import { validateLogText } from "@hashsim/ledger"
import { describe, expect, it } from "vitest"
import { ChainDataInvalidError, type DataFile, formatDataProblem, ImportRefusedError, importChain, type ImportInput } from "../src/index.ts"
import { blockStatsLines, feesCsv, headerLines, headers, headersCsv, plan, planText, retargetCsv, retargetRows } from "./fixtures.ts"

const run = (data: ReadonlyArray<DataFile>, over: Partial<ImportInput> = {}) => importChain({ plan: plan(), data, ...over })

/** The problems an import refuses with, formatted as the CLI prints them. */
const problemsOf = (data: ReadonlyArray<DataFile>, over: Partial<ImportInput> = {}): Array<string> => {
  try {
    run(data, over)
  } catch (error) {
    if (error instanceof ChainDataInvalidError) return error.problems.map(formatDataProblem)
    throw error
  }
  throw new Error("expected the import to be refused")
}

const events = (text: string) => text.trim().split("\n").map((l) => JSON.parse(l) as { at: string; type: string; data: Record<string, unknown> })

describe("import chain: retarget CSVs", () => {
  const rows = retargetRows()
  it("replaces the plan's network block with the start epoch's facts, and adds each retarget at its last block time", () => {
    const result = run([{ file: "r.csv", text: retargetCsv(rows) }])
    const first = rows[0]!
    const pace = (first.last_block_time - first.first_block_time) / 2015
    expect(result.network).toEqual({
      height: 868_896, bits: "1702c4e4", epochFirstBlockTimeS: 1_730_759_288,
      hashrateThs: hashesPerSToThs(hashrateForBits(0x1702c4e4, pace))
    })
    // The same figure from first principles: hashes per block / seconds per block.
    expect(result.network.hashrateThs).toBeCloseTo(Number(workForBits(0x1702c4e4)) / pace / 1e12, 3)
    const es = events(result.text)
    expect(es[0]).toMatchObject({ at: "2024-11-04T22:28:08Z", type: "ScenarioStarted", data: { name: "plan", until: "2025-03-01T00:00:00Z" } })
    const retargets = es.filter((e) => e.type === "DifficultyAdjusted")
    // The plan ends 2025-03-01: the 4th epoch's last block (2025-01-xx) is inside it.
    expect(retargets.map((e) => e.data["height"])).toEqual([870_912, 872_928, 874_944, 876_960])
    expect(retargets[1]).toMatchObject({ data: { oldBits: rows[1]!.old_bits, newBits: rows[1]!.new_bits, firstBlockTimeS: rows[1]!.first_block_time, lastBlockTimeS: rows[1]!.last_block_time } })
    expect(validateLogText(result.text).problems).toEqual([])
  })
  it("reads both layouts into the same scenario", () => {
    const a = run([{ file: "r.csv", text: retargetCsv(rows, "new") }]).text
    const b = run([{ file: "r.csv", text: retargetCsv(rows, "old") }]).text
    expect(b).toBe(a)
  })
  it("keeps the plan's events in time order among the observations, and stops observing at --to", () => {
    const result = run([{ file: "r.csv", text: retargetCsv(rows) }], { toS: rows[1]!.last_block_time + 1 })
    const es = events(result.text)
    expect(es.map((e) => e.type)).toEqual(["ScenarioStarted", "HashratePurchased", "DifficultyAdjusted", "DifficultyAdjusted"])
    expect(result.retargets).toBe(2)
  })
  it("starts at any time inside an epoch from that epoch's first block (--from)", () => {
    const result = run([{ file: "r.csv", text: retargetCsv(rows) }], { fromS: rows[1]!.first_block_time + 5 * 86_400, plan: plan(planText("2024-12-20T00:00:00Z")) })
    expect(result.network).toMatchObject({ height: 870_912, bits: rows[0]!.new_bits, epochFirstBlockTimeS: rows[1]!.first_block_time })
  })
  it("refuses a start no observed epoch holds", () => {
    expect(() => run([{ file: "r.csv", text: retargetCsv(rows) }], { fromS: 1_700_000_000 })).toThrow(ImportRefusedError)
  })
  it("refuses a plan event before the start it gets from --from", () => {
    expect(problemsOf([{ file: "r.csv", text: retargetCsv(rows) }], { fromS: rows[1]!.first_block_time + 60 }))
      .toEqual([expect.stringMatching(/^plan\.jsonl:2: at: 2024-11-07T00:00:00Z is before the scenario's start 2024-11-18T20:31:36Z \(the first block of the epoch holding --from\)$/)])
  })

  const broken = (edit: (rows: Array<ReturnType<typeof retargetRows>[number]>) => void, layout: "old" | "new" = "new"): Array<string> => {
    const copy = retargetRows()
    edit(copy)
    return problemsOf([{ file: "r.csv", text: retargetCsv(copy, layout) }])
  }
  it("refuses a gap in heights", () => {
    expect(broken((r) => { r.splice(2, 1) })).toContainEqual(expect.stringMatching(/^r\.csv:4: retarget_height: a gap in heights: expected 874944 after 872928, got 876960$/))
  })
  it("refuses new bits that are not Core's retarget of the epoch", () => {
    expect(broken((r) => { r[1]!.new_bits = "1702b564" })).toContainEqual(expect.stringMatching(/^r\.csv:3: new_bits: 1702b564 is not Core's retarget of 1702c070 over \d+ s: 1702b563$/))
  })
  it("refuses old bits that are not the previous epoch's new bits", () => {
    expect(broken((r) => { r[2]!.old_bits = "1702b564" })).toContainEqual(expect.stringMatching(/^r\.csv:4: old_bits: 1702b564 is not the previous epoch's new bits/))
  })
  it("refuses an epoch whose first block is not the previous row's next first block", () => {
    expect(broken((r) => { r[2]!.first_block_time += 1; r[2]!.last_block_time += 1 })).toContainEqual(expect.stringMatching(/^r\.csv:4: first_block_time: \d+ is not the previous row's retarget_block_time/))
  })
  it("refuses times out of order (old layout, where nothing ties the epochs' times but their order)", () => {
    const problems = broken((r) => {
      const e = r[2]!
      e.first_block_time = r[1]!.first_block_time - 10
      e.last_block_time = e.first_block_time + 1_200_000
      const next = nextWorkRequired({ bits: Number.parseInt(e.old_bits, 16), firstBlockTime: e.first_block_time, lastBlockTime: e.last_block_time })
      e.new_bits = formatBits(next)
      e.new_difficulty = bitsToDifficulty(next).toFixed(2)
    }, "old")
    expect(problems).toContainEqual(expect.stringMatching(/^r\.csv:4: first_block_time: times out of order/))
  })
  it("refuses malformed numbers with their field", () => {
    expect(broken((r) => { (r[0] as unknown as Record<string, string>)["first_block_time"] = "17307x9288" }))
      .toContainEqual('r.csv:2: first_block_time: expected a non-negative integer, got "17307x9288"')
    expect(broken((r) => { r[0]!.new_bits = "zz02c070" })).toContainEqual('r.csv:2: new_bits: expected 8 hex digits, got "zz02c070"')
    expect(broken((r) => { r[0]!.new_difficulty = (bitsToDifficulty(0x1702c070) * 1.001).toFixed(2) }))
      .toContainEqual(expect.stringMatching(/^r\.csv:2: new_difficulty: .* is not the difficulty of 1702c070/))
  })
  it("refuses a ragged CSV and an unknown layout", () => {
    expect(problemsOf([{ file: "r.csv", text: retargetCsv(rows) + "1,2\n" }])).toEqual([expect.stringMatching(/^r\.csv:6: line: not a well-formed CSV/)])
    expect(problemsOf([{ file: "x.csv", text: "a,b\n1,2\n" }])).toEqual([expect.stringMatching(/^x\.csv:1: header: not a known layout: a,b/)])
  })
})

describe("import chain: headers CSV and getblockheader lines", () => {
  // Two full epochs 866880..870911 at 600 s, then the retarget block 870912.
  const start = 1_729_549_000
  const hs = headers(866_880, 870_912, start, 0x1702c4e4)
  // The plan's start (2024-11-07) falls in the second epoch, 868896..870911.
  const p = plan()
  it("turns complete epochs into retargets and starts from the epoch holding the plan's start", () => {
    const result = importChain({ plan: p, data: [{ file: "h.csv", text: headersCsv(hs) }] })
    expect(result.network).toMatchObject({ height: 868_896, bits: hs[2016]!.bits, epochFirstBlockTimeS: hs[2016]!.time })
    const retargets = events(result.text).filter((e) => e.type === "DifficultyAdjusted")
    expect(retargets.map((e) => [e.data["height"], e.data["newBits"]])).toEqual([[870_912, hs[4032]!.bits]])
  })
  it("reads getblockheader lines to the same scenario, and agrees with a retarget CSV of the same epochs", () => {
    const csv = importChain({ plan: p, data: [{ file: "h.csv", text: headersCsv(hs) }] }).text
    const json = importChain({ plan: p, data: [{ file: "h.jsonl", text: headerLines(hs) }] }).text
    const strip = (t: string) => t.replace(/"source":\{[^}]*\},/g, "")
    expect(strip(json)).toBe(strip(csv))
  })
  const brokenHeaders = (edit: (h: typeof hs) => void, as: "csv" | "jsonl" = "csv"): Array<string> => {
    const copy = hs.map((h) => ({ ...h }))
    edit(copy)
    return problemsOf([{ file: `h.${as}`, text: as === "csv" ? headersCsv(copy) : headerLines(copy) }], { plan: p })
  }
  it("refuses a gap in heights", () => {
    expect(brokenHeaders((h) => { h.splice(100, 1) })).toEqual(['h.csv:102: height: a gap in heights: expected 866980 after 866979, got 866981'])
  })
  it("refuses bits that change away from a retarget height", () => {
    expect(brokenHeaders((h) => { h[500]!.bits = "1702c4e5" })).toContainEqual("h.csv:502: bits: 1702c4e5 changes the epoch's bits 1702c4e4 away from a retarget height")
  })
  it("refuses bits at a retarget that are not Core's retarget of the epoch", () => {
    expect(brokenHeaders((h) => { h[4032]!.bits = "1702c4e4" }, "jsonl")).toEqual([expect.stringMatching(/^h\.jsonl:4033: bits: 1702c4e4 is not Core's retarget of the epoch \(.* over 1209000 s\): 1702c42f$/)])
  })
  it("refuses a time not after the median of the 11 blocks before it", () => {
    expect(brokenHeaders((h) => { h[300]!.time = h[294]!.time })).toEqual([expect.stringMatching(/^h\.csv:302: time: times out of order: \d+ is not after the median \d+ of the 11 blocks before it/)])
  })
  it("refuses a line that is not JSON, and a header with a malformed field", () => {
    expect(problemsOf([{ file: "h.jsonl", text: headerLines(hs.slice(0, 3)) + "{oops\n" }], { plan: p })).toContainEqual(expect.stringMatching(/^h\.jsonl:4: line: invalid JSON/))
    expect(brokenHeaders((h) => { (h[3] as unknown as Record<string, unknown>)["time"] = -5 }, "jsonl")).toContainEqual("h.jsonl:4: time: expected a non-negative integer, got -5")
  })
  it("refuses a retarget CSV that disagrees with the headers about an epoch (each consistent on its own)", () => {
    // The epoch shifted by one second: the same span, so the same retarget, but not the headers' times.
    const bits = Number.parseInt(hs[2016]!.bits, 16)
    const row = {
      retarget_height: 870_912, first_block_time: hs[2016]!.time + 1, last_block_time: hs[4031]!.time + 1, old_bits: hs[2016]!.bits,
      new_bits: hs[4032]!.bits, new_difficulty: bitsToDifficulty(Number.parseInt(hs[4032]!.bits, 16)).toFixed(2), retarget_block_time: hs[4032]!.time
    }
    expect(nextWorkRequired({ bits, firstBlockTime: row.first_block_time, lastBlockTime: row.last_block_time })).toBe(Number.parseInt(row.new_bits, 16))
    expect(problemsOf([{ file: "h.csv", text: headersCsv(hs) }, { file: "r.csv", text: retargetCsv([row]) }], { plan: p }))
      .toEqual(["h.csv:4033: retarget_height: the epoch before 870912 differs from r.csv:2"])
  })
})

describe("import chain: fees", () => {
  const rows = retargetRows()
  const r = { file: "r.csv", text: retargetCsv(rows) }
  it("makes one FeesObserved a month, the exact mean, cut to the start", () => {
    const result = run([r, { file: "f.csv", text: feesCsv("2024-11,30,4363,436.237659,0.09999", "2024-12,31,4569,398.956520,0.08732") }])
    const fees = events(result.text).filter((e) => e.type === "FeesObserved")
    expect(fees.map((e) => e.data)).toEqual([
      { fromAt: "2024-11-04T22:28:08Z", untilAt: "2024-12-01T00:00:00Z", meanFeePerBlockSats: 43_623_765_900 / 4363, reference: "f.csv:2 (2024-11: 4363 blocks, 436.237659 BTC of fees)" },
      { fromAt: "2024-12-01T00:00:00Z", untilAt: "2025-01-01T00:00:00Z", meanFeePerBlockSats: 39_895_652_000 / 4569, reference: "f.csv:3 (2024-12: 4569 blocks, 398.956520 BTC of fees)" }
    ])
  })
  it("a month of fewer days covers only those days", () => {
    const result = run([r, { file: "f.csv", text: feesCsv("2024-12,29,4149,78.349511,0.01888") }])
    expect(events(result.text).find((e) => e.type === "FeesObserved")?.data["untilAt"]).toBe("2024-12-30T00:00:00Z")
  })
  it("refuses an average that is not total / blocks, days outside the month, a malformed amount, months out of order", () => {
    expect(problemsOf([r, { file: "f.csv", text: feesCsv("2024-11,30,4363,436.237659,0.09990") }])).toEqual([expect.stringMatching(/^f\.csv:2: avg_fee_per_block_btc: 0\.09990 is not total_fees_btc \/ blocks/)])
    expect(problemsOf([r, { file: "f.csv", text: feesCsv("2024-11,31,4363,436.237659,0.09999") }])).toEqual(["f.csv:2: days: 31 is not a number of days of 2024-11 (1 to 30)"])
    expect(problemsOf([r, { file: "f.csv", text: feesCsv("2024-11,30,4363,436.237659001,0.09999") }])).toEqual(['f.csv:2: total_fees_btc: expected a BTC amount with at most 8 decimals, got "436.237659001"'])
    expect(problemsOf([r, { file: "f.csv", text: feesCsv("2024-12,31,4569,398.956520,0.08732", "2024-11,30,4363,436.237659,0.09999") }]))
      .toEqual([expect.stringMatching(/^f\.csv:3: month: times out of order/)])
  })
  it("reads getblockstats lines as the exact mean fee of their blocks", () => {
    const t0 = 1_731_000_000
    const stats = blockStatsLines(869_000, 869_099, t0, (h) => 1_000_000 + (h % 7))
    const result = run([r, { file: "s.jsonl", text: stats }])
    const fees = events(result.text).filter((e) => e.type === "FeesObserved")
    let total = 0
    for (let h = 869_000; h <= 869_099; h++) total += 1_000_000 + (h % 7)
    expect(fees).toHaveLength(1)
    expect(fees[0]!.data).toMatchObject({ fromAt: "2024-11-07T17:20:00Z", untilAt: "2024-11-08T09:50:01Z", meanFeePerBlockSats: total / 100 })
  })
  it("refuses a subsidy that is not the schedule's and a gap in heights", () => {
    const t0 = 1_731_000_000
    const lines = blockStatsLines(869_000, 869_009, t0, () => 5).split("\n")
    lines[3] = lines[3]!.replace('"subsidy":312500000', '"subsidy":625000000')
    lines.splice(6, 1)
    expect(problemsOf([r, { file: "s.jsonl", text: lines.join("\n") }])).toEqual([
      "s.jsonl:4: subsidy: 625000000 sats is not the schedule's subsidy at height 869003 (312500000)",
      "s.jsonl:7: height: a gap in heights: expected 869006 after 869005, got 869007"
    ])
  })
  it("refuses fee spans that overlap across files", () => {
    const stats = blockStatsLines(869_000, 869_009, 1_731_000_000, () => 5)
    expect(problemsOf([r, { file: "f.csv", text: feesCsv("2024-11,30,4363,436.237659,0.09999") }, { file: "s.jsonl", text: stats }]))
      .toEqual([expect.stringMatching(/^s\.jsonl:1: line: the fee span .* overlaps f\.csv:2/)])
  })
})
