// Plausibility warnings: figures that are valid but almost surely a slip of units (TH/s for EH/s, dollars for
// cents, $/kWh for cents/MWh). Separate from errors: a scenario may mean them, so they warn, and `--strict`
// makes them fail. One rule, one entry in PLAUSIBILITY_RULES; each names the fix in its message.
import { blockSubsidy } from "@hashsim/chain"
import { formatEfficiencyJth, formatHashrateThs, formatRatePerMwhUsdCents, formatUsdCents } from "./Units.ts"

/** A plan event as the rules read it (a decoded scenario line or a compiled plan event). */
export interface EventView {
  readonly type: string
  readonly data: Readonly<Record<string, unknown>>
}

/** One warning, located by event index and data field (dotted, e.g. `hashrateThs`, `network.hashrateThs`). */
export interface Finding {
  readonly index: number
  readonly field: string
  readonly message: string
}

export interface PlausibilityWarning {
  readonly rule: string
  readonly line: number
  readonly key: string
  readonly message: string
}

export interface PlausibilityRule {
  readonly id: string
  readonly description: string
  readonly check: (events: ReadonlyArray<EventView>) => ReadonlyArray<Finding>
}

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined)
const obj = (v: unknown): Readonly<Record<string, unknown>> => (typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {})

/** 1 PH/s: below it a "fleet" or a network is a few machines, not a mining business. */
const MIN_HASHRATE_THS = 1_000
/** $1,000 and $10M per BTC, in cents: outside, a price is almost surely in the wrong unit. */
const MIN_PRICE_CENTS = 100_000
const MAX_PRICE_CENTS = 1_000_000_000
/** 5-150 J/TH spans every SHA-256 ASIC from the Antminer S9 (~98 J/TH) to 2025's best (~10 J/TH), with margin. */
const MIN_JTH = 5
const MAX_JTH = 150
/** $0.01-0.50 per kWh, in cents per MWh: industrial power and hosting rates lie well inside. */
const MIN_RATE = 1_000
const MAX_RATE = 50_000
/** The all-in cost per BTC at the start, over the BTC price, above which the plan mines at a 99% loss. */
const MAX_COST_RATIO = 100

/** Every hashrate in the plan events: purchases, deployments, the start network. */
const hashrates = (events: ReadonlyArray<EventView>): Array<{ index: number; field: string; ths: number }> => {
  const out: Array<{ index: number; field: string; ths: number }> = []
  events.forEach((e, index) => {
    if (e.type === "HashratePurchased" || e.type === "MachinesDeployed" || e.type === "MachinesRemoved") {
      const ths = num(e.data.hashrateThs)
      if (ths !== undefined) out.push({ index, field: "hashrateThs", ths })
    }
    if (e.type === "ScenarioStarted") {
      const ths = num(obj(e.data.network).hashrateThs)
      if (ths !== undefined) out.push({ index, field: "network.hashrateThs", ths })
    }
  })
  return out
}

/** Every BTC price in the plan events: the start, observed prices, sales, a price table's points. */
const prices = (events: ReadonlyArray<EventView>): Array<{ index: number; field: string; cents: number }> => {
  const out: Array<{ index: number; field: string; cents: number }> = []
  events.forEach((e, index) => {
    if (e.type === "ScenarioStarted" || e.type === "PriceObserved" || e.type === "BtcSold") {
      const cents = num(e.data.priceUsdCents)
      if (cents !== undefined) out.push({ index, field: "priceUsdCents", cents })
    }
    if (e.type === "ScenarioStarted") {
      const price = obj(obj(e.data.market).price)
      if (price.model === "table" && Array.isArray(price.points)) {
        for (const p of price.points) {
          const cents = num(obj(p).priceUsdCents)
          if (cents !== undefined) out.push({ index, field: "market.price", cents })
        }
      }
    }
  })
  return out
}

/**
 * Each lot's all-in cost per BTC at the start's network and subsidy: the power its deployed machines draw at
 * their sites' rates plus its price spread over its life, per BTC its deployed share of the network mines.
 * Per lot, so one mistyped lot is not hidden by a right one.
 */
export const lotCostsPerBtcUsdCents = (events: ReadonlyArray<EventView>): Array<{ readonly index: number; readonly costUsdCents: number }> => {
  const start = events.find((e) => e.type === "ScenarioStarted")
  if (start === undefined) return []
  const network = obj(start.data.network)
  const networkThs = num(network.hashrateThs)
  const height = num(network.height)
  const feeSats = num(obj(obj(start.data.market).feePerBlock).meanSats) ?? 0
  if (networkThs === undefined || height === undefined || networkThs <= 0) return []
  const satsPerThsDay = (144 * (Number(blockSubsidy(height + 1)) + feeSats)) / networkThs
  const lots = new Map<string, { index: number; jth: number; capexCentsPerDay: number; powerCentsPerDay: number; deployedThs: number }>()
  const rates = new Map<string, number>()
  events.forEach((e, index) => {
    if (e.type === "HashratePurchased") {
      const life = num(e.data.lifeYears) ?? 0
      lots.set(String(e.data.lotId), { index, jth: num(e.data.efficiencyJth) ?? 0, capexCentsPerDay: life > 0 ? (num(e.data.priceUsdCents) ?? 0) / (life * 365.25) : 0, powerCentsPerDay: 0, deployedThs: 0 })
    }
    if (e.type === "HostingContractSigned") rates.set(String(e.data.siteId), num(e.data.ratePerMwhUsdCents) ?? 0)
    if (e.type === "MachinesDeployed") {
      const lot = lots.get(String(e.data.lotId))
      if (lot === undefined) return
      const ths = num(e.data.hashrateThs) ?? 0
      lot.deployedThs += ths
      // TH/s x J/TH = W; x 24 h / 1e6 = MWh a day; x cents per MWh.
      lot.powerCentsPerDay += ((ths * lot.jth * 24) / 1e6) * (rates.get(String(e.data.siteId)) ?? 0)
    }
  })
  return [...lots.values()]
    .filter((l) => l.deployedThs > 0)
    .map((l) => ({ index: l.index, costUsdCents: ((l.powerCentsPerDay + l.capexCentsPerDay) * 1e8) / (l.deployedThs * satsPerThsDay) }))
}

