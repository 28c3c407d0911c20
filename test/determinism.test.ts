// Determinism: the same scenario and seed give a byte-identical complete log; a different seed gives a log that
// records that seed, and different events (compared without source, seq, prev and the seal, which carry the seed)
// whenever the run draws anything from it.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type ScenarioPlan, scenarioOfText, simulateLog } from "../packages/sim/src/index.ts"
import { engineArbitrary, scenarioArbitrary, seedArbitrary } from "@hashsim/testkit"
import { propertyRuns, propertyTimeoutMs } from "./support/runs.ts"

/** The log's events without `source`, `seq`, `prev` and the seal (whose hash covers the sources): what happened, not who wrote it. */
const eventsOf = (text: string): Array<string> =>
  text.trimEnd().split("\n").flatMap((l) => {
    const { source: _s, seq: _q, prev: _p, ...rest } = JSON.parse(l) as Record<string, unknown>
    return rest["type"] === "LogSealed" ? [] : [JSON.stringify(rest)]
  })

/** The path seed a complete log records (the source of its first generated event). */
const recordedSeed = (text: string): string | undefined => {
  for (const l of text.trimEnd().split("\n")) {
    const source = (JSON.parse(l) as { source?: { seed?: string; engine?: string } }).source
    if (source?.engine !== undefined) return source.seed
  }
  return undefined
}

/**
 * Whether every run of the plan draws from its seed into the log: a daily uptime with a spread, or everyone else's
 * hashrate as a GBM with volatility over two days or more (both printed unrounded in MarketStepped).
 */
const drawsIntoTheLog = (plan: ScenarioPlan): boolean =>
  plan.market.uptime.sdFraction > 0 ||
  (plan.calendar.dayCount >= 2 && plan.market.otherHashrate.model === "gbm" && plan.market.otherHashrate.volatilityPerYear > 0)

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

  it("a different seed: a log that records it, and different events whenever the seed is drawn into the log", () => {
    let lucky = 0
    fc.assert(
      fc.property(scenarioArbitrary(), seedArbitrary, seedArbitrary, engineArbitrary, (s, seed, other, engine) => {
        fc.pre(seed !== other)
        const plan = scenarioOfText(s.text)
        const a = simulateLog(plan, seed, engine, { version: "test" }).text
        const b = simulateLog(plan, other, engine, { version: "test" }).text
        expect([recordedSeed(a), recordedSeed(b)]).toEqual([String(seed), String(other)])
        // What happened, not who wrote it: the events must differ wherever the seed is drawn into the log.
        if (drawsIntoTheLog(plan)) {
          lucky++
          expect(eventsOf(b)).not.toEqual(eventsOf(a))
        }
      }),
      { numRuns: propertyRuns(60) }
    )
    expect(lucky).toBeGreaterThan(0)
  }, propertyTimeoutMs())
})
