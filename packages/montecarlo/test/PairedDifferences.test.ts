// Paired differences and P(A beats B): examples with known answers, missing values as the worst outcome.
import { describe, expect, it } from "vitest"
import { beatProbability, monthsDifferingMost, pairedDifferences } from "../src/index.ts"

const f = (...x: Array<number>) => Float64Array.from(x)

describe("paired differences", () => {
  it("subtracts path by path the columns both tables have, NaN where either is missing", () => {
    const a = { names: ["npv", "onlyA", "m:2025-01"], values: [f(5, 1, Number.NaN), f(1, 1, 1), f(3, 3, 3)] }
    const b = { names: ["m:2025-01", "npv"], values: [f(1, 2, 3), f(2, 4, 1)] }
    const d = pairedDifferences(a, b)
    expect(d.names).toEqual(["npv", "m:2025-01"])
    expect([...d.values[0]!]).toEqual([3, -3, Number.NaN])
    expect([...d.values[1]!]).toEqual([2, 1, 0])
  })

  it("counts wins, ties (half) and losses; a missing value loses to any value", () => {
    const higher = beatProbability(f(3, 1, 2, Number.NaN), f(1, 1, 5, 0), "higher")
    expect(higher).toMatchObject({ wins: 1, ties: 1, losses: 2 })
    expect(higher.probability).toBe(0.375)
    expect(higher.standardError).toBeCloseTo(Math.sqrt((0.375 * 0.625) / 4), 12)
    // Payback in days: sooner is better; no payback (NaN) is worst; two without payback tie.
    const sooner = beatProbability(f(100, Number.NaN, Number.NaN, 50), f(200, 10, Number.NaN, Number.NaN), "lower")
    expect(sooner).toMatchObject({ wins: 2, ties: 1, losses: 1 })
  })

  it("names the months whose mean difference is largest, skipping months that agree", () => {
    const d = { names: ["x:2025-01", "x:2025-02", "x:2025-03", "y:2025-01"], values: [f(0, 0), f(-4, -2), f(1, 2), f(100, 100)] }
    expect(monthsDifferingMost(d, "x", 5)).toEqual([{ month: "2025-02", meanDifference: -3 }, { month: "2025-03", meanDifference: 1.5 }])
  })
})