export const PLAUSIBILITY_RULES: ReadonlyArray<PlausibilityRule> = [
  {
    id: "fleet-over-network",
    description: "the fleet bought is bigger than the whole network at the start",
    check: (events) => {
      const networkThs = num(obj(events.find((e) => e.type === "ScenarioStarted")?.data.network).hashrateThs)
      if (networkThs === undefined) return []
      let fleet = 0
      const out: Array<Finding> = []
      events.forEach((e, index) => {
        if (e.type !== "HashratePurchased") return
        const before = fleet
        fleet += num(e.data.hashrateThs) ?? 0
        if (before <= networkThs && fleet > networkThs) {
          out.push({ index, field: "hashrateThs", message: `the fleet (${formatHashrateThs(fleet)}) is bigger than the whole network at the start (${formatHashrateThs(networkThs)}, the fleet included): is a unit off (TH/s vs EH/s)?` })
        }
      })
      return out
    }
  },
  {
    id: "hashrate-under-1-phs",
    description: "a hashrate under 1 PH/s",
    check: (events) => hashrates(events).filter((h) => h.ths > 0 && h.ths < MIN_HASHRATE_THS).map((h) => ({
      index: h.index,
      field: h.field,
      message: `${formatHashrateThs(h.ths)} is under 1 PH/s: hashrates are in TH/s, so ${h.ths} EH/s is ${h.ths * 1e6} (write "${h.ths} EH/s" in a plan)`
    }))
  },
  {
    id: "price-out-of-range",
    description: "a BTC price under $1,000 or over $10M",
    check: (events) => prices(events).filter((p) => p.cents < MIN_PRICE_CENTS || p.cents > MAX_PRICE_CENTS).map((p) => ({
      index: p.index,
      field: p.field,
      message: p.cents < MIN_PRICE_CENTS
        ? `${formatUsdCents(p.cents)} per BTC is under $1,000: prices are in cents, so $${p.cents.toLocaleString("en-US")} is ${p.cents * 100} (write "$${p.cents.toLocaleString("en-US")}" in a plan)`
        : `${formatUsdCents(p.cents)} per BTC is over $10M: is it in cents twice (x100)? $${Math.round(p.cents / 100).toLocaleString("en-US")} per BTC is ${Math.round(p.cents / 100)} cents`
    }))
  },
  {
    id: "efficiency-out-of-range",
    description: "an efficiency outside 5-150 J/TH",
    check: (events) => events.flatMap((e, index) => {
      const jth = e.type === "HashratePurchased" ? num(e.data.efficiencyJth) : undefined
      return jth !== undefined && (jth < MIN_JTH || jth > MAX_JTH)
        ? [{ index, field: "efficiencyJth", message: `${formatEfficiencyJth(jth)} is outside 5-150 J/TH (an Antminer S21 is 17.5 J/TH, an S9 ~98): J/TH equals W per TH/s, not W per machine` }]
        : []
    })
  },
  {
    id: "power-rate-out-of-range",
    description: "a power or hosting rate outside $0.01-0.50/kWh",
    check: (events) => events.flatMap((e, index) => {
      const rate = e.type === "HostingContractSigned" ? num(e.data.ratePerMwhUsdCents) : undefined
      return rate !== undefined && (rate < MIN_RATE || rate > MAX_RATE)
        ? [{ index, field: "ratePerMwhUsdCents", message: `${formatRatePerMwhUsdCents(rate)} is outside $0.01-0.50/kWh: the rate is in cents per MWh, so $0.075/kWh is 7500 (write "$0.075/kWh" in a plan)` }]
        : []
    })
  },
  {
    id: "cost-over-100x-price",
    description: "a lot whose all-in cost per BTC at the start is over 100 times the BTC price",
    check: (events) => {
      const price = num(events.find((e) => e.type === "ScenarioStarted")?.data.priceUsdCents)
      if (price === undefined || price <= 0) return []
      return lotCostsPerBtcUsdCents(events).filter((l) => l.costUsdCents > MAX_COST_RATIO * price).map((l) => ({
        index: l.index,
        field: "hashrateThs",
        message: `a BTC mined by this lot costs about ${formatUsdCents(Math.round(l.costUsdCents))} all-in at the start, ${Math.round(l.costUsdCents / price).toLocaleString("en-US")}x the BTC price ${formatUsdCents(price)}: check its hashrate unit (TH/s vs EH/s), its price and the power rate`
      }))
    }
  }
]

/** Every rule's findings, located by `locate` (the event's line and the key the person wrote). */
export const plausibilityWarnings = (
  events: ReadonlyArray<EventView>,
  locate: (index: number, field: string) => { readonly line: number; readonly key: string }
): ReadonlyArray<PlausibilityWarning> =>
  PLAUSIBILITY_RULES.flatMap((rule) => rule.check(events).map((f) => ({ rule: rule.id, ...locate(f.index, f.field), message: f.message })))
    .sort((a, b) => a.line - b.line)

/** `file:line: key: warning: message (rule)`. */
export const formatWarning = (file: string, w: PlausibilityWarning): string => `${file}:${w.line}: ${w.key}: warning: ${w.message} [${w.rule}]`
