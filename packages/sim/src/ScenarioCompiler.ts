// Compiles the plan events of a scenario log (already decoded and validated by @hashsim/ledger) into a
// ScenarioPlan: times in seconds, indexed lots/sites/contracts, one ordered list of changes. It refuses what the
// simulator cannot run, naming the line and field, before any simulation starts.
import { parseBits } from "@hashsim/chain"
import { horizonCalendar, secondsOfIso } from "./Calendar.ts"
import type {
  ContractPlan,
  LotPlan,
  MarketPlan,
  PlanChange,
  PlanEvent,
  PoolMode,
  SalesPolicy,
  ScenarioPlan,
  SeriesModel,
  TimedPlanChange
} from "./ScenarioPlan.ts"

export interface ScenarioProblem {
  readonly line: number
  readonly field: string
  readonly message: string
}

/** The scenario cannot be simulated; every problem names its line and field. */
export class ScenarioInvalidError extends Error {
  readonly _tag = "ScenarioInvalidError"
  constructor(readonly problems: ReadonlyArray<ScenarioProblem>) {
    super(problems.map((p) => `line ${p.line}: ${p.field}: ${p.message}`).join("\n"))
    this.name = "ScenarioInvalidError"
  }
  /** `file:line: field: message`, one a line, as every hashsim command prints problems. */
  render(file: string): string {
    return this.problems.map((p) => `${file}:${p.line}: ${p.field}: ${p.message}`).join("\n")
  }
}

/** Event types a scenario may hold: plan events and observed history. Generated ones belong to complete logs. */
export const PLAN_EVENT_TYPES: ReadonlySet<string> = new Set([
  "ScenarioStarted",
  "HashratePurchased",
  "HostingContractSigned",
  "MachinesDeployed",
  "MachinesRemoved",
  "CurtailmentStarted",
  "CurtailmentEnded",
  "PoolConfigured",
  "SalesPolicySet",
  "BtcSold",
  "PriceObserved",
  "DifficultyAdjusted",
  "BlockFound"
])

type Data = Record<string, unknown>

const num = (d: Data, k: string): number => d[k] as number
const str = (d: Data, k: string): string => d[k] as string

const series = (
  raw: Data,
  valueKey: "hashrateThs" | "priceUsdCents",
  field: string,
  line: number,
  problems: Array<ScenarioProblem>
): SeriesModel => {
  if (raw["model"] === "gbm") {
    return { model: "gbm", driftPerYear: num(raw, "driftPerYear"), volatilityPerYear: num(raw, "volatilityPerYear") }
  }
  const points = (raw["points"] ?? []) as ReadonlyArray<Data>
  const atS = new Float64Array(points.length)
  const values = new Float64Array(points.length)
  points.forEach((p, i) => {
    atS[i] = secondsOfIso(str(p, "at"))
    values[i] = num(p, valueKey)
    if (i > 0 && !(atS[i]! > atS[i - 1]!)) {
      problems.push({ line, field: `${field}.points[${i}].at`, message: "table points must be in strictly increasing time" })
    }
  })
  if (points.length === 0) problems.push({ line, field: `${field}.points`, message: "a table needs at least one point" })
  return { model: "table", atS, values }
}

