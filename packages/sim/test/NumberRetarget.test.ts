// The hot loop's double-based retarget and work per block give exactly @hashsim/chain's bigint results.
import { existsSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { formatBits, nextWorkRequired, parseBits, workForBits } from "@hashsim/chain"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { retargetBits, workOfBits } from "../src/NumberRetarget.ts"

// Normalised compact bits of positive targets from size 4 to 0x1c (what the simulator can meet).
const bitsArb = fc
  .record({ size: fc.integer({ min: 4, max: 0x1c }), mantissa: fc.integer({ min: 0x008000, max: 0x7fffff }) })
  .map(({ size, mantissa }) => ((size << 24) | mantissa) >>> 0)

describe("retargetBits", () => {
  it("equals chain's nextWorkRequired for any bits and timestamps (clamps, powLimit cap, encoding)", () => {
    fc.assert(
      fc.property(bitsArb, fc.integer({ min: 1_200_000_000, max: 2_000_000_000 }), fc.integer({ min: -100_000, max: 6_000_000 }), (bits, first, span) => {
        expect(formatBits(retargetBits(bits, first, first + span))).toBe(
          formatBits(nextWorkRequired({ bits, firstBlockTime: first, lastBlockTime: first + span }))
        )
      }),
      { numRuns: 5000 }
    )
  })

  const csv = fileURLToPath(new URL("../../../../shared/data/chain/mainnet-retargets-2016-832608.csv", import.meta.url))
  const haveData = existsSync(csv)
  if (!haveData && process.env["CI"] === "true") {
    it("needs ../shared/data (absent under CI=true)", () => {
      expect.fail(`missing ${csv}`)
    })
  }
  it.skipIf(!haveData)("reproduces every real mainnet retarget from height 2016 to 832608", () => {
    const rows = readFileSync(csv, "utf8").trim().split("\n").slice(1)
    expect(rows.length).toBeGreaterThan(400)
    for (const row of rows) {
      const [height, first, last, oldBits, newBits] = row.split(",")
      expect(`${height}:${formatBits(retargetBits(parseBits(oldBits!), Number(first), Number(last)))}`).toBe(`${height}:${newBits}`)
    }
  })
})

describe("workOfBits", () => {
  it("is Number(workForBits(bits)) to within one ulp", () => {
    fc.assert(
      fc.property(bitsArb, (bits) => {
        const exact = Number(workForBits(bits))
        expect(Math.abs(workOfBits(bits) - exact)).toBeLessThanOrEqual(exact * 2 ** -52)
      }),
      { numRuns: 5000 }
    )
  })

  it("is exactly Number(workForBits(bits)) at the scenarios' bits and early mainnet's", () => {
    for (const text of ["1702c4de", "1703ba5d", "170371b1", "17038c12", "1d00ffff", "1b0404cb", "180696f4"]) {
      const bits = parseBits(text)
      expect(workOfBits(bits)).toBe(Number(workForBits(bits)))
    }
  })
})
