// Small hand-built events for tests: a scenario start, a lot, a contract, and helpers to time them.
import { formatBits, nextWorkRequired } from "@hashsim/chain"
import { event, type EventData, type EventType, generatedOnlyTypes, type PlannedEntry, type TimedEvent } from "../src/index.ts"

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

/**
 * A small complete scenario: one lot, one contract, FPPS-free solo mining, `days` days of market steps, block
 * periods, credits and daily hosting invoices, a sale on day 2. Starts at height 870,000 (the epoch began at
 * 868,896), so no retarget falls inside a week.
 */
export const sampleEntries = (days = 3): Array<PlannedEntry> => {
  const dayS = 86_400
  const t0 = 1_730_937_600 // 2024-11-07T00:00:00Z
  const iso = (s: number) => new Date(s * 1000).toISOString().replace(".000Z", "Z")
  const out: Array<TimedEvent> = [
    started({
      network: { height: 870_000, bits: "17030ecd", epochFirstBlockTimeS: 1_730_000_000, hashrateThs: 753_110_000 },
      until: iso(t0 + days * dayS)
    }),
    bought("a", 32_000_000, 25_600_000_000),
    signed("c1", "tx1"),
    deployed(32_000_000, "a", "tx1"),
    at(T0)("PoolConfigured", { mode: "solo", feeFraction: 0 }),
    at(T0)("MarketStepped", { priceUsdCents: 7_500_000, otherHashrateThs: 721_110_000, uptimeFraction: 0.95 })
  ]
  let tip = 870_000
  let bits = 0x17030ecd
  let epochEnd = 870_912
  let epochFirstS = 1_730_000_000
  for (let d = 1; d <= days; d++) {
    const a = at(iso(t0 + d * dayS))
    const fleet = 5 + (d % 3)
    if (tip + 144 >= epochEnd) {
      // End the period at the retarget boundary, retarget, then mine the rest of the day's blocks.
      const before = epochEnd - 1 - tip
      const fleetBefore = Math.min(fleet, before)
      out.push(a("BlocksMined", { firstHeight: tip + 1, lastHeight: epochEnd - 1, fleetBlocks: fleetBefore, subsidySats: fleetBefore * 312_500_000, feesSats: fleetBefore * 10_000_000 }))
      const lastS = t0 + d * dayS - 600
      const newBits = nextWorkRequired({ bits, firstBlockTime: epochFirstS, lastBlockTime: lastS })
      out.push(a("DifficultyAdjusted", { height: epochEnd, oldBits: formatBits(bits), newBits: formatBits(newBits), firstBlockTimeS: epochFirstS, lastBlockTimeS: lastS }))
      bits = newBits
      epochFirstS = lastS + 600
      out.push(a("BlocksMined", { firstHeight: epochEnd, lastHeight: tip + 144, fleetBlocks: fleet - fleetBefore, subsidySats: (fleet - fleetBefore) * 312_500_000, feesSats: (fleet - fleetBefore) * 10_000_000 }))
      epochEnd += 2016
    } else {
      out.push(a("BlocksMined", { firstHeight: tip + 1, lastHeight: tip + 144, fleetBlocks: fleet, subsidySats: fleet * 312_500_000, feesSats: fleet * 10_000_000 }))
    }
    tip += 144
    out.push(a("RewardCredited", { amountSats: fleet * 322_500_000, poolFeeSats: 0, basis: "blocks" }))
    out.push(a("HostingFeeCharged", { contractId: "c1", day: iso(t0 + (d - 1) * dayS).slice(0, 10), energyKwh: 12_768_000, amountUsdCents: 95_760_000 }))
    if (d === 2) {
      out.push(a("BtcSold", { amountSats: 100_000_000, priceUsdCents: 8_000_000, proceedsUsdCents: 8_000_000 }))
      out.push(a("CurtailmentStarted", { siteId: "tx1", fraction: 0.5 }))
    }
    if (d === 3) out.push(a("CurtailmentEnded", { siteId: "tx1" }))
    if (d < days) out.push(a("MarketStepped", { priceUsdCents: 7_500_000 + d * 100_000, otherHashrateThs: 721_110_000 + d * 1_000_000, uptimeFraction: 0.95 }))
  }
  // Plan events by a person, generated ones by the simulator, as a run writes them.
  return out.map((e): PlannedEntry =>
    generatedOnlyTypes.has(e.type)
      ? { ...e, source: { by: "hashsim", version: "0.1.0", modelVersion: 1, seed: "7", engine: "aggregate" } }
      : e.type === "ScenarioStarted" ? { ...e, source: { by: "strategist" } } : e)
}