/** Compiles decoded plan events (log order, with their file lines) into a ScenarioPlan, or throws ScenarioInvalidError. */
export const compileScenario = (events: ReadonlyArray<PlanEvent>): ScenarioPlan => {
  const problems: Array<ScenarioProblem> = []
  const first = events[0]
  if (first === undefined || first.type !== "ScenarioStarted") {
    throw new ScenarioInvalidError([
      { line: first?.line ?? 1, field: "type", message: "a scenario starts with ScenarioStarted" }
    ])
  }
  const sd = first.data as Data
  const startS = secondsOfIso(first.at)
  const untilS = secondsOfIso(str(sd, "until"))
  if (!(untilS > startS)) problems.push({ line: first.line, field: "data.until", message: "the horizon must end after the start" })
  if ((num(sd["network"] as Data, "height") + 1) % 2016 === 0) {
    // The next block would need a retarget from the tip's header time, which ScenarioStarted does not give.
    problems.push({ line: first.line, field: "data.network.height", message: "the tip is an epoch's last block: start one block earlier or later" })
  }
  const net = sd["network"] as Data
  const mk = sd["market"] as Data
  const fee = mk["feePerBlock"] as Data
  const up = mk["uptime"] as Data
  const lots: Array<LotPlan> = []
  const lotIndex = new Map<string, number>()
  const siteIds: Array<string> = []
  const siteIndex = new Map<string, number>()
  const contracts: Array<ContractPlan> = []
  const changes: Array<TimedPlanChange> = []
  let observedDifficultyUntilS = Number.NEGATIVE_INFINITY
  let observedBlocksUntilS = Number.NEGATIVE_INFINITY
  let lastS = startS

  const siteOf = (id: string, line: number, field: string): number => {
    const i = siteIndex.get(id)
    if (i === undefined) {
      problems.push({ line, field, message: `unknown site ${JSON.stringify(id)} (no HostingContractSigned names it)` })
      return -1
    }
    return i
  }
  const lotOf = (id: string, line: number, field: string): number => {
    const i = lotIndex.get(id)
    if (i === undefined) {
      problems.push({ line, field, message: `unknown lot ${JSON.stringify(id)}` })
      return -1
    }
    return i
  }

  events.forEach((e, index) => {
    const atS = secondsOfIso(e.at)
    const d = e.data as Data
    const line = e.line
    if (!Number.isFinite(atS)) {
      problems.push({ line, field: "at", message: "not an ISO-8601 time" })
      return
    }
    if (atS < lastS) problems.push({ line, field: "at", message: "time goes backwards" })
    lastS = Math.max(lastS, atS)
    if (!PLAN_EVENT_TYPES.has(e.type)) {
      problems.push({ line, field: "type", message: `${e.type} is generated by the simulator; a scenario holds only plan and observed events` })
      return
    }
    if (index > 0 && atS >= untilS && e.type !== "ScenarioStarted") {
      problems.push({ line, field: "at", message: "after the scenario's horizon (until)" })
      return
    }
    const push = (change: PlanChange): void => {
      changes.push({ atS, eventIndex: index, change })
    }
    switch (e.type) {
      case "ScenarioStarted":
        if (index > 0) problems.push({ line, field: "type", message: "a second ScenarioStarted" })
        push({ kind: "none" })
        break
      case "HashratePurchased": {
        const id = str(d, "lotId")
        if (lotIndex.has(id)) problems.push({ line, field: "data.lotId", message: `lot ${JSON.stringify(id)} bought twice` })
        lotIndex.set(id, lots.length)
        lots.push({
          lotId: id,
          hashrateThs: num(d, "hashrateThs"),
          efficiencyJth: num(d, "efficiencyJth"),
          priceUsdCents: num(d, "priceUsdCents"),
          lifeYears: num(d, "lifeYears"),
          purchasedAtS: atS
        })
        push({ kind: "purchase", lotIndex: lots.length - 1 })
        break
      }
      case "HostingContractSigned": {
        const site = str(d, "siteId")
        let si = siteIndex.get(site)
        if (si === undefined) {
          si = siteIds.length
          siteIndex.set(site, si)
          siteIds.push(site)
        } else {
          problems.push({ line, field: "data.siteId", message: `site ${JSON.stringify(site)} already has a contract` })
        }
        const endsAtS = secondsOfIso(str(d, "endsAt"))
        contracts.push({
          contractId: str(d, "contractId"),
          siteIndex: si,
          ratePerMwhUsdCents: num(d, "ratePerMwhUsdCents"),
          startsAtS: atS,
          endsAtS,
          uptimeSlaFraction: num(d, "uptimeSlaFraction"),
          slaCreditPerMwhUsdCents: num(d, "slaCreditPerMwhUsdCents"),
          curtailmentCreditPerMwhUsdCents: num(d, "curtailmentCreditPerMwhUsdCents")
        })
        push({ kind: "contractStart", contractIndex: contracts.length - 1 })
        if (endsAtS < untilS) {
          changes.push({ atS: Math.max(endsAtS, atS), eventIndex: -1, change: { kind: "contractEnd", contractIndex: contracts.length - 1 } })
        }
        break
      }
      case "MachinesDeployed":
      case "MachinesRemoved": {
        const li = lotOf(str(d, "lotId"), line, "data.lotId")
        const si = siteOf(str(d, "siteId"), line, "data.siteId")
        const sign = e.type === "MachinesDeployed" ? 1 : -1
        if (li >= 0 && si >= 0) push({ kind: "deploy", lotIndex: li, siteIndex: si, hashrateThs: sign * num(d, "hashrateThs") })
        break
      }
      case "CurtailmentStarted": {
        const si = siteOf(str(d, "siteId"), line, "data.siteId")
        if (si >= 0) push({ kind: "curtail", siteIndex: si, fraction: num(d, "fraction") })
        break
      }
      case "CurtailmentEnded": {
        const si = siteOf(str(d, "siteId"), line, "data.siteId")
        if (si >= 0) push({ kind: "curtail", siteIndex: si, fraction: 0 })
        break
      }
      case "PoolConfigured": {
        const mode = str(d, "mode") as PoolMode
        if (mode === "pplns") {
          problems.push({ line, field: "data.mode", message: "pplns is not simulated yet (use solo or fpps)" })
        }
        push({ kind: "pool", mode, feeFraction: num(d, "feeFraction") })
        break
      }
      case "SalesPolicySet":
        push({ kind: "sales", policy: d["policy"] as SalesPolicy })
        break
      case "BtcSold":
        push({
          kind: "sell",
          amountSats: num(d, "amountSats"),
          priceUsdCents: num(d, "priceUsdCents"),
          proceedsUsdCents: num(d, "proceedsUsdCents")
        })
        break
      case "PriceObserved":
        push({ kind: "price", priceUsdCents: num(d, "priceUsdCents") })
        break
      case "DifficultyAdjusted":
        observedDifficultyUntilS = atS
        push({
          kind: "difficulty",
          height: num(d, "height"),
          oldBits: parseBits(str(d, "oldBits")),
          newBits: parseBits(str(d, "newBits")),
          firstBlockTimeS: num(d, "firstBlockTimeS"),
          lastBlockTimeS: num(d, "lastBlockTimeS")
        })
        break
      case "BlockFound":
        observedBlocksUntilS = atS
        push({
          kind: "block",
          height: num(d, "height"),
          blockTimeS: num(d, "blockTimeS"),
          fleet: d["fleet"] === true,
          subsidySats: num(d, "subsidySats"),
          feesSats: num(d, "feesSats")
        })
        break
    }
  })

  const curtailment = mk["curtailment"] as Data | undefined
  const uncertainty = mk["uncertainty"] as Data | undefined
  const market: MarketPlan = {
    otherHashrate: series(mk["otherHashrate"] as Data, "hashrateThs", "data.market.otherHashrate", first.line, problems),
    price: series(mk["price"] as Data, "priceUsdCents", "data.market.price", first.line, problems),
    feePerBlock: { meanSats: num(fee, "meanSats"), shape: num(fee, "shape") },
    uptime: { meanFraction: num(up, "meanFraction"), sdFraction: num(up, "sdFraction") },
    ...(curtailment === undefined
      ? {}
      : {
          curtailment: {
            eventsPerYear: num(curtailment, "eventsPerYear"),
            meanDurationHours: num(curtailment, "meanDurationHours"),
            fraction: num(curtailment, "fraction"),
            siteIndices: ((curtailment["siteIds"] ?? []) as ReadonlyArray<string>).map((id) =>
              siteOf(id, first.line, "data.market.curtailment.siteIds")
            )
          }
        }),
    ...(uncertainty === undefined
      ? {}
      : {
          uncertainty: {
            otherHashrateDriftSd: num(uncertainty, "otherHashrateDriftSd"),
            priceDriftSd: num(uncertainty, "priceDriftSd"),
            feeLevelSigma: num(uncertainty, "feeLevelSigma")
          }
        })
  }
  if (!(market.feePerBlock.shape > 0)) {
    problems.push({ line: first.line, field: "data.market.feePerBlock.shape", message: "must be > 0" })
  }
  if (problems.length > 0) throw new ScenarioInvalidError(problems)

  // Contract ends were appended where their contract was signed; order all changes by time, stably.
  const ordered = changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.atS - b.c.atS || a.i - b.i)
    .map(({ c }) => c)
  return {
    name: str(sd, "name"),
    startS,
    untilS,
    discountRatePerYear: num(sd, "discountRatePerYear"),
    network: {
      height: num(net, "height"),
      bits: parseBits(str(net, "bits")),
      epochFirstBlockTimeS: num(net, "epochFirstBlockTimeS"),
      hashrateThs: num(net, "hashrateThs")
    },
    startPriceUsdCents: num(sd, "priceUsdCents"),
    market,
    lots,
    siteIds,
    contracts,
    changes: ordered,
    events,
    calendar: horizonCalendar(startS, untilS),
    observedDifficultyUntilS,
    observedBlocksUntilS,
    capexUsdCents: lots.reduce((s, l) => s + l.priceUsdCents, 0)
  }
}

/**
 * The plan cut at `untilS` (`run --until`): plan events from then on are dropped and ScenarioStarted's `until`
 * says the new horizon, so the complete log states exactly what was simulated. Only shortens.
 */
export const planUntil = (plan: ScenarioPlan, untilS: number, untilIso: string): ScenarioPlan => {
  if (!(untilS < plan.untilS)) return plan
  if (!(untilS > plan.startS)) {
    throw new ScenarioInvalidError([{ line: plan.events[0]?.line ?? 1, field: "until", message: "must be after the scenario's start" }])
  }
  const events = plan.events
    .filter((e, i) => i === 0 || secondsOfIso(e.at) < untilS)
    .map((e, i) => (i === 0 ? { ...e, data: { ...(e.data as Data), until: untilIso } } : e))
  return compileScenario(events)
}
