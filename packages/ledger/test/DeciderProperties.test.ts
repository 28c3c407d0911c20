import { Arbitrary, Effect, Result, type Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  currentSchemas, decide, type EventType, eventTypes, evolve, formatAtS, initialState, satsToUsdCents, type TimedEvent
} from "../src/index.ts"
import { bought, signed, started } from "./fixtures.ts"

/** Lots a and b bought, sites a and b under contract; "toString" stays unknown. */
const opening = (): ReturnType<typeof initialState> =>
  [started(), bought("a", 20), bought("b", 2e6), signed("a", "a"), signed("b", "b")].reduce(evolve, initialState())

// Events with data derived from the schemas, ids drawn from a tiny alphabet so that rules meet each other
// (known and unknown lots, sites and contracts), times never decreasing.
const dataOf = (type: EventType): fc.Arbitrary<Record<string, unknown>> =>
  fc.integer().map((seed) =>
    Effect.runSync(Arbitrary.sampleEffect(Arbitrary.schema(currentSchemas[type] as unknown as Schema.Codec<unknown, unknown>), { count: 1, seed }))[0] as Record<string, unknown>)

const ids = ["a", "b", "toString"] as const
const planTypes = eventTypes.filter((t) => t !== "ScenarioStarted" && t !== "LogSealed")
export const eventArb: fc.Arbitrary<{ type: EventType; data: Record<string, unknown>; dtS: number }> = fc
  .constantFrom(...planTypes)
  .chain((type) => fc.record({
    type: fc.constant(type),
    data: dataOf(type),
    lotId: fc.constantFrom(...ids),
    siteId: fc.constantFrom(...ids),
    contractId: fc.constantFrom(...ids),
    hashrateThs: fc.constantFrom(1, 2.5, 10, 0.1, 1e6),
    amountSats: fc.constantFrom(0, 1, 100_000_000, 1e12),
    dtS: fc.constantFrom(0, 1, 3600, 86_400)
  }))
  .map(({ type, data, lotId, siteId, contractId, hashrateThs, amountSats, dtS }) => {
    const d = { ...data }
    if ("lotId" in d) d.lotId = lotId
    if ("siteId" in d) d.siteId = siteId
    if ("contractId" in d) d.contractId = contractId
    if ("hashrateThs" in d && type !== "HashratePurchased") d.hashrateThs = hashrateThs
    if (type === "HashratePurchased") d.hashrateThs = hashrateThs * 2
    if ("amountSats" in d) d.amountSats = amountSats
    if (type === "HostingContractSigned") d.endsAt = "2030-01-01T00:00:00Z"
    if (type === "BtcSold") d.proceedsUsdCents = satsToUsdCents(amountSats, d.priceUsdCents as number)
    return { type, data: d, dtS }
  })

describe("decider: always / never", () => {
  it("never throws, never changes the state it decides on, and accepted events keep the books consistent", () => {
    fc.assert(fc.property(fc.array(eventArb, { minLength: 10, maxLength: 60 }), (raw) => {
      let state = opening()
      let t = 1_730_937_600
      for (const r of raw) {
        t += r.dtS
        const e = { at: formatAtS(t), type: r.type, v: 1, data: r.data } as unknown as TimedEvent
        const frozen = structuredClone(state)
        const decision = decide(state, e)
        expect(state).toEqual(frozen)
        if (Result.isFailure(decision)) continue
        state = evolve(state, e)
        for (const lot of Object.values(state.lots)) {
          expect(lot.deployedThs).toBeGreaterThanOrEqual(0)
          expect(lot.deployedThs).toBeLessThanOrEqual(lot.hashrateThs * (1 + 1e-9))
          const sum = Object.values(lot.deployedThsBySite).reduce((a, b) => a + b, 0)
          expect(sum).toBeCloseTo(lot.deployedThs, 6)
          for (const siteId of Object.keys(lot.deployedThsBySite)) expect(Object.hasOwn(state.sites, siteId)).toBe(true)
        }
        expect(state.treasury.btcHeldSats).toBeGreaterThanOrEqual(0)
        expect(state.treasury.btcHeldSats).toBe(state.treasury.minedSats - state.treasury.soldSats)
      }
    }))
  })
  it("evolve is total: any event in any state gives a state, even rejected ones", () => {
    fc.assert(fc.property(fc.array(eventArb, { maxLength: 40 }), (raw) => {
      let state = initialState()
      let t = 1_730_937_600
      for (const r of raw) {
        t += r.dtS
        state = evolve(state, { at: formatAtS(t), type: r.type, v: 1, data: r.data } as unknown as TimedEvent)
      }
      expect(state.eventCount).toBe(raw.length)
    }))
  })
})
