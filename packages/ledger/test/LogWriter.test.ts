import { describe, expect, it } from "vitest"
import fc from "fast-check"
import {
  completeLogText, decodeEntry, encodeEntry, event, formatAtS, GENESIS_PREV, hashLine, LogWriter, parseAtS
} from "../src/index.ts"

describe("time helpers", () => {
  it("parses and formats UTC seconds exactly", () => {
    expect(parseAtS("1970-01-01T00:00:00Z")).toBe(0)
    expect(parseAtS("2024-11-07T00:00:00Z")).toBe(1_730_937_600)
    expect(formatAtS(1_730_937_600)).toBe("2024-11-07T00:00:00Z")
    expect(parseAtS("2024-02-29T12:00:00Z")).toBe(1_709_208_000)
  })
  it("rejects what is not exactly YYYY-MM-DDTHH:MM:SSZ with a real date", () => {
    for (const bad of ["2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:00:00.000Z",
      "2024-01-01T00:00:00+00:00", "2024-01-01 00:00:00Z", " 2024-01-01T00:00:00Z"]) {
      expect(parseAtS(bad)).toBeUndefined()
    }
  })
  it("always: formatAtS then parseAtS is the identity on seconds (years 1970-9999)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 253_402_300_799 }), (s) => parseAtS(formatAtS(s)) === s))
  })
  it("agrees with Date on the ISO form (Date used only here, in a test)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 253_402_300_799 }), (s) =>
      formatAtS(s) === new Date(s * 1000).toISOString().replace(".000Z", "Z")))
  })
})

describe("encodeEntry", () => {
  it("writes envelope keys in the documented order and data keys in schema order", () => {
    const line = encodeEntry({
      seq: 3, at: "2024-11-07T00:00:00Z", ...event("BtcSold", { proceedsUsdCents: 9_800_000, priceUsdCents: 9_800_000, amountSats: 100_000_000 }),
      source: { seed: "7", by: "hashsim" }, prev: GENESIS_PREV
    })
    expect(line).toBe(
      `{"seq":3,"at":"2024-11-07T00:00:00Z","type":"BtcSold","v":1,"source":{"by":"hashsim","seed":"7"},` +
        `"data":{"amountSats":100000000,"priceUsdCents":9800000,"proceedsUsdCents":9800000},"prev":"${GENESIS_PREV}"}`
    )
  })
  it("refuses data that does not fit the schema", () => {
    expect(() => encodeEntry({ at: "2024-11-07T00:00:00Z", type: "PriceObserved", v: 1, data: { priceUsdCents: 1.5 } })).toThrow()
  })
})

describe("LogWriter", () => {
  it("numbers from 1, chains prev and seals with the count and the last hash", () => {
    const text = completeLogText([
      { at: "2024-11-07T00:00:00Z", ...event("PriceObserved", { priceUsdCents: 7_500_000 }) },
      { at: "2024-11-08T00:00:00Z", ...event("PriceObserved", { priceUsdCents: 7_600_000 }) }
    ])
    expect(text.endsWith("\n")).toBe(true)
    const lines = text.slice(0, -1).split("\n")
    expect(lines).toHaveLength(3)
    const parsed = lines.map((l) => JSON.parse(l) as { seq: number; prev: string; at: string; data: { eventCount: number; lastHash: string } })
    expect(parsed.map((p) => p.seq)).toEqual([1, 2, 3])
    expect(parsed[0]!.prev).toBe(GENESIS_PREV)
    expect(parsed[1]!.prev).toBe(hashLine(lines[0]!))
    expect(parsed[2]!.prev).toBe(hashLine(lines[1]!))
    expect(parsed[2]!.data).toEqual({ eventCount: 2, lastHash: hashLine(lines[1]!) })
    expect(parsed[2]!.at).toBe("2024-11-08T00:00:00Z")
  })
  it("refuses time going backwards and appends after the seal", () => {
    const w = new LogWriter()
    w.append({ at: "2024-11-08T00:00:00Z", ...event("PriceObserved", { priceUsdCents: 1 }) })
    expect(() => w.append({ at: "2024-11-07T00:00:00Z", ...event("PriceObserved", { priceUsdCents: 1 }) })).toThrow(/before/)
    w.seal()
    expect(() => w.append({ at: "2024-11-09T00:00:00Z", ...event("PriceObserved", { priceUsdCents: 1 }) })).toThrow(/sealed/)
  })
  it("continuing a log from its line count and last hash writes the same bytes as writing it at once", () => {
    const events = [1, 2, 3, 4].map((i) => ({ at: `2024-11-0${i}T00:00:00Z`, ...event("PriceObserved", { priceUsdCents: i }) }))
    const first = new LogWriter()
    for (const e of events.slice(0, 2)) first.append(e)
    const rest = new LogWriter({ lineCount: first.lineCount, lastHash: first.hashOfLastLine, lastAt: events[1]!.at })
    for (const e of events.slice(2)) rest.append(e)
    rest.seal()
    expect(first.text() + rest.text()).toBe(completeLogText(events))
  })
  it("decodes what it encodes", () => {
    const w = new LogWriter()
    const line = w.append({ at: "2024-11-07T00:00:00Z", ...event("RewardCredited", { amountSats: 5, poolFeeSats: 1, basis: "block", height: 870_000 }) })
    const decoded = decodeEntry(JSON.parse(line), 1)
    expect("entry" in decoded && encodeEntry(decoded.entry)).toBe(line)
  })
})
