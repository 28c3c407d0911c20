// Observed history followed exactly (docs/EVENTS.md, "Observed stretches"): for generated scenarios holding the real
// chain's retargets at any pace against the simulated network (back to back, right after the start, mid-day, far
// faster or slower), observed blocks sparse or dense, observed fee levels and fleet operation, both engines and any
// seed give a log the ledger accepts, that keeps every invariant, whose report equals the run's outcome and that a
// rerun repeats byte for byte; and `run` and `mc` accept the same scenarios (one decision, the same numbers).
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { checkLogInvariants, reportOutcomeMismatches } from "@hashsim/invariants"
import { simPathRunner } from "../packages/montecarlo/src/index.ts"
import { reportOfEvents } from "../packages/ledger/src/index.ts"
import { scenarioOfText, simulateLog, simulateOutcome } from "../packages/sim/src/index.ts"
import { scenarioArbitrary, seedArbitrary } from "@hashsim/testkit"
import { propertyRuns, propertyTimeoutMs } from "./support/runs.ts"
import { simulate } from "./support/simulation.ts"

const observedScenarios = fc.oneof(scenarioArbitrary({ observed: true }), scenarioArbitrary({ observed: true, near: "halving" }))

describe("observed stretches", () => {
  it("both engines, any seed: the log validates, keeps the invariants, reports the run's outcome, and reruns to the same bytes", () => {
    fc.assert(
      fc.property(observedScenarios, seedArbitrary, (s, seed) => {
        for (const engine of ["block", "aggregate"] as const) {
          const run = simulate(s.text, seed, engine)
          expect(run.problems).toEqual([])
          expect(checkLogInvariants(run.entries)).toEqual([])
          expect(reportOutcomeMismatches(reportOfEvents(run.entries.filter((e) => e.type !== "LogSealed")), run.outcome)).toEqual([])
          expect(simulateLog(scenarioOfText(s.text), seed, engine, { version: "test" }).text).toBe(run.text)
        }
      }),
      { numRuns: propertyRuns(20) }
    )
  }, propertyTimeoutMs())

  it("run and mc accept the same scenarios, and an mc path is the run's path", () => {
    fc.assert(
      fc.property(observedScenarios, seedArbitrary, (s, seed) => {
        // `run` and `mc` decide with one function (the CLI's acceptScenario over scenarioOfText); mc's runner takes it too.
        const plan = scenarioOfText(s.text)
        const columns = simPathRunner({ scenarioText: s.text, scenarioFile: "generated.jsonl", engine: "aggregate" }).columns
        expect(columns.length).toBeGreaterThan(0)
        for (const engine of ["block", "aggregate"] as const) {
          const run = simulateLog(plan, seed, engine, { version: "test" })
          const path = simulateOutcome(plan, seed, engine)
          expect(path.minedSats).toBe(run.outcome.minedSats)
          expect(path.npvUsdCents).toBe(run.outcome.npvUsdCents)
          expect(Array.from(path.minedSatsByMonth)).toEqual(Array.from(run.outcome.minedSatsByMonth))
        }
      }),
      { numRuns: propertyRuns(12) }
    )
  }, propertyTimeoutMs())
})
