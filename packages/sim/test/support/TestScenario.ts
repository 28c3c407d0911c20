// Small scenarios built in code for the engine tests: one site, one or two lots, a constant or GBM market.
import { workOfBits } from "../../src/NumberRetarget.ts"
import { scenarioOfText } from "../../src/scenario/Scenario.ts"
import type { ScenarioPlan } from "../../src/scenario/ScenarioPlan.ts"
import type { RewardBasisCode, SimSink } from "../../src/sinks/SimSink.ts"

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
  const totalThs = workOfBits(parseInt(bits, 16)) / interval / 1e12
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

export const testScenario = (o: TestScenarioOptions): ScenarioPlan => scenarioOfText(testScenarioText(o).text)

/** A sink that ignores everything; tests extend it to record what they check. */
export class NullSink implements SimSink {
  planEvent(_eventIndex: number): void {}
  marketStepped(_tS: number, _priceUsdCents: number, _otherHashrateThs: number, _uptimeFraction: number): void {}
  blockFound(_tS: number, _height: number, _fleet: boolean, _subsidySats: number, _feesSats: number): void {}
  blocksMined(_tS: number, _firstHeight: number, _lastHeight: number, _fleetBlocks: number, _subsidySats: number, _feesSats: number): void {}
  difficultyAdjusted(_tS: number, _height: number, _oldBits: number, _newBits: number, _firstBlockTimeS: number, _lastBlockTimeS: number): void {}
  halvingReached(_tS: number, _height: number, _subsidySats: number): void {}
  rewardCredited(_tS: number, _amountSats: number, _poolFeeSats: number, _basis: RewardBasisCode, _height: number): void {}
  hostingFeeCharged(_tS: number, _contractIndex: number, _dayIndex: number, _energyKwh: number, _amountUsdCents: number): void {}
  curtailmentCredited(_tS: number, _contractIndex: number, _dayIndex: number, _curtailedKwh: number, _amountUsdCents: number): void {}
  slaCredited(_tS: number, _contractIndex: number, _dayIndex: number, _shortfallKwh: number, _amountUsdCents: number): void {}
  btcSold(_tS: number, _amountSats: number, _priceUsdCents: number, _proceedsUsdCents: number): void {}
  curtailmentStarted(_tS: number, _siteIndex: number, _fraction: number): void {}
  curtailmentEnded(_tS: number, _siteIndex: number): void {}
  capexSpent(_tS: number, _lotIndex: number, _priceUsdCents: number): void {}
  dayClosed(_tS: number, _dayIndex: number): void {}
  pathEnded(_tS: number, _fleetShare: number, _heldSats: number): void {}
}
