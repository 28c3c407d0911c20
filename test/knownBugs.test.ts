// Properties that fail on the code as it stands, each for a bug reported to the package's owner. They are marked
// `it.fails` so `pnpm test` stays green while the bug is open; when the fix lands, the property starts passing,
// vitest reports it as failing, and the `.fails` comes off (it then guards the fix like any other property).
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { checkLogInvariants } from "../packages/cli/src/check/index.ts"
import { foldEvents, initialState } from "../packages/ledger/src/index.ts"
import { engineArbitrary, scenarioArbitrary, seedArbitrary, textOfLines } from "./arbitraries/ScenarioArbitrary.ts"
import { propertyRuns, propertyTimeoutMs } from "./support/runs.ts"
import { simulate } from "./support/simulation.ts"

describe("known bugs", () => {
  // packages/sim/src/PathSimulator.ts syncChain (line ~426): with the tip at 839,999 the next halving is computed
  // from `next` = 840,000, so it is 1,050,000; the run mines block 840,000 at the new subsidy without ever emitting
  // HalvingReached(840000), and the ledger's network subsidy stays at the old era's 625,000,000 sats.
  it("chain: a scenario whose tip is the block before a halving announces the halving (tip 839,999)", () => {
    fc.assert(
      fc.property(scenarioArbitrary({ near: "halving" }), seedArbitrary, engineArbitrary, (s, seed, engine) => {
        const [first, ...rest] = s.lines
        const data = first!.data as { network: Record<string, unknown> }
        const text = textOfLines([{ ...first!, data: { ...first!.data, network: { ...data.network, height: 839_999 } } }, ...rest])
        const run = simulate(text, seed, engine)
        expect(checkLogInvariants(run.entries).filter((v) => v.invariant === "chain")).toEqual([])
        const state = foldEvents(run.entries.filter((e) => e.type !== "LogSealed"), initialState())
        if (state.network.tipHeight >= 840_000) expect(state.network.subsidySats).toBe(312_500_000)
      }),
      { numRuns: propertyRuns(10) }
    )
  }, propertyTimeoutMs())
})
