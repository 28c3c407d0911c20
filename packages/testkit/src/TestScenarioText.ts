// Small scenarios built in code for the engine tests: one site, one or two lots, a constant or GBM market, as the
// JSONL text a user would write (the simulator's tests compile it; the cross-package engine tests run it).
import { workForBits } from "@hashsim/chain"

export interface TestScenarioOptions {
  readonly start?: string
  readonly until: string
  /** Tip height; the default 2016k makes the tip an epoch's first block, so 2015 blocks remain to the retarget. */
  readonly height?: number
  readonly bits?: string
  /** Fleet share of the network hashrate. */
  readonly fleetShare?: number
  /** Mean block interval at the starting bits (s); default the equilibrium 600 x 2016 / 2015. */
  readonly meanIntervalS?: number
  readonly otherHashrate?: "constant" | { readonly driftPerYear: number; readonly volatilityPerYear: number }
  readonly uptime?: { readonly meanFraction: number; readonly sdFraction: number }
  readonly pool?: { readonly mode: "solo" | "fpps"; readonly feeFraction: number }
  readonly feePerBlock?: { readonly meanSats: number; readonly shape: number }
  readonly lotPriceUsdCents?: number
  readonly ratePerMwhUsdCents?: number
  readonly extraLines?: ReadonlyArray<string>
}

export const EQUILIBRIUM_INTERVAL_S = (600 * 2016) / 2015

const line = (at: string, type: string, data: unknown): string => JSON.stringify({ at, type, v: 1, data })

/** The JSONL text of a test scenario and the hashrates it implies. */
export const testScenarioText = (o: TestScenarioOptions): { text: string; totalThs: number; fleetThs: number } => {
  const start = o.start ?? "2024-01-01T00:00:00Z"
  const bits = o.bits ?? "1702c4de"
  const interval = o.meanIntervalS ?? EQUILIBRIUM_INTERVAL_S
  // chain's exact work per block (the engine's double workOfBits equals it for the bits the tests use)
  const totalThs = Number(workForBits(parseInt(bits, 16))) / interval / 1e12
  const share = o.fleetShare ?? 0.1
  const uptime = o.uptime ?? { meanFraction: 1, sdFraction: 0 }
  const fleetThs = (totalThs * share) / uptime.meanFraction
  const otherThs = totalThs * (1 - share)
  const other = o.otherHashrate === undefined || o.otherHashrate === "constant"
    ? { model: "table", points: [{ at: start, hashrateThs: otherThs }] }
    : { model: "gbm", ...o.otherHashrate }
  const lines = [
    line(start, "ScenarioStarted", {
      name: "test",
      network: { height: o.height ?? 2016 * 430, bits, epochFirstBlockTimeS: Date.parse(start) / 1000 - 600, hashrateThs: totalThs },
      priceUsdCents: 5_000_000,
      until: o.until,
      discountRatePerYear: 0.1,
      market: {
        otherHashrate: other,
        price: { model: "table", points: [{ at: start, priceUsdCents: 5_000_000 }] },
        feePerBlock: o.feePerBlock ?? { meanSats: 10_000_000, shape: 2 },
        uptime
      }
    }),
    line(start, "HashratePurchased", {
      lotId: "lot", vendor: "v", hashrateThs: fleetThs, machineModel: "m", efficiencyJth: 17.5,
      priceUsdCents: o.lotPriceUsdCents ?? 100_000_000, lifeYears: 4, payment: { kind: "cash" }
    }),
    line(start, "HostingContractSigned", {
      contractId: "c", host: "h", siteId: "s", ratePerMwhUsdCents: o.ratePerMwhUsdCents ?? 7000, endsAt: o.until,
      uptimeSlaFraction: 0.95, slaCreditPerMwhUsdCents: 7000, curtailmentCreditPerMwhUsdCents: 5000
    }),
    line(start, "PoolConfigured", o.pool ?? { mode: "solo", feeFraction: 0 }),
    line(start, "MachinesDeployed", { lotId: "lot", siteId: "s", hashrateThs: fleetThs }),
    ...(o.extraLines ?? [])
  ]
  return { text: lines.join("\n") + "\n", totalThs, fleetThs }
}

