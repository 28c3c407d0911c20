// The units module: quantities as people write them, exact to the cent and the satoshi; format then parse gives
// back the value.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  formatEfficiencyJth, formatFraction, formatHashrateThs, formatRatePerMwhUsdCents, formatSats, formatUsdCents,
  formatUsdCentsShort, parseDateS, parseEfficiencyJth, parseFraction, parseHashrateThs, parseRatePerMwhUsdCents, parseSats,
  parseUsdCents, UnitInvalidError
} from "../src/Units.ts"

const messageOf = (f: () => unknown): string => {
  try {
    f()
  } catch (error) {
    expect(error).toBeInstanceOf(UnitInvalidError)
    return (error as Error).message
  }
  throw new Error("expected a UnitInvalidError")
}

describe("parsing as people write", () => {
  it("reads hashrates in TH/s, PH/s, EH/s", () => {
    expect(parseHashrateThs("50 EH/s")).toBe(50_000_000)
    expect(parseHashrateThs("753.11 EH/s")).toBe(753_110_000)
    expect(parseHashrateThs("200 PH/s")).toBe(200_000)
    expect(parseHashrateThs("47 TH/s")).toBe(47)
  })
  it("reads money exactly to the cent, with suffixes and separators", () => {
    expect(parseUsdCents("$400M")).toBe(40_000_000_000)
    expect(parseUsdCents("$75,600")).toBe(7_560_000)
    expect(parseUsdCents("$4.56")).toBe(456)
    expect(parseUsdCents("$1.2B")).toBe(120_000_000_000)
    // 0.29 x 100 is 28.999999999999996 in doubles; the decimal parser is exact.
    expect(parseUsdCents("$0.29")).toBe(29)
    expect(parseUsdCents("$98k")).toBe(9_800_000)
  })
  it("reads power rates per kWh or MWh as integer cents per MWh", () => {
    expect(parseRatePerMwhUsdCents("$0.075/kWh")).toBe(7500)
    expect(parseRatePerMwhUsdCents("$0.0758/kWh")).toBe(7580)
    expect(parseRatePerMwhUsdCents("$0.07/kWh")).toBe(7000)
    expect(parseRatePerMwhUsdCents("$75/MWh")).toBe(7500)
  })
  it("reads efficiency, percentages and bitcoin", () => {
    expect(parseEfficiencyJth("17.5 J/TH")).toBe(17.5)
    expect(parseFraction("93%")).toBe(0.93)
    expect(parseFraction("2.5%")).toBe(0.025)
    expect(parseFraction("0.93")).toBe(0.93)
    expect(parseFraction("-10%/year", { signed: true, perYear: true })).toBe(-0.1)
    expect(parseSats("0.07 BTC")).toBe(7_000_000)
    expect(parseSats("7,000,000 sats")).toBe(7_000_000)
  })
  it("reads dates as 00:00 UTC and times as given", () => {
    expect(parseDateS("2025-03-01")).toBe(Date.UTC(2025, 2, 1) / 1000)
    expect(parseDateS("2024-11-05T02:00:00Z")).toBe(1_730_772_000)
  })
})

describe("refusals that name the fix", () => {
  it("a bare number where a unit is needed", () => {
    expect(messageOf(() => parseHashrateThs("47"))).toContain(`write "47 EH/s"`)
    expect(messageOf(() => parseUsdCents("7560000"))).toContain(`write "$7560000"`)
    expect(messageOf(() => parseRatePerMwhUsdCents("0.045"))).toContain(`"$0.045/kWh"`)
    expect(messageOf(() => parseEfficiencyJth("17.5"))).toContain(`"17.5 J/TH"`)
    expect(messageOf(() => parseFraction("93"))).toContain(`"93%"`)
  })
  it("a fraction of a cent or a satoshi", () => {
    expect(messageOf(() => parseUsdCents("$4.567"))).toContain("not a whole number of cents")
    expect(messageOf(() => parseRatePerMwhUsdCents("$0.075001/kWh"))).toContain("not a whole number of cents per MWh")
    expect(messageOf(() => parseSats("0.000000001 BTC"))).toContain("not a whole number of satoshis")
  })
  it("dates that do not exist say why", () => {
    expect(messageOf(() => parseDateS("2025-06-31"))).toBe("2025-06-31 does not exist: June 2025 has 30 days")
    expect(messageOf(() => parseDateS("2025-02-29"))).toBe("2025-02-29 does not exist: February 2025 has 28 days")
    expect(parseDateS("2024-02-29")).toBe(Date.UTC(2024, 1, 29) / 1000)
    expect(messageOf(() => parseDateS("2025-13-01"))).toContain("there is no month 13")
  })
})

describe("format then parse gives back the value", () => {
  it("hashrate (TH/s doubles)", () => {
    fc.assert(fc.property(fc.double({ min: 1e-3, max: 1e12, noNaN: true }), (ths) => parseHashrateThs(formatHashrateThs(ths)) === ths))
  })
  it("money (integer cents), both spellings", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (cents) =>
      parseUsdCents(formatUsdCents(cents)) === cents && parseUsdCents(formatUsdCentsShort(cents)) === cents))
  })
  it("power rates (integer cents per MWh)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), (c) => parseRatePerMwhUsdCents(formatRatePerMwhUsdCents(c)) === c))
  })
  it("efficiency, fractions and bitcoin", () => {
    fc.assert(fc.property(fc.double({ min: 0.001, max: 1000, noNaN: true }), (j) => parseEfficiencyJth(formatEfficiencyJth(j)) === j))
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (x) => parseFraction(formatFraction(x)) === x))
    fc.assert(fc.property(fc.integer({ min: 0, max: 21e14 }), (sats) => parseSats(formatSats(sats)) === sats))
  })
})
