// Arbitrary but valid scenarios: a realistic network (mainnet-like bits, or powLimit with a tiny network), a market
// model, lots bought in cash or shares, hosting contracts, deployments and removals within what was bought,
// curtailments, pool and sales settings and price observations, over a short horizon (days to a few weeks) that
// starts near a retarget or a halving, so the chain's boundaries are exercised. Plus path seeds.
import fc from "fast-check"
import { hashrateForBits } from "@hashsim/chain"
import { MAX_FLEET_THS } from "@hashsim/ledger"
import { withObservations } from "./ObservedArbitrary.ts"

/** The engines a path runs on (the simulator's EngineKind; restated so the testkit stays below the simulator). */
export type EngineKind = "block" | "aggregate"

export interface PlanLine {
  readonly at: string
  readonly type: string
  readonly v: 1
  readonly data: Record<string, unknown>
}

export interface GeneratedScenario {
  readonly lines: ReadonlyArray<PlanLine>
  /** The scenario as a hand-written JSONL file (no seq, no prev). */
  readonly text: string
}

const DAY = 86_400
const isoOf = (s: number): string => new Date(s * 1000).toISOString().replace(".000Z", "Z")

/** Real mainnet bits of 2024-2025 (hashrate 600-800 EH/s) and powLimit's. */
const MAINNET_BITS = ["17030ecd", "1702c4de", "17027726"] as const
const POW_LIMIT_BITS = "1d00ffff"
const HALVING = 840_000
/**
 * No part of a lot below 1e-7 TH/s: the ledger drops a site's remainder under an absolute 1e-9 TH/s (its float
 * slack for lots under 1 TH/s), which only a powLimit-sized network ever comes near.
 */
const MIN_THS = 1e-7

export interface ScenarioConstraints {
  /** Start a few hundred blocks before this boundary, on a network fast enough to cross it within the horizon. */
  readonly near?: "halving" | "retarget"
  /** Start exactly at this tip (e.g. 839,999, the block before the 2024 halving). */
  readonly tipHeight?: number
  /** A network at powLimit's bits running slower than they imply, so a retarget wants an easier target than powLimit. */
  readonly slowAtPowLimit?: boolean
  /** Add observed history (ObservedArbitrary.ts): retargets at any pace, blocks, fee levels, fleet operation. */
  readonly observed?: boolean
}

