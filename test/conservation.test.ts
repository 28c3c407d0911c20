// Conservation: BTC held = credited - sold and never negative; USD cash moves exactly by capex, fees, credits and
// sales; every satoshi credited traces to a fleet block or an FPPS payout. Checked at every event of generated logs.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { checkLogInvariants } from "@hashsim/invariants"
import { reportOfEvents } from "../packages/ledger/src/index.ts"
import { engineArbitrary, scenarioArbitrary, seedArbitrary } from "@hashsim/testkit"
import { propertyRuns, propertyTimeoutMs } from "./support/runs.ts"
import { simulate } from "./support/simulation.ts"

describe("conservation", () => {
  it("BTC held = credited - sold, never negative; cash moves by capex, fees, credits and sales; credits trace to blocks or FPPS", () => {
    fc.assert(
      fc.property(scenarioArbitrary(), seedArbitrary, engineArbitrary, (s, seed, engine) => {
        const run = simulate(s.text, seed, engine)
        expect(run.problems).toEqual([])
        expect(checkLogInvariants(run.entries).filter((v) => v.invariant === "conservation")).toEqual([])
        // The report's totals agree with the same books.
        const t = reportOfEvents(run.entries.filter((e) => e.type !== "LogSealed")).totals
        expect(t.btcHeldSats).toBe(t.minedSats - t.btcSoldSats)
        expect(t.btcHeldSats).toBeGreaterThanOrEqual(0)
        let cashCapex = 0
        for (const e of run.entries) if (e.type === "HashratePurchased" && e.data.payment.kind === "cash") cashCapex += e.data.priceUsdCents
        expect(t.usdCashCents).toBe(t.saleProceedsUsdCents + t.creditsUsdCents - t.hostingCostUsdCents - cashCapex)
      }),
      { numRuns: propertyRuns(100) }
    )
  }, propertyTimeoutMs())
})
