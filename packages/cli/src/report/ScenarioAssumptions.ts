// The scenario's assumptions as tables (market model, lots, contracts, pool, sales) and its plan events as labelled
// markers on the time axis, so a printed report says what it was computed from.
import { bitsToDifficulty } from "@hashsim/chain"
import { evolve, initialState, type EventOf, type LedgerState, type LogEntry, type TimedEvent } from "@hashsim/ledger"
import type { AssumptionTable, DayMarker } from "./ReportModel.ts"
import { formatBtc, formatEhs, formatNumber, formatPercent, formatUsd } from "./ReportFormat.ts"

const perKwh = (ratePerMwhUsdCents: number): string => `$${formatNumber(ratePerMwhUsdCents / 100_000, 4)}/kWh`
const perMwh = (cents: number): string => `$${formatNumber(cents / 100, 2)}/MWh`

const growthModel = (model: EventOf<"ScenarioStarted">["data"]["market"]["otherHashrate"] | EventOf<"ScenarioStarted">["data"]["market"]["price"], unit: (x: number) => string): string => {
  if (model.model === "gbm") return `GBM, drift ${formatPercent(model.driftPerYear)}/yr, volatility ${formatPercent(model.volatilityPerYear)}/yr`
  if (model.model === "jumpDiffusion") {
    return `jump-diffusion (Merton), drift ${formatPercent(model.driftPerYear)}/yr, diffusion volatility ${formatPercent(model.volatilityPerYear)}/yr, ` +
      `${formatNumber(model.jumpsPerYear, 1)} jumps/yr of log size N(${formatNumber(model.jumpLogMean, 3)}, ${formatNumber(model.jumpLogSd, 3)})`
  }
  if (model.model === "hashprice") {
    const classes = model.classes.map((c) => c.efficiencyJth).filter((x, i, xs) => xs.indexOf(x) === i).join(" / ")
    const power = model.entrants.map((e) => `$${e.powerUsdPerKwh}`).join(" / ")
    return `answers to hashprice (docs/MARKET.md): classes ${classes} J/TH at ${power}/kWh switch off ${model.switchOffLagDays} days below their power cost; ` +
      `new machines (frontier ${model.frontierEfficiencyJth} J/TH, -${formatPercent(model.frontierImprovementPerYear)}/yr, $${model.machinePriceUsdPerTh}/TH) ordered above their all-in cost arrive after ${model.orderLagDays} days`
  }
  const points = model.points as ReadonlyArray<{ readonly at: string; readonly hashrateThs?: number; readonly priceUsdCents?: number }>
  const first = points[0]
  const last = points[points.length - 1]
  const value = (p: typeof first): string => (p === undefined ? "" : unit(p.hashrateThs ?? p.priceUsdCents ?? 0))
  return first === undefined || last === undefined
    ? "table (no points)"
    : `table of ${points.length} points, ${value(first)} at ${first.at.slice(0, 10)} to ${value(last)} at ${last.at.slice(0, 10)} (linear between)`
}

