// Chain: a DifficultyAdjusted at every 2016th height and nowhere else, each within the factor-4 clamp (before
// encoding; after it, only the encoding's truncation) and under powLimit; heights contiguous; time never
// decreasing; the subsidy halves exactly at halving heights. Scenarios start near a retarget or a halving, on
// networks up to 5x faster than their bits, so retargets clamp and both boundaries are crossed.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { checkLogInvariants } from "@hashsim/invariants"
import { engineArbitrary, type ScenarioConstraints, scenarioArbitrary, seedArbitrary } from "@hashsim/testkit"
import { propertyRuns, propertyTimeoutMs } from "./support/runs.ts"
import { simulate } from "./support/simulation.ts"

const cases: ReadonlyArray<readonly [string, ScenarioConstraints, "DifficultyAdjusted" | "HalvingReached" | null]> = [
  ["any scenario", {}, null],
  ["near a retarget", { near: "retarget" }, "DifficultyAdjusted"],
  ["near the 2024 halving", { near: "halving" }, "HalvingReached"],
  // The simulator once took the next halving from the tip's successor and skipped this one (fixed in 00d0368).
  ["the tip is the block before the 2024 halving", { near: "halving", tipHeight: 839_999 }, "HalvingReached"],
  ["near a retarget at powLimit, on a slower network", { near: "retarget", slowAtPowLimit: true }, "DifficultyAdjusted"]
]

describe("chain", () => {
  it.each(cases)("%s: retargets at every 2016th height only, clamped, under powLimit; heights contiguous; time monotone; subsidy halves exactly", (_name, constraints, boundary) => {
    let crossed = 0
    fc.assert(
      fc.property(scenarioArbitrary(constraints), seedArbitrary, engineArbitrary, (s, seed, engine) => {
        const run = simulate(s.text, seed, engine)
        expect(run.problems).toEqual([])
        expect(checkLogInvariants(run.entries).filter((v) => v.invariant === "chain")).toEqual([])
        if (boundary !== null && run.entries.some((e) => e.type === boundary)) crossed++
      }),
      { numRuns: propertyRuns(50) }
    )
    // The boundary the case is about was exercised, not just approached.
    if (boundary !== null) expect(crossed).toBeGreaterThan(0)
  }, propertyTimeoutMs())
})
