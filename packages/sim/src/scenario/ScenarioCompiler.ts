// Compiles the plan events of a scenario log (already decoded and validated by @hashsim/ledger) into a
// ScenarioPlan: times in seconds, indexed lots/sites/contracts, one ordered list of changes. What a valid log is
// belongs to the ledger's decider alone; this refuses only what the simulator cannot simulate (yet), naming the
// line and field, before any simulation starts.
import { parseBits } from "@hashsim/chain"
import { type EventData, eventTypes, generatedOnlyTypes, type EventType, MAX_NETWORK_THS } from "@hashsim/ledger"
import type { FeePlan } from "../market/FeeModel.ts"
import { anchorAt, type ObservedBlock, type ObservedRetarget, observedStretchOf } from "../chain/ObservedStretch.ts"
import { compileSeries } from "../market/registry.ts"
import { horizonCalendar, secondsOfIso } from "./Calendar.ts"
import type { ContractPlan, LotPlan, MarketPlan, PlanChange, PlanEvent, ScenarioPlan, TimedPlanChange } from "./ScenarioPlan.ts"

type ScenarioStartedData = EventData<"ScenarioStarted">

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

/** Event types a scenario may hold: the catalogue's types less those only the simulator generates. */
export const PLAN_EVENT_TYPES: ReadonlySet<EventType> = new Set(eventTypes.filter((t) => !generatedOnlyTypes.has(t)))

/** A reference the validated log guarantees (the decider checks it); failing here is a bug, not bad input. */
const known = (i: number | undefined, what: string): number => {
  if (i === undefined) throw new Error(`compileScenario: ${what} is unknown; validate the log before compiling it`)
  return i
}

/** The fee model as the plan holds it (a mean-reverting level starts at its long-run mean unless told). */
const compileFees = (raw: ScenarioStartedData["market"]["feePerBlock"]): FeePlan =>
  "model" in raw
    ? { ...raw, startSats: raw.startSats ?? raw.meanSats }
    : { model: "constant", meanSats: raw.meanSats, shape: raw.shape }

