// Real mainnet history: every retarget from 2016 to 832608, and the headers of five epochs around 2024.
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { bitsToDifficulty, isRetargetHeight, nextWorkRequired, parseBits, RETARGET_INTERVAL } from "../src/index.ts"
import { sharedDataFile } from "./sharedData.ts"

const retargetsCsv = sharedDataFile("chain/mainnet-retargets-2016-832608.csv")
const headersCsv = sharedDataFile("chain/mainnet-headers-822528-830592.csv")

// printf("%.6f") as Bitcoin Core's RPC prints: the exact binary value rounded half to even (JS toFixed rounds ties up).
const toFixedHalfEven = (value: number, digits: number): string => {
  const exact = value.toFixed(60) // a double's exact decimal expansion fits in 60 places at these magnitudes
  const [whole = "", fraction = ""] = exact.split(".")
  const kept = BigInt(whole + fraction.slice(0, digits))
  const rest = fraction.slice(digits)
  const half = "5".padEnd(rest.length, "0")
  const roundUp = rest > half || (rest === half && kept % 2n === 1n)
  const digitsText = (kept + (roundUp ? 1n : 0n)).toString().padStart(digits + 1, "0")
  return `${digitsText.slice(0, -digits)}.${digitsText.slice(-digits)}`
}

const rows = (path: string): Array<Record<string, string>> => {
  const [header, ...lines] = readFileSync(path, "utf8").trim().split(/\r?\n/)
  const names = (header ?? "").split(",")
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [names[i] ?? `${i}`, cell])))
}

describe.skipIf(retargetsCsv === undefined)("every mainnet retarget, 2016..832608", () => {
  const retargets = retargetsCsv === undefined ? [] : rows(retargetsCsv)

  it("holds 413 retargets", () => {
    expect(retargets.length).toBe(413)
  })

  it("recomputes the real new bits and difficulty of each one", () => {
    const mismatches: Array<string> = []
    for (const r of retargets) {
      const height = Number(r["retarget_height"])
      expect(isRetargetHeight(height)).toBe(true)
      const bits = nextWorkRequired({
        bits: parseBits(r["old_bits"] ?? ""),
        firstBlockTime: Number(r["first_block_time"]),
        lastBlockTime: Number(r["last_block_time"])
      })
      const expected = parseBits(r["new_bits"] ?? "")
      if (bits !== expected) mismatches.push(`${height}: got ${bits.toString(16)}, real ${r["new_bits"]}`)
      const difficulty = toFixedHalfEven(bitsToDifficulty(expected), 6)
      if (difficulty !== r["new_difficulty"]) {
        mismatches.push(`${height}: difficulty ${difficulty} vs ${r["new_difficulty"]}`)
      }
    }
    expect(mismatches).toEqual([])
  })
})

describe.skipIf(headersCsv === undefined)("mainnet headers 822528..830592", () => {
  it("each epoch's bits follow from the previous epoch's first and last header times", () => {
    const headers = headersCsv === undefined ? [] : rows(headersCsv).map((r) => ({
      height: Number(r["height"]),
      time: Number(r["time"]),
      bits: parseBits(r["bits"] ?? "")
    }))
    const byHeight = new Map(headers.map((h) => [h.height, h]))
    let checked = 0
    for (const h of headers) {
      if (!isRetargetHeight(h.height)) {
        expect(h.bits, `height ${h.height} keeps its epoch's bits`).toBe(byHeight.get(h.height - 1)?.bits ?? h.bits)
        continue
      }
      const first = byHeight.get(h.height - RETARGET_INTERVAL)
      const last = byHeight.get(h.height - 1)
      if (first === undefined || last === undefined) continue
      expect(nextWorkRequired({ bits: last.bits, firstBlockTime: first.time, lastBlockTime: last.time })).toBe(h.bits)
      checked++
    }
    expect(checked).toBe(4)
  })
})
