import { Arbitrary, Effect, type Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  currentSchemas, currentVersion, decodeEntry, encodeEntry, type EventType, eventTypes, Source, type UpcasterTable

} from "../src/index.ts"
import { bought, deployed, signed, started } from "./fixtures.ts"
import { given } from "./givenWhenThen.ts"

/**
 * A fast-check arbitrary of a schema's values, derived by Effect Schema's own Arbitrary: fast-check draws the seed
 * (so the run's global seed governs it) and Effect samples one value from it.
 */
const fromSchema = <A>(schema: Schema.Codec<A, unknown>): fc.Arbitrary<A> =>
  fc.integer().map((seed) => Effect.runSync(Arbitrary.sampleEffect(Arbitrary.schema(schema as never), { count: 1, seed }))[0] as A)

const normalise = (u: unknown): unknown => JSON.parse(JSON.stringify(u))

describe("catalogue: round trips derived from the schemas", () => {
  for (const type of eventTypes) {
    it(`always: ${type} encodes to a line that decodes to the same event and re-encodes to the same bytes`, () => {
      const schema = currentSchemas[type] as unknown as Schema.Codec<unknown, unknown>
      fc.assert(fc.property(fromSchema(schema), fc.option(fromSchema(Source as unknown as Schema.Codec<Source, unknown>), { nil: undefined }), fc.nat(1000), (data, source, seq) => {
        const entry = { seq: seq + 1, at: "2024-11-07T00:00:00Z", type: type as EventType, v: currentVersion[type], data, ...(source === undefined ? {} : { source }), prev: "0".repeat(64) }
        const line = encodeEntry(entry)
        const decoded = decodeEntry(JSON.parse(line), seq + 1)
        if (!("entry" in decoded)) throw new Error(JSON.stringify(decoded.problems))
        expect(decoded.entry.data).toEqual(normalise(data))
        expect(encodeEntry(decoded.entry)).toBe(line)
      }))
    })
  }
})

describe("catalogue: upcasting older versions on read", () => {
  // A made-up v2 of PriceObserved whose v1 carried whole dollars: the hook turns v1 data into v2 before decoding.
  const versions = { ...currentVersion, PriceObserved: 2 }
  const table: UpcasterTable = {
    PriceObserved: { 1: { to: 2, upcast: (d) => ({ priceUsdCents: (d as { priceUsd: number }).priceUsd * 100 }) } }
  }
  it("upcasts v1 to the current v2", () => {
    const r = decodeEntry({ at: "2024-11-07T00:00:00Z", type: "PriceObserved", v: 1, data: { priceUsd: 75_000 } }, 1, table, versions)
    expect(r).toMatchObject({ entry: { type: "PriceObserved", v: 2, data: { priceUsdCents: 7_500_000 } } })
  })
  it("rejects a version without an upcaster, and one from the future, naming v", () => {
    for (const v of [3, 7]) {
      const r = decodeEntry({ at: "2024-11-07T00:00:00Z", type: "PriceObserved", v, data: { priceUsdCents: 1 } }, 1, table, versions)
      expect(r).toEqual({ problems: [{ field: "v", message: `no version ${v} of PriceObserved (current is 2)` }] })
    }
  })
})

describe("catalogue: ids are data", () => {
  it("ids named like Object.prototype members work like any other", () => {
    for (const id of ["toString", "__proto__", "constructor", "hasOwnProperty"]) {
      given(started(), bought(id, 10), signed(id, id)).when(deployed(10, id, id)).thenAccepted((s) => {
        expect(Object.keys(s.lots)).toEqual([id])
        expect(s.lots[id]?.deployedThs).toBe(10)
      })
      given(started()).when(deployed(1, id, id)).thenRejected("LotUnknownError", "data.lotId")
    }
  })
})
