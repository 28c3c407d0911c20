// Fleet: for every lot at every event, online <= deployed <= purchased; power and hosting fees are zero when
// nothing is online (and a day's energy never exceeds the site's peak power for 24 hours).
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { checkLogInvariants } from "@hashsim/invariants"
import { engineArbitrary, scenarioArbitrary, seedArbitrary } from "@hashsim/testkit"
import { propertyRuns, propertyTimeoutMs } from "./support/runs.ts"
import { simulate } from "./support/simulation.ts"

describe("fleet", () => {
  it("online <= deployed <= purchased for every lot at every event; power and fees are zero when nothing is online", () => {
    fc.assert(
      fc.property(scenarioArbitrary(), seedArbitrary, engineArbitrary, (s, seed, engine) => {
        const run = simulate(s.text, seed, engine)
        expect(run.problems).toEqual([])
        expect(checkLogInvariants(run.entries).filter((v) => v.invariant === "fleet")).toEqual([])
      }),
      { numRuns: propertyRuns(100) }
    )
  }, propertyTimeoutMs())
})
