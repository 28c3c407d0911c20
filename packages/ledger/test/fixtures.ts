// Small hand-built events for tests: a scenario start, a lot, a contract, and helpers to time them.
import { event, type EventData, type EventType, type TimedEvent } from "../src/index.ts"

export const T0 = "2024-11-07T00:00:00Z"
export const at = (iso: string) => <T extends EventType>(type: T, data: EventData<T>): TimedEvent =>
  ({ at: iso, ...event(type, data) }) as TimedEvent

/** A start at height 870,911 (epoch 870,912 - 2016 = 868,896 started at 1,730,000,000). */
export const started = (over: Partial<EventData<"ScenarioStarted">> = {}): TimedEvent =>
  at(T0)("ScenarioStarted", {
    name: "test",
    network: { height: 870_911, bits: "17030ecd", epochFirstBlockTimeS: 1_730_000_000, hashrateThs: 753_110_000 },
    priceUsdCents: 7_500_000,
    until: "2025-01-01T00:00:00Z",
    discountRatePerYear: 0.1,
    market: {
      otherHashrate: { model: "gbm", driftPerYear: 0.3, volatilityPerYear: 0 },
      price: { model: "gbm", driftPerYear: 0, volatilityPerYear: 0.5 },
      feePerBlock: { meanSats: 10_000_000, shape: 2 },
      uptime: { meanFraction: 0.95, sdFraction: 0 }
    },
    ...over
  })

export const bought = (lotId = "bitmain", hashrateThs = 32_000_000, priceUsdCents = 25_600_000_000): TimedEvent =>
  at(T0)("HashratePurchased", {
    lotId, vendor: "Bitmain", hashrateThs, machineModel: "S21", efficiencyJth: 17.5, priceUsdCents, lifeYears: 4, payment: { kind: "cash" }
  })

export const signed = (contractId = "c1", siteId = "tx1", endsAt = "2026-11-07T00:00:00Z"): TimedEvent =>
  at(T0)("HostingContractSigned", {
    contractId, host: "Bitmain", siteId, ratePerMwhUsdCents: 7_500, endsAt, uptimeSlaFraction: 0.95,
    slaCreditPerMwhUsdCents: 7_500, curtailmentCreditPerMwhUsdCents: 5_000
  })

export const deployed = (hashrateThs: number, lotId = "bitmain", siteId = "tx1", iso = T0): TimedEvent =>
  at(iso)("MachinesDeployed", { lotId, siteId, hashrateThs })