/** The scenario as stated in ScenarioStarted and the plan events, in tables. */
export const assumptionsOf = (final: LedgerState, started: EventOf<"ScenarioStarted"> & { readonly at: string }): Array<AssumptionTable> => {
  const d = started.data
  const m = d.market
  const marketRows: Array<Array<string>> = [
    ["start", started.at],
    ["horizon (exclusive)", d.until],
    ["network at start", `height ${d.network.height}, bits ${d.network.bits} (difficulty ${formatNumber(bitsToDifficulty(Number.parseInt(d.network.bits, 16)) / 1e12, 2)} T), ${formatEhs(d.network.hashrateThs)} total`],
    ["BTC price at start", formatUsd(d.priceUsdCents)],
    ["discount rate", `${formatPercent(d.discountRatePerYear)} a year`],
    ["everyone else's hashrate", growthModel(m.otherHashrate, formatEhs)],
    ["BTC price", growthModel(m.price, formatUsd)],
    ["fees per block", "model" in m.feePerBlock
      ? `Gamma around a mean-reverting level (log OU): long-run mean ${formatBtc(m.feePerBlock.meanSats, 4)}, half-life ${m.feePerBlock.halfLifeYears} yr, volatility ${formatPercent(m.feePerBlock.volatilityPerYear)}/yr, shape ${m.feePerBlock.shape}`
      : `Gamma, mean ${formatBtc(m.feePerBlock.meanSats, 4)}, shape ${m.feePerBlock.shape}`],
    ["fleet uptime", `mean ${formatPercent(m.uptime.meanFraction)}, sd ${formatPercent(m.uptime.sdFraction)}`]
  ]
  if (m.curtailment !== undefined) {
    const c = m.curtailment
    marketRows.push(["random curtailment", `${c.eventsPerYear}/yr, mean ${c.meanDurationHours} h, ${formatPercent(c.fraction)} of sites ${c.siteIds.join(", ")}`])
  }
  if (m.uncertainty !== undefined) {
    const u = m.uncertainty
    marketRows.push(["per-path uncertainty", `hashrate drift sd ${u.otherHashrateDriftSd}, price drift sd ${u.priceDriftSd}, fee level sigma ${u.feeLevelSigma}`])
  }
  const lots = Object.values(final.lots)
  const contracts = Object.values(final.contracts)
  return [
    { title: "Scenario and market model", headers: ["", d.name], rows: marketRows },
    {
      title: "Lots",
      headers: ["lot", "vendor", "model", "hashrate", "J/TH", "price", "life", "paid in"],
      rows: lots.map((l) => [
        l.lotId, l.vendor, l.machineModel, formatEhs(l.hashrateThs), formatNumber(l.efficiencyJth, 1), formatUsd(l.priceUsdCents), `${l.lifeYears} yr`,
        l.payment.kind === "cash" ? "cash" : `${formatNumber(l.payment.shares, 0)} shares at $${formatNumber(l.payment.sharePriceUsdCents / 100, 2)}`
      ])
    },
    {
      title: "Hosting contracts",
      headers: ["contract", "host", "site", "rate", "ends", "uptime SLA", "SLA credit", "curtailment credit", "take-or-pay"],
      rows: contracts.map((c) => [
        c.contractId, c.host, c.siteId, perKwh(c.ratePerMwhUsdCents), new Date(c.endsAtS * 1000).toISOString().slice(0, 10),
        formatPercent(c.uptimeSlaFraction), perMwh(c.slaCreditPerMwhUsdCents), perMwh(c.curtailmentCreditPerMwhUsdCents),
        c.takeOrPayFraction > 0 ? formatPercent(c.takeOrPayFraction) : "none"
      ])
    },
    {
      title: "Pool and sales",
      headers: ["", ""],
      rows: [
        ["pool", `${final.pool.mode}, fee ${formatPercent(final.pool.feeFraction, 2)}`],
        ["sales policy", final.salesPolicy.kind === "sellShareMonthly" ? `sell ${formatPercent(final.salesPolicy.fraction)} monthly` : final.salesPolicy.kind],
        ["operating policy", operatingLabel(final.operatingPolicy)],
        ["BTC held at the end", "valued at the horizon's end price (the path's own spot price then) in NPV and the position's value"]
      ]
    }
  ]
}

const operatingLabel = (p: LedgerState["operatingPolicy"]): string => {
  switch (p.kind) {
    case "alwaysOn":
      return "always on"
    case "hashpriceFloor":
      return `off on days hashprice (net of pool fee) is below $${formatNumber(p.floorUsdPerPhDay, 2)}/PH/day`
    case "breakeven":
      return "breakeven: off on days hashprice (net of pool fee) does not cover power at the contract's marginal price"
  }
}

const planLabel = (e: TimedEvent): string | undefined => {
  switch (e.type) {
    case "HashratePurchased":
      return `buy ${e.data.lotId} ${formatEhs(e.data.hashrateThs)}`
    case "HostingContractSigned":
      return `contract ${e.data.contractId} (${e.data.host})`
    case "MachinesDeployed":
      return `deploy ${e.data.lotId} +${formatEhs(e.data.hashrateThs)}`
    case "MachinesRemoved":
      return `remove ${e.data.lotId} -${formatEhs(e.data.hashrateThs)}`
    case "CurtailmentStarted":
      return `curtail ${e.data.siteId} ${formatPercent(e.data.fraction, 0)}`
    case "CurtailmentEnded":
      return `end curtailment ${e.data.siteId}`
    case "PoolConfigured":
      return `pool ${e.data.mode} ${formatPercent(e.data.feeFraction, 1)}`
    case "SalesPolicySet":
      return `sales: ${e.data.policy.kind}`
    case "OperatingPolicySet":
      return `operating: ${e.data.policy.kind}`
    case "HalvingReached":
      return `halving: ${formatBtc(e.data.subsidySats, 3)}`
    default:
      return undefined
  }
}

/** The plan's events (and halvings) as markers; BTC sales too when there are few enough to read. */
export const planMarkers = (entries: ReadonlyArray<LogEntry>): Array<DayMarker> => {
  const markers: Array<DayMarker> = []
  const sales = entries.filter((e): e is LogEntry & EventOf<"BtcSold"> => e.type === "BtcSold")
  for (const e of entries) {
    const label = planLabel(e)
    if (label !== undefined) markers.push({ day: e.at.slice(0, 10), label })
  }
  if (sales.length <= 12) {
    for (const e of sales) markers.push({ day: e.at.slice(0, 10), label: `sell ${formatBtc(e.data.amountSats, 1)}` })
  }
  return markers.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
}

/** The state after the plan events alone (used when only a scenario is at hand, e.g. for a batch). */
export const planState = (entries: ReadonlyArray<TimedEvent>): LedgerState => entries.reduce(evolve, initialState())
