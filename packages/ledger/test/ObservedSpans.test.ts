// Observed stretches in the ledger (issue 12): FeesObserved and FleetOperationObserved, decided (spans ordered,
// non-overlapping, inside the horizon, values in range), evolved into the state, and read by the monthly report.
import { describe, expect, it } from "vitest"
import { type EventData, onlinePowerKw, onlineThs, onlineThsAt, reportOfEvents, type TimedEvent } from "../src/index.ts"
import { given } from "./givenWhenThen.ts"
import { at, bought, deployed, signed, started, T0 } from "./fixtures.ts"

const fees = (fromAt: string, untilAt: string, meanFeePerBlockSats = 9_998_569.3, atIso = fromAt): TimedEvent =>
  at(atIso)("FeesObserved", { fromAt, untilAt, meanFeePerBlockSats, reference: "fees.csv:2" })
const operation = (fromAt: string, untilAt: string, operatingHashrateThs: number, atIso = fromAt): TimedEvent =>
  at(atIso)("FleetOperationObserved", { fromAt, untilAt, operatingHashrateThs, reference: "operator report" } satisfies EventData<"FleetOperationObserved">)

const NOV8 = "2024-11-08T00:00:00Z"
const DEC1 = "2024-12-01T00:00:00Z"
const DEC31 = "2024-12-31T00:00:00Z"
const fleet = [started(), bought("a", 32_000_000), signed(), deployed(32_000_000, "a")]

describe("decider: FeesObserved", () => {
  it("accepts a span from its at to a later time inside the horizon, and holds the level over it", () => {
    given(started()).when(fees(T0, DEC1)).thenAccepted((s) => {
      expect(s.observed.fees).toEqual({ fromS: 1_730_937_600, untilS: 1_733_011_200, value: 9_998_569.3 })
    })
  })
  it("accepts back-to-back spans (the next starts where the last ends)", () => {
    given(started(), fees(T0, DEC1)).when(fees(DEC1, DEC31)).thenAccepted()
  })
  it("rejects a span that does not begin at its at", () => {
    given(started()).when(fees(NOV8, DEC1, 1, T0)).thenRejected("ObservedSpanInvalidError", "data.fromAt", /must equal at/)
  })
  it("rejects an empty or reversed span", () => {
    given(started()).when(fees(T0, T0)).thenRejected("ObservedSpanInvalidError", "data.untilAt", /empty or reversed/)
  })
  it("rejects a span that ends after the horizon", () => {
    given(started()).when(fees(T0, "2025-01-01T00:00:01Z")).thenRejected("ObservedSpanInvalidError", "data.untilAt", /after the horizon/)
  })
  it("accepts a span that ends exactly at the horizon (until is exclusive)", () => {
    given(started()).when(fees(T0, "2025-01-01T00:00:00Z")).thenAccepted()
  })
  it("rejects a span that overlaps the previous one", () => {
    given(started(), fees(T0, DEC1)).when(fees("2024-11-30T23:59:59Z", DEC31))
      .thenRejected("ObservedSpanInvalidError", "data.fromAt", /overlaps the previous FeesObserved, which holds until 2024-12-01T00:00:00Z/)
  })
  it("rejects a fee level above MAX_MONEY", () => {
    given(started()).when(fees(T0, DEC1, 2_100_000_000_000_001)).thenRejected("ObservedValueRangeError", "data.meanFeePerBlockSats")
  })
  it("does not restrict the other kind: fees and fleet operation spans may overlap each other", () => {
    given(...fleet, fees(T0, DEC1)).when(operation(T0, DEC1, 30_000_000)).thenAccepted()
  })
})

describe("decider: FleetOperationObserved", () => {
  it("sets the fleet's online hashrate over its span, and not after it", () => {
    given(...fleet).when(operation(T0, DEC1, 30_400_000)).thenAccepted((s) => {
      expect(onlineThs(s)).toBe(30_400_000)
      expect(onlineThsAt(s, 1_733_011_199)).toBe(30_400_000)
      // After the span the plan's deployment x uptime (1 before any market step) applies again.
      expect(onlineThsAt(s, 1_733_011_200)).toBe(32_000_000)
      // Power: the operating TH/s at the fleet's 17.5 J/TH.
      expect(onlinePowerKw(s)).toBeCloseTo((30_400_000 * 17.5) / 1000, 6)
    })
  })
  it("accepts an operating hashrate equal to what is deployed, and zero", () => {
    given(...fleet).when(operation(T0, DEC1, 32_000_000)).thenAccepted()
    given(...fleet).when(operation(T0, DEC1, 0)).thenAccepted((s) => expect(onlinePowerKw(s)).toBe(0))
  })
  it("rejects an operating hashrate above the fleet deployed", () => {
    given(...fleet).when(operation(T0, DEC1, 32_000_001)).thenRejected("ObservedValueRangeError", "data.operatingHashrateThs", /32000001 TH\/s operating with 32000000 TH\/s deployed/)
  })
  it("rejects an operating hashrate when nothing is deployed", () => {
    given(started()).when(operation(T0, DEC1, 1)).thenRejected("ObservedValueRangeError", "data.operatingHashrateThs")
  })
  it("rejects overlapping periods and periods past the horizon", () => {
    given(...fleet, operation(T0, DEC1, 1)).when(operation("2024-11-30T00:00:00Z", DEC31, 1))
      .thenRejected("ObservedSpanInvalidError", "data.fromAt", /overlaps/)
    given(...fleet).when(operation(T0, "2025-02-01T00:00:00Z", 1)).thenRejected("ObservedSpanInvalidError", "data.untilAt", /after the horizon/)
  })
})

describe("monthly report: observed stretches", () => {
  it("averages online TH/s with the observed operating hashrate over its span, split where the span ends", () => {
    // 2024-11-07..2024-11-17 operated at 16 EH/s (10 days), then the plan's 32 EH/s to 2024-12-01 (14 days).
    const report = reportOfEvents([...fleet, operation(T0, "2024-11-17T00:00:00Z", 16_000_000)])
    const nov = report.months[0]!
    expect(nov.month).toBe("2024-11")
    expect(nov.days).toBe(24)
    expect(nov.avgOnlineThs).toBeCloseTo((16_000_000 * 10 + 32_000_000 * 14) / 24, 6)
  })
  it("reports the observed fee level, time-weighted over the seconds it covers, null where none does", () => {
    const report = reportOfEvents([
      started(),
      fees(T0, "2024-11-17T00:00:00Z", 10_000_000),
      fees("2024-11-27T00:00:00Z", "2024-12-01T00:00:00Z", 20_000_000)
    ])
    const [nov, dec] = report.months
    // 10 days at 0.1 BTC, 4 days at 0.2 BTC (the 10 days between are not observed).
    expect(nov?.observedFeePerBlockSats).toBeCloseTo((10_000_000 * 10 + 20_000_000 * 4) / 14, 6)
    expect(dec?.month).toBe("2024-12")
    expect(dec?.observedFeePerBlockSats).toBeNull()
  })
})
