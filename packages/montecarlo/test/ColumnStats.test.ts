import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { cellValue, censoredQuantileType7, columnStats, epochDayToIso, formatCell, isoToEpochDay, parseCell, quantileType7, renderSummaryJson } from "../src/index.ts"

const q = (values: Array<number>, p: number) => quantileType7(Float64Array.from(values).sort(), p)

describe("type-7 quantiles", () => {
  it("matches hand-computed values (R: quantile(x, type = 7))", () => {
    // x = 1..10: h = 9p; p05 -> 1 + 0.45 = 1.45, p25 -> 3.25, p50 -> 5.5, p95 -> 9.55, p99 -> 9.91
    const x = [10, 2, 3, 4, 5, 6, 7, 8, 9, 1]
    expect(q(x, 0.05)).toBeCloseTo(1.45, 12)
    expect(q(x, 0.25)).toBe(3.25)
    expect(q(x, 0.5)).toBe(5.5)
    expect(q(x, 0.95)).toBeCloseTo(9.55, 12)
    expect(q(x, 0.99)).toBeCloseTo(9.91, 12)
    expect(q(x, 0)).toBe(1)
    expect(q(x, 1)).toBe(10)
    // x = (3, 1, 4, 1, 5): sorted 1 1 3 4 5, h = 4p; p10 -> h 0.4 -> 1; p50 -> 3; p75 -> h 3 -> 4; p90 -> h 3.6 -> 4.6
    const y = [3, 1, 4, 1, 5]
    expect(q(y, 0.1)).toBe(1)
    expect(q(y, 0.5)).toBe(3)
    expect(q(y, 0.75)).toBe(4)
    expect(q(y, 0.9)).toBeCloseTo(4.6, 12)
    expect(q([7], 0.37)).toBe(7)
  })

  it("rejects the plausible off-by-one variants on the same data (the test has power)", () => {
    const x = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    const type6 = (p: number) => { const h = (x.length + 1) * p - 1; const lo = Math.floor(h); return (x[lo] ?? 0) + (h - lo) * ((x[lo + 1] ?? 0) - (x[lo] ?? 0)) }
    const nearestRank = (p: number) => x[Math.ceil(x.length * p) - 1]
    expect(type6(0.25)).not.toBe(quantileType7(x, 0.25))
    expect(nearestRank(0.5)).not.toBe(quantileType7(x, 0.5))
  })
})

describe("column statistics", () => {
  it("counts, averages and spreads the present values", () => {
    const s = columnStats(Float64Array.from([2, 4, 4, 4, 5, 5, 7, 9]), 3)
    expect(s.count).toBe(8)
    expect(s.missing).toBe(3)
    expect(s.mean).toBe(5)
    expect(s.sd).toBeCloseTo(Math.sqrt(32 / 7), 12)
    expect(s.min).toBe(2)
    expect(s.max).toBe(9)
    expect(Object.fromEntries(s.quantiles)["p50"]).toBe(4.5)
  })

  it("reports nulls for a column with no values and no sd for one value", () => {
    const none = columnStats(new Float64Array(0), 4)
    expect(none).toMatchObject({ count: 0, missing: 4, mean: null, sd: null, min: null, max: null })
    expect(columnStats(Float64Array.from([3]), 0)).toMatchObject({ count: 1, mean: 3, sd: null, min: 3, max: 3 })
  })
})

describe("outcome cells", () => {
  it("round-trips numbers exactly and writes missing values as empty cells", () => {
    for (const x of [0, 1, -7, 123456789012345, 0.1 + 0.2, 1e-7, 6.02e23, -0]) {
      expect(parseCell(formatCell(x, "number"), "number")).toBe(x === 0 ? 0 : x)
    }
    expect(formatCell(-0, "number")).toBe("0")
    expect(formatCell(Number.NaN, "number")).toBe("")
    expect(Number.isNaN(parseCell("", "number"))).toBe(true)
    expect(() => parseCell("abc", "number")).toThrow()
  })

  it("always parses a written number back to the same double (so the CSV and the summary agree)", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      expect(Object.is(parseCell(formatCell(x, "number"), "number"), Object.is(x, -0) ? 0 : x)).toBe(true)
      expect(Object.is(cellValue(x, "number"), parseCell(formatCell(x, "number"), "number"))).toBe(true)
    }))
    fc.assert(fc.property(fc.double({ min: -50_000, max: 2_000_000, noNaN: true }), (day) => {
      expect(cellValue(day, "date")).toBe(parseCell(formatCell(day, "date"), "date"))
    }))
    expect(cellValue(-0, "date")).toBe(0)
    expect(cellValue(-0.5, "date")).toBe(parseCell(formatCell(-0.5, "date"), "date"))
  })

  it("writes dates as YYYY-MM-DD", () => {
    expect(epochDayToIso(0)).toBe("1970-01-01")
    expect(isoToEpochDay("2024-12-31")).toBe(20088)
    expect(formatCell(20088, "date")).toBe("2024-12-31")
    expect(parseCell("2024-12-31", "date")).toBe(20088)
    expect(() => parseCell("2024-13-45", "date")).toThrow()
  })
})

describe("censored quantiles (payback: a path without payback counts as beyond the horizon)", () => {
  it("are type-7 quantiles over every path with the missing ones at +infinity, null where they reach them", () => {
    // 4 paid back (days 100, 200, 300, 400) and 6 not: n = 10, p50 at h = 4.5 reaches the censored paths.
    const s = columnStats(Float64Array.from([400, 100, 300, 200]), 6)
    const q = Object.fromEntries(s.censoredQuantiles)
    expect(q["p10"]).toBeCloseTo(100 + 0.9 * 100, 10) // h = 0.9: between 100 and 200
    expect(q["p25"]).toBeCloseTo(300 + 0.25 * 100, 10) // h = 2.25: between 300 and 400
    expect(q["p50"]).toBeNull()
    expect(q["p99"]).toBeNull()
    // The plain quantiles are over the 4 paths that paid back: their median is 250, which hides the 60% that did not.
    expect(Object.fromEntries(s.quantiles)["p50"]).toBe(250)
  })
  it("equal the plain quantiles when nothing is missing, and a lone value then the censored ones sit exactly at it", () => {
    const s = columnStats(Float64Array.from([1, 2, 3, 4, 5]), 0)
    expect(s.censoredQuantiles).toEqual(s.quantiles)
    expect(censoredQuantileType7(Float64Array.from([7]), 1, 0)).toBe(7)
    expect(censoredQuantileType7(Float64Array.from([7]), 1, 0.5)).toBeNull()
  })
})

describe("summary.json's payback", () => {
  it("states the probability of payback within the horizon and the censored quantiles, 'beyond the horizon' among the unpaid", () => {
    const columns = [{ name: "paybackDays", kind: "number" as const }]
    const stats = [columnStats(Float64Array.from([400, 100, 300, 200]), 6)]
    const json = JSON.parse(renderSummaryJson({ hashsimVersion: "t", scenarioSha256: "0".repeat(64), engine: "aggregate", masterSeed: 1, paths: 10, columns, stats }))
    expect(json.payback.probabilityWithinHorizon).toBe(0.4)
    expect(json.payback.pathsNotPaidBack).toBe(6)
    expect(json.columns.paybackDays.allPathsCensored.p50).toBe("beyond the horizon")
    expect(json.columns.paybackDays.allPathsCensored.p10).toBeCloseTo(190, 10)
  })
})
