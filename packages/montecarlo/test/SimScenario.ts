// A small scenario for tests that need the real simulator (until scenarios/cango-2024.jsonl is used instead):
// the Cango-like start, one 32 EH/s lot hosted at $75/MWh, FPPS, over `months` months from 2024-11-07.
import { chainedLines, event, type PlannedEntry } from "@hashsim/ledger"

export const smallScenarioText = (until = "2025-03-01T00:00:00Z"): string => {
  const t0 = "2024-11-07T00:00:00Z"
  const entries: Array<PlannedEntry> = [
    {
      at: t0,
      ...event("ScenarioStarted", {
        name: "test",
        network: { height: 870_000, bits: "17030ecd", epochFirstBlockTimeS: 1_730_000_000, hashrateThs: 753_110_000 },
        priceUsdCents: 7_500_000,
        until,
        discountRatePerYear: 0.1,
        market: {
          otherHashrate: { model: "gbm", driftPerYear: 0.3, volatilityPerYear: 0.2 },
          price: { model: "gbm", driftPerYear: 0, volatilityPerYear: 0.5 },
          feePerBlock: { meanSats: 10_000_000, shape: 2 },
          uptime: { meanFraction: 0.95, sdFraction: 0.02 }
        }
      })
    } as PlannedEntry,
    { at: t0, ...event("HashratePurchased", { lotId: "a", vendor: "Bitmain", hashrateThs: 32_000_000, machineModel: "S21", efficiencyJth: 17.5, priceUsdCents: 25_600_000_000, lifeYears: 4, payment: { kind: "cash" } }) } as PlannedEntry,
    { at: t0, ...event("HostingContractSigned", { contractId: "c1", host: "Bitmain", siteId: "tx1", ratePerMwhUsdCents: 7_500, endsAt: "2028-11-07T00:00:00Z", uptimeSlaFraction: 0.95, slaCreditPerMwhUsdCents: 7_500, curtailmentCreditPerMwhUsdCents: 5_000 }) } as PlannedEntry,
    { at: t0, ...event("MachinesDeployed", { lotId: "a", siteId: "tx1", hashrateThs: 32_000_000 }) } as PlannedEntry,
    { at: t0, ...event("PoolConfigured", { mode: "fpps", feeFraction: 0.02 }) } as PlannedEntry
  ]
  return `${chainedLines(entries).join("\n")}\n`
}
