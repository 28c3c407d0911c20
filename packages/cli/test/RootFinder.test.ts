// The break-even root finder on functions with known roots: found by expansion or in a bracket, on the units' grid,
// in few evaluations; no sign change is an error that lists what was tried.
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { findRoot, RootNotBracketedError } from "../src/decide/RootFinder.ts"

const round5 = (x: number) => Number(x.toFixed(5))

describe("findRoot", () => {
  it("finds a linear root by expansion from a start value, within the grid", async () => {
    const g = (x: number) => Effect.succeed(1000 - 23_000 * x) // root at 0.0434782...
    const r = await Effect.runPromise(findRoot({ g, round: round5, start: 0.075, step: 0.015, lowest: 0, tolerance: 1e-5 }))
    expect(Math.abs(r.root - 1000 / 23_000)).toBeLessThan(1e-9)
    expect(r.slope).toBeCloseTo(-23_000, 6)
    expect(r.evaluations.length).toBeLessThanOrEqual(6)
    for (const e of r.evaluations) expect(round5(e.x)).toBe(e.x)
  })

  it("finds a curved root in a bracket to the tolerance", async () => {
    const g = (x: number) => Effect.succeed(Math.exp(x) - 3) // root ln 3
    const r = await Effect.runPromise(findRoot({ g, round: (x) => x, bracket: [0, 5], start: 0, step: 1, tolerance: 1e-9, maxEvaluations: 60 }))
    expect(Math.abs(r.root - Math.log(3))).toBeLessThan(1e-6)
  })

  it("fails when g keeps its sign, naming every value tried", async () => {
    const g = (x: number) => Effect.succeed(1 + x * x)
    const exit = await Effect.runPromise(Effect.flip(findRoot({ g, round: (x) => x, start: 1, step: 1, tolerance: 1e-6, maxExpansions: 4 })))
    expect(exit).toBeInstanceOf(RootNotBracketedError)
    expect((exit as RootNotBracketedError).evaluations.length).toBe(6)
  })
})
