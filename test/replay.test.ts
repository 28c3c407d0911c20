// Replay: the ledger's fold of a complete log equals what the simulator ended with (its outcome, and the report
// `replay` prints), and a snapshot of any prefix plus the rest of the log equals the full fold.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { reportOutcomeMismatches, snapshotFoldMismatches } from "@hashsim/invariants"
import { foldEvents, initialState, reportOfEvents } from "../packages/ledger/src/index.ts"
import { engineArbitrary, scenarioArbitrary, seedArbitrary } from "@hashsim/testkit"
import { propertyRuns, propertyTimeoutMs } from "./support/runs.ts"
import { simulate } from "./support/simulation.ts"

describe("replay", () => {
  it("the fold of the complete log equals the simulator's final state and report", () => {
    fc.assert(
      fc.property(scenarioArbitrary(), seedArbitrary, engineArbitrary, (s, seed, engine) => {
        const run = simulate(s.text, seed, engine)
        expect(run.problems).toEqual([])
        const events = run.entries.filter((e) => e.type !== "LogSealed")
        expect(reportOutcomeMismatches(reportOfEvents(events), run.outcome)).toEqual([])
        const state = foldEvents(events, initialState())
        expect(state.treasury.btcHeldSats).toBe(run.outcome.btcHeldSats)
        expect(state.treasury.minedSats).toBe(run.outcome.minedSats)
        expect(state.treasury.poolFeeSats).toBe(run.outcome.poolFeeSats)
      }),
      { numRuns: propertyRuns(60) }
    )
  }, propertyTimeoutMs())

  it("a snapshot of any prefix plus the rest equals the full fold", () => {
    fc.assert(
      fc.property(scenarioArbitrary(), seedArbitrary, engineArbitrary, fc.double({ min: 0, max: 1, noNaN: true }), (s, seed, engine, where) => {
        const run = simulate(s.text, seed, engine)
        const cut = Math.floor(where * (run.entries.length - 1))
        expect(snapshotFoldMismatches(run.entries, cut)).toEqual([])
      }),
      { numRuns: propertyRuns(60) }
    )
  }, propertyTimeoutMs())
})