/** Compiles decoded plan events (log order, with their file lines) into a ScenarioPlan, or throws ScenarioInvalidError. */
export const compileScenario = (events: ReadonlyArray<PlanEvent>): ScenarioPlan => {
  const problems: Array<ScenarioProblem> = []
  const first = events[0]
  if (first === undefined || first.type !== "ScenarioStarted") {
    throw new ScenarioInvalidError([{ line: first?.line ?? 1, field: "type", message: "a scenario starts with ScenarioStarted" }])
  }
  const sd = first.data
  const startS = secondsOfIso(first.at)
  const untilS = secondsOfIso(sd.until)
  if ((sd.network.height + 1) % 2016 === 0) {
    // The next block would need a retarget from the tip's header time, which ScenarioStarted does not give.
    problems.push({ line: first.line, field: "data.network.height", message: "the tip is an epoch's last block: start one block earlier or later" })
  }
  const lots: Array<LotPlan> = []
  const lotIndex = new Map<string, number>()
  const siteIds: Array<string> = []
  const siteIndex = new Map<string, number>()
  const contracts: Array<ContractPlan> = []
  const changes: Array<TimedPlanChange> = []
  const observedRetargets: Array<ObservedRetarget> = []
  const observedBlocks: Array<ObservedBlock & { readonly line: number }> = []
  /** A span's end (FeesObserved, FleetOperationObserved) inside the horizon: the model's value from then on. */
  const spanEnd = (untilAt: string, change: PlanChange): void => {
    const endS = secondsOfIso(untilAt)
    if (endS < untilS) changes.push({ atS: endS, eventIndex: -1, change })
  }
  const siteOf = (id: string): number => known(siteIndex.get(id), `site ${JSON.stringify(id)}`)
  const lotOf = (id: string): number => known(lotIndex.get(id), `lot ${JSON.stringify(id)}`)

  events.forEach((e, index) => {
    const atS = secondsOfIso(e.at)
    const line = e.line
    const push = (change: PlanChange): void => {
      if (index > 0 && atS >= untilS) problems.push({ line, field: "at", message: "after the scenario's horizon (until)" })
      else changes.push({ atS, eventIndex: index, change })
    }
    switch (e.type) {
      case "ScenarioStarted":
        return push({ kind: "none" })
      case "HashratePurchased": {
        const d = e.data
        lotIndex.set(d.lotId, lots.length)
        lots.push({
          lotId: d.lotId,
          hashrateThs: d.hashrateThs,
          efficiencyJth: d.efficiencyJth,
          priceUsdCents: d.priceUsdCents,
          lifeYears: d.lifeYears,
          purchasedAtS: atS
        })
        return push({ kind: "purchase", lotIndex: lots.length - 1 })
      }
      case "HostingContractSigned": {
        const d = e.data
        // A site is signed again once its contract has ended (the decider says when that may be).
        let si = siteIndex.get(d.siteId)
        if (si === undefined) {
          si = siteIds.length
          siteIndex.set(d.siteId, si)
          siteIds.push(d.siteId)
        }
        const endsAtS = secondsOfIso(d.endsAt)
        contracts.push({
          contractId: d.contractId,
          siteIndex: si,
          ratePerMwhUsdCents: d.ratePerMwhUsdCents,
          startsAtS: atS,
          endsAtS,
          uptimeSlaFraction: d.uptimeSlaFraction,
          slaCreditPerMwhUsdCents: d.slaCreditPerMwhUsdCents,
          curtailmentCreditPerMwhUsdCents: d.curtailmentCreditPerMwhUsdCents,
          takeOrPayFraction: d.takeOrPayFraction ?? 0,
          creditsOwnSwitchOff: d.creditsOwnSwitchOff ?? false
        })
        push({ kind: "contractStart", contractIndex: contracts.length - 1 })
        if (endsAtS < untilS) {
          changes.push({ atS: Math.max(endsAtS, atS), eventIndex: -1, change: { kind: "contractEnd", contractIndex: contracts.length - 1 } })
        }
        return
      }
      case "MachinesDeployed":
        return push({ kind: "deploy", lotIndex: lotOf(e.data.lotId), siteIndex: siteOf(e.data.siteId), hashrateThs: e.data.hashrateThs })
      case "MachinesRemoved":
        return push({ kind: "deploy", lotIndex: lotOf(e.data.lotId), siteIndex: siteOf(e.data.siteId), hashrateThs: -e.data.hashrateThs })
      case "CurtailmentStarted":
        return push({ kind: "curtail", siteIndex: siteOf(e.data.siteId), fraction: e.data.fraction })
      case "CurtailmentEnded":
        return push({ kind: "curtail", siteIndex: siteOf(e.data.siteId), fraction: 0 })
      case "PoolConfigured":
        if (e.data.mode === "pplns") problems.push({ line, field: "data.mode", message: "pplns is not simulated yet (use solo or fpps)" })
        return push({ kind: "pool", mode: e.data.mode, feeFraction: e.data.feeFraction })
      case "SalesPolicySet":
        return push({ kind: "sales", policy: e.data.policy })
      case "OperatingPolicySet":
        return push({ kind: "operating", policy: e.data.policy })
      case "BtcSold":
        return push({ kind: "sell", amountSats: e.data.amountSats, priceUsdCents: e.data.priceUsdCents, proceedsUsdCents: e.data.proceedsUsdCents })
      case "PriceObserved":
        return push({ kind: "price", priceUsdCents: e.data.priceUsdCents })
      case "DifficultyAdjusted": {
        const d = e.data
        const r = { atS, height: d.height, oldBits: parseBits(d.oldBits), newBits: parseBits(d.newBits), firstBlockTimeS: d.firstBlockTimeS, lastBlockTimeS: d.lastBlockTimeS }
        observedRetargets.push(r)
        return push({ kind: "difficulty", ...r, anchor: -1, closesStretch: false, impliedThs: Number.NaN })
      }
      case "BlockFound": {
        const d = e.data
        observedBlocks.push({ atS, height: d.height, blockTimeS: d.blockTimeS, line })
        return push({ kind: "block", height: d.height, blockTimeS: d.blockTimeS, fleet: d.fleet, subsidySats: d.subsidySats, feesSats: d.feesSats, anchor: -1, closesStretch: false })
      }
      case "FeesObserved":
        push({ kind: "fees", meanSats: e.data.meanFeePerBlockSats })
        return spanEnd(e.data.untilAt, { kind: "fees", meanSats: Number.NaN })
      case "FleetOperationObserved":
        push({ kind: "operation", hashrateThs: e.data.operatingHashrateThs })
        return spanEnd(e.data.untilAt, { kind: "operation", hashrateThs: -1 })
      case "MarketStepped":
      case "BlocksMined":
      case "HalvingReached":
      case "RewardCredited":
      case "HostingFeeCharged":
      case "CurtailmentCredited":
      case "SlaCredited":
      case "FleetSwitched":
      case "LogSealed":
        // A scenario is the plan a run starts from; what a run generates would be generated twice.
        problems.push({ line, field: "type", message: `${e.type} is generated by the simulator; a scenario holds only plan and observed events` })
        return
      default:
        return e satisfies never
    }
  })

  const mk = sd.market
  const seriesContext = (field: string) => ({
    secondsOf: secondsOfIso,
    problem: (f: string, message: string) => problems.push({ line: first.line, field: `${field}.${f}`, message })
  })
  const curtailment = mk.curtailment
  const market: MarketPlan = {
    otherHashrate: compileSeries(mk.otherHashrate, seriesContext("data.market.otherHashrate")),
    price: compileSeries(mk.price, seriesContext("data.market.price")),
    feePerBlock: compileFees(mk.feePerBlock),
    uptime: { meanFraction: mk.uptime.meanFraction, sdFraction: mk.uptime.sdFraction },
    ...(curtailment === undefined
      ? {}
      : {
          curtailment: {
            eventsPerYear: curtailment.eventsPerYear,
            meanDurationHours: curtailment.meanDurationHours,
            fraction: curtailment.fraction,
            // Random curtailment needs a site the plan hosts; the market model is read before any site exists,
            // so the decider cannot tell.
            siteIndices: curtailment.siteIds.map((id) => {
              const i = siteIndex.get(id)
              if (i === undefined) {
                problems.push({ line: first.line, field: "data.market.curtailment.siteIds", message: `unknown site ${JSON.stringify(id)} (no HostingContractSigned names it)` })
              }
              return i ?? -1
            })
          }
        }),
    ...(mk.uncertainty === undefined ? {} : { uncertainty: { ...mk.uncertainty } })
  }
  const network = {
    height: sd.network.height,
    bits: parseBits(sd.network.bits),
    epochFirstBlockTimeS: sd.network.epochFirstBlockTimeS,
    hashrateThs: sd.network.hashrateThs
  }
  const observed = observedStretchOf(network, startS, observedRetargets, observedBlocks, (p) => problems.push(p))
  if (problems.length > 0) throw new ScenarioInvalidError(problems)

  // Contract and span ends were appended where their event was; order all changes by time, stably. Observed
  // retargets and blocks learn their anchor in the stretch.
  const sorted = changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.atS - b.c.atS || a.i - b.i)
    .map(({ c }) => c)
  const lastObserved = sorted.findLastIndex((c) => c.change.kind === "difficulty" || c.change.kind === "block")
  const ordered = sorted.map((c, i): TimedPlanChange => {
    const ch = c.change
    if (observed === null) return c
    const closesStretch = i === lastObserved
    if (ch.kind === "difficulty") {
      const anchor = anchorAt(observed, ch.height - 1)
      // An epoch whose pace implies more than any event may state (mined in no time: unbounded) says nothing a
      // market model could continue from: NaN, and the model keeps its own value.
      const implied = observed.impliedThs[anchor]!
      const impliedThs = implied < MAX_NETWORK_THS ? implied : Number.NaN
      return { ...c, change: { ...ch, anchor, closesStretch, impliedThs } }
    }
    if (ch.kind === "block") return { ...c, change: { ...ch, anchor: anchorAt(observed, ch.height), closesStretch } }
    return c
  })
  return {
    name: sd.name,
    startS,
    untilS,
    discountRatePerYear: sd.discountRatePerYear,
    network,
    startPriceUsdCents: sd.priceUsdCents,
    market,
    lots,
    siteIds,
    contracts,
    changes: ordered,
    events,
    calendar: horizonCalendar(startS, untilS),
    observed,
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
    .map((e): PlanEvent => (e.type === "ScenarioStarted" ? { ...e, data: { ...e.data, until: untilIso } } : e))
  return compileScenario(events)
}
