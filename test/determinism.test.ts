// Determinism: the same scenario and seed give a byte-identical complete log; a different seed gives a different
// log — different bytes always (the seed is recorded), and different events whenever the run has luck in it.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { scenarioOfText, simulateLog } from "../packages/sim/src/index.ts"
import { engineArbitrary, scenarioArbitrary, seedArbitrary } from "@hashsim/testkit"
import { propertyRuns, propertyTimeoutMs } from "./support/runs.ts"

/** The log's events without `source`, `seq`, `prev` and the seal (whose hash covers the sources): what happened, not who wrote it. */
const eventsOf = (text: string): Array<string> =>
  text.trimEnd().split("\n").flatMap((l) => {
    const { source: _s, seq: _q, prev: _p, ...rest } = JSON.parse(l) as Record<string, unknown>
    return rest["type"] === "LogSealed" ? [] : [JSON.stringify(rest)]
  })

describe("determinism", () => {
  it("same scenario and seed: same bytes", () => {
    fc.assert(
      fc.property(scenarioArbitrary(), seedArbitrary, engineArbitrary, (s, seed, engine) => {
        // Compiled twice, as two processes would: nothing may leak between runs.
        const a = simulateLog(scenarioOfText(s.text), seed, engine, { version: "test" }).text
        const b = simulateLog(scenarioOfText(s.text), seed, engine, { version: "test" }).text
        expect(b).toBe(a)
      }),
      { numRuns: propertyRuns(60) }
    )
  }, propertyTimeoutMs())

  it("a different seed: a different log, and different events when the market model draws anything", () => {
    let lucky = 0
    fc.assert(
      fc.property(scenarioArbitrary(), seedArbitrary, seedArbitrary, engineArbitrary, (s, seed, other, engine) => {
        fc.pre(seed !== other)
        const plan = scenarioOfText(s.text)
        const a = simulateLog(plan, seed, engine, { version: "test" }).text
        const b = simulateLog(plan, other, engine, { version: "test" }).text
        expect(b).not.toBe(a)
        // A daily uptime with a spread is drawn from the seed every day (MarketStepped), so the seed must show.
        if (plan.market.uptime.sdFraction > 0) {
          lucky++
          expect(eventsOf(b)).not.toEqual(eventsOf(a))
        }
      }),
      { numRuns: propertyRuns(60) }
    )
    expect(lucky).toBeGreaterThan(0)
  }, propertyTimeoutMs())
})