const scenarioOf = (g: fc.GeneratorValue, c: ScenarioConstraints): GeneratorScenarioParts => {
  const startDay = g(fc.integer, { min: 19_723, max: 20_454 }) // 2024-01-01 .. 2025-12-31
  const startS = startDay * DAY + (g(fc.boolean) ? 0 : g(fc.integer, { min: 0, max: DAY - 1 }))
  const horizonS = c.near === undefined ? g(fc.integer, { min: 2 * DAY, max: 21 * DAY }) : g(fc.integer, { min: 5 * DAY, max: 14 * DAY })
  const untilS = startS + horizonS
  const powLimit = c.slowAtPowLimit === true || (c.near !== "halving" && g(fc.integer, { min: 0, max: 7 }) === 0)
  const bits = powLimit ? POW_LIMIT_BITS : g(fc.constantFrom, ...MAINNET_BITS)
  // Start a little before a halving or a retarget (or anywhere in an epoch); never at an epoch's last block,
  // whose successor would need the tip's header time.
  const where = c.near ?? g(fc.constantFrom, "halving", "retarget", "anywhere")
  let height =
    c.near !== undefined
      ? (where === "halving" ? HALVING : 2016 * g(fc.integer, { min: 420, max: 440 })) - g(fc.integer, { min: 2, max: c.slowAtPowLimit === true ? 100 : 300 })
      : where === "halving" ? HALVING - g(fc.integer, { min: 1, max: 2500 })
      : where === "retarget" ? 2016 * g(fc.integer, { min: 420, max: 440 }) - g(fc.integer, { min: 2, max: 400 })
        : g(fc.integer, { min: 800_000, max: 900_000 })
  if ((height + 1) % 2016 === 0) height -= 1
  if (c.tipHeight !== undefined) height = c.tipHeight
  // The network runs at a multiple of the hashrate its bits imply: far from 1, retargets come fast and clamp.
  const factor = c.slowAtPowLimit === true
    ? g(fc.constantFrom, 0.5, 0.9)
    : c.near === undefined ? g(fc.constantFrom, 0.2, 0.5, 0.9, 1, 1.1, 2, 5) : g(fc.constantFrom, 1, 2, 5)
  const impliedThs = hashrateForBits(Number.parseInt(bits, 16)) / 1e12
  const totalThs = impliedThs * factor
  const intoEpoch = height % 2016
  const epochFirstBlockTimeS = Math.max(0, startS - Math.round((intoEpoch * 600) / factor) - g(fc.integer, { min: 0, max: 600 }))

  const nLots = g(fc.integer, { min: 1, max: 3 })
  const lots = Array.from({ length: nLots }, (_, i) => {
    const share = g(fc.double, { min: 0.002, max: 0.3, noNaN: true })
    // At most a third of the fleet bound each (at most 3 lots): the catalogue bounds the lots bought together.
    const ths = Math.min(MAX_FLEET_THS / 3, Math.max(MIN_THS * 100, totalThs * share))
    const efficiencyJth = g(fc.integer, { min: 120, max: 350 }) / 10
    const priceUsdCents = Math.round(ths * g(fc.integer, { min: 300, max: 2500 }))
    const shares = g(fc.boolean)
    return {
      lotId: `lot-${i}`,
      hashrateThs: ths,
      data: {
        lotId: `lot-${i}`,
        vendor: g(fc.constantFrom, "Bitmain", "MicroBT", "Canaan"),
        hashrateThs: ths,
        machineModel: "S21-class",
        efficiencyJth,
        priceUsdCents,
        lifeYears: g(fc.integer, { min: 2, max: 6 }),
        payment: shares
          ? { kind: "shares", shares: g(fc.integer, { min: 0, max: 100_000_000 }), sharePriceUsdCents: g(fc.integer, { min: 1, max: 2_000 }) }
          : { kind: "cash" }
      }
    }
  })
  const nSites = g(fc.integer, { min: 1, max: 2 })
  const contracts = Array.from({ length: nSites }, (_, i) => {
    const endsEarly = g(fc.integer, { min: 0, max: 4 }) === 0
    const endsAtS = endsEarly ? startS + g(fc.integer, { min: DAY, max: horizonS }) : untilS + g(fc.integer, { min: 0, max: 400 }) * DAY
    return {
      siteId: `site-${i}`,
      data: {
        contractId: `contract-${i}`,
        host: g(fc.constantFrom, "Bitmain", "Texas host"),
        siteId: `site-${i}`,
        ratePerMwhUsdCents: g(fc.integer, { min: 2_000, max: 9_000 }),
        endsAt: isoOf(endsAtS),
        uptimeSlaFraction: g(fc.integer, { min: 80, max: 99 }) / 100,
        slaCreditPerMwhUsdCents: g(fc.integer, { min: 0, max: 9_000 }),
        curtailmentCreditPerMwhUsdCents: g(fc.integer, { min: 0, max: 8_000 })
      }
    }
  })

  const otherStart = Math.max(1, totalThs * (1 - lots.reduce((a, l) => a + l.hashrateThs, 0) / totalThs))
  const otherHashrate = g(fc.boolean)
    ? { model: "gbm", driftPerYear: g(fc.integer, { min: -50, max: 100 }) / 100, volatilityPerYear: g(fc.integer, { min: 0, max: 80 }) / 100 }
    : {
        model: "table",
        points: [
          { at: isoOf(startS), hashrateThs: otherStart },
          ...(g(fc.boolean) ? [{ at: isoOf(startS + Math.ceil(horizonS / 2)), hashrateThs: otherStart * g(fc.constantFrom, 0.5, 1.2, 3) }] : [])
        ]
      }
  const startPrice = g(fc.integer, { min: 2_000_000, max: 15_000_000 })
  const price = g(fc.boolean)
    ? { model: "gbm", driftPerYear: g(fc.integer, { min: -50, max: 50 }) / 100, volatilityPerYear: g(fc.integer, { min: 0, max: 90 }) / 100 }
    : { model: "table", points: [{ at: isoOf(startS), priceUsdCents: startPrice }] }
  const market: Record<string, unknown> = {
    otherHashrate,
    price,
    feePerBlock: { meanSats: g(fc.integer, { min: 0, max: 50_000_000 }), shape: g(fc.integer, { min: 1, max: 40 }) / 10 },
    uptime: { meanFraction: g(fc.integer, { min: 70, max: 100 }) / 100, sdFraction: g(fc.integer, { min: 0, max: 5 }) / 100 },
    ...(g(fc.boolean)
      ? {
          curtailment: {
            eventsPerYear: g(fc.integer, { min: 0, max: 200 }),
            meanDurationHours: g(fc.integer, { min: 1, max: 24 }),
            fraction: g(fc.integer, { min: 1, max: 100 }) / 100,
            siteIds: contracts.slice(0, g(fc.integer, { min: 0, max: contracts.length })).map((c) => c.siteId)
          }
        }
      : {}),
    ...(g(fc.boolean)
      ? { uncertainty: { otherHashrateDriftSd: g(fc.integer, { min: 0, max: 30 }) / 100, priceDriftSd: g(fc.integer, { min: 0, max: 50 }) / 100, feeLevelSigma: g(fc.integer, { min: 0, max: 80 }) / 100 } }
      : {})
  }

  const start = isoOf(startS)
  const lines: Array<PlanLine> = [
    {
      at: start,
      type: "ScenarioStarted",
      v: 1,
      data: {
        name: "generated",
        network: { height, bits, epochFirstBlockTimeS, hashrateThs: totalThs },
        priceUsdCents: startPrice,
        until: isoOf(untilS),
        discountRatePerYear: g(fc.integer, { min: 0, max: 30 }) / 100,
        market
      }
    },
    ...lots.map((l) => ({ at: start, type: "HashratePurchased", v: 1 as const, data: l.data })),
    ...contracts.map((c) => ({ at: start, type: "HostingContractSigned", v: 1 as const, data: c.data })),
    { at: start, type: "PoolConfigured", v: 1, data: { mode: g(fc.constantFrom, "solo", "fpps"), feeFraction: g(fc.integer, { min: 0, max: 40 }) / 1000 } }
  ]
  if (g(fc.boolean)) {
    lines.push({ at: start, type: "SalesPolicySet", v: 1, data: { policy: salesPolicy(g) } })
  }

  // A simple model of the fleet keeps every later plan event valid: deploy at most what is undeployed, remove
  // at most what a site holds, end only a curtailment in force.
  const deployed = lots.map(() => contracts.map(() => 0))
  const curtailed = contracts.map(() => false)
  const deploy = (at: string, li: number, si: number, part: number): void => {
    const lot = lots[li]!
    const undeployed = lot.hashrateThs - deployed[li]!.reduce((a, b) => a + b, 0)
    const ths = part >= 1 ? undeployed : undeployed * part
    if (!(ths >= MIN_THS)) return
    deployed[li]![si] = deployed[li]![si]! + ths
    lines.push({ at, type: "MachinesDeployed", v: 1, data: { lotId: lot.lotId, siteId: contracts[si]!.siteId, hashrateThs: ths } })
  }
  // Most runs start with part of the fleet online.
  if (g(fc.integer, { min: 0, max: 5 }) > 0) deploy(start, 0, 0, g(fc.constantFrom, 0.3, 1))

  const nChanges = g(fc.integer, { min: 0, max: 12 })
  const times = Array.from({ length: nChanges }, () => startS + g(fc.integer, { min: 0, max: horizonS - 1 })).sort((a, b) => a - b)
  for (const t of times) {
    const at = isoOf(t)
    const kind = g(fc.constantFrom, "deploy", "deploy", "remove", "curtail", "uncurtail", "pool", "sales", "price")
    const li = g(fc.integer, { min: 0, max: lots.length - 1 })
    const si = g(fc.integer, { min: 0, max: contracts.length - 1 })
    switch (kind) {
      case "deploy":
        deploy(at, li, si, g(fc.constantFrom, 0.25, 0.5, 1))
        break
      case "remove": {
        const here = deployed[li]![si]!
        if (here <= 0) break
        const ths = g(fc.boolean) || here / 2 < MIN_THS ? here : here / 2
        deployed[li]![si] = here - ths
        lines.push({ at, type: "MachinesRemoved", v: 1, data: { lotId: lots[li]!.lotId, siteId: contracts[si]!.siteId, hashrateThs: ths } })
        break
      }
      case "curtail":
        curtailed[si] = true
        lines.push({ at, type: "CurtailmentStarted", v: 1, data: { siteId: contracts[si]!.siteId, fraction: g(fc.integer, { min: 1, max: 100 }) / 100 } })
        break
      case "uncurtail":
        if (!curtailed[si]) break
        curtailed[si] = false
        lines.push({ at, type: "CurtailmentEnded", v: 1, data: { siteId: contracts[si]!.siteId } })
        break
      case "pool":
        lines.push({ at, type: "PoolConfigured", v: 1, data: { mode: g(fc.constantFrom, "solo", "fpps"), feeFraction: g(fc.integer, { min: 0, max: 40 }) / 1000 } })
        break
      case "sales":
        lines.push({ at, type: "SalesPolicySet", v: 1, data: { policy: salesPolicy(g) } })
        break
      case "price":
        lines.push({ at, type: "PriceObserved", v: 1, data: { priceUsdCents: g(fc.integer, { min: 1_000_000, max: 20_000_000 }) } })
        break
    }
  }
  return { lines: c.observed === true ? withObservations(g, { startS, untilS, height, bits, epochFirstBlockTimeS }, lines) : lines }
}

interface GeneratorScenarioParts {
  readonly lines: ReadonlyArray<PlanLine>
}

const salesPolicy = (g: fc.GeneratorValue): Record<string, unknown> => {
  const kind = g(fc.constantFrom, "hold", "sellShareMonthly", "sellToCoverHosting")
  return kind === "sellShareMonthly" ? { kind, fraction: g(fc.integer, { min: 0, max: 100 }) / 100 } : { kind }
}

export const textOfLines = (lines: ReadonlyArray<PlanLine>): string => lines.map((l) => JSON.stringify(l)).join("\n") + "\n"

/** An arbitrary valid scenario (its lines and its JSONL text). */
export const scenarioArbitrary = (constraints: ScenarioConstraints = {}): fc.Arbitrary<GeneratedScenario> =>
  fc.gen().map((g) => {
    const { lines } = scenarioOf(g, constraints)
    return { lines, text: textOfLines(lines) }
  })

/** Path seeds: decimal integers from 0 to 2^53-1 (DESIGN.md, Contracts). */
export const seedArbitrary: fc.Arbitrary<number> = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.maxSafeNat())

export const engineArbitrary: fc.Arbitrary<EngineKind> = fc.constantFrom("block", "aggregate")
