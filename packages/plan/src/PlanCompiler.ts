// Over 450 lines on purpose: one plan section after another, each mapped to its events with its own lines and keys.
// Compiles a YAML plan in human units (docs/PLANS.md) to the very plan events of the catalogue: one event per
// purchase, contract, deployment, price, sale and curtailment window, ordered by time, then checked by the
// ledger's own validator so every problem — a unit, a typo, a decider rule — points at the plan's line and key.
import { difficultyToBits, parseBits } from "@hashsim/chain"
import {
  closestName, currentVersion, didYouMean, type EventType, formatAtS, satsToUsdCents, validateLogText
} from "@hashsim/ledger"
import { isMap, isScalar, LineCounter, parseDocument } from "yaml"
import { expandRule, parseDays, parseHours, parseMonths, parseRuleText, type CurtailmentRule } from "./CurtailmentRule.ts"
import { attempt, listItems, type Origin, PlanContext, PlanMap, readValue, scalarText } from "./PlanReader.ts"
import { PlanInvalidError, ProblemList } from "./PlanProblem.ts"
import { scenarioLine } from "./ScenarioText.ts"
import { type ChainData, NetworkUnresolvedError, resolveStartNetwork } from "./StartNetwork.ts"
import { HASHPRICE_NETWORK_DEFAULTS } from "@hashsim/sim/market"
import {
  parseDateS, parseDifficulty, parseDuration, parseEfficiencyJth, parseFraction, parseHashrateThs, parsePlainNumber,
  parseRatePerMwhUsdCents, parseSats, parseUsdCents, UnitInvalidError
} from "./Units.ts"

/** One compiled event with where it came from in the plan. */
export interface CompiledEvent {
  readonly at: string
  readonly type: EventType
  readonly v: number
  readonly data: Record<string, unknown>
  /** The plan item the event comes from. */
  readonly origin: Origin
  /** Where each top-level data field was written (for problems the ledger finds in a field). */
  readonly fieldOrigins: ReadonlyMap<string, Origin>
  readonly literals: ReadonlyMap<string, string>
}

export interface CompiledPlan {
  readonly events: ReadonlyArray<CompiledEvent>
  /** The scenario, JSONL: what `hashsim compile` writes and every command runs. */
  readonly text: string
  /** What the compiler decided for the person (where the start network came from). */
  readonly notes: ReadonlyArray<string>
}

export interface CompileOptions {
  /** Real chain data, for a start network given only as a date. */
  readonly chainData?: ChainData | undefined
}

// Events at the same time keep the catalogue's natural order: the start, purchases, contracts, the pool, the sales
// policy, then everything scheduled (deployments, prices, curtailment...) in the plan's order.
const RANK: Partial<Record<EventType, number>> = {
  ScenarioStarted: 0, HashratePurchased: 1, HostingContractSigned: 2, PoolConfigured: 3, SalesPolicySet: 4, OperatingPolicySet: 4
}

const ACTIONS = ["deploy", "remove", "price", "curtail", "resume", "sell", "sales", "pool", "operating"] as const

/** A builder for one event: collects data, the origin of each field, and literal spellings of bare numbers. */
class EventDraft {
  readonly fieldOrigins = new Map<string, Origin>()
  readonly literals = new Map<string, string>()
  readonly data: Record<string, unknown> = {}
  constructor(readonly type: EventType, readonly atS: number, readonly origin: Origin) {}
}

/** Reads `key` of `map` into `draft.data[dataPath]` (dotted; nested objects created), recording origin and literal. */
const field = <A>(draft: EventDraft, map: PlanMap, key: string, dataPath: string, read: (text: string) => A, fallback?: () => A): A => {
  const got = map.get(key)
  const value = map.read(key, read, fallback)
  const parts = dataPath.split(".")
  let target = draft.data
  for (const p of parts.slice(0, -1)) target = (target[p] ??= {}) as Record<string, unknown>
  target[parts[parts.length - 1]!] = value
  if (got !== undefined) {
    if (!draft.fieldOrigins.has(parts[0]!)) draft.fieldOrigins.set(parts[0]!, got.origin)
    const n = got.node
    if (isScalar(n) && typeof n.value === "number" && n.value === value && n.source !== undefined && /^-?\d+(\.\d+)?$/.test(n.source)) {
      draft.literals.set(dataPath, n.source)
    }
  }
  return value
}

const text = (t: string): string => t
const yesNo = (t: string): boolean => {
  if (/^(true|yes)$/i.test(t.trim())) return true
  if (/^(false|no)$/i.test(t.trim())) return false
  throw new UnitInvalidError(`expected yes or no, got "${t}"`)
}
/** `alwaysOn`, `breakeven`, or `off below $25/PH/day` (the hashprice floor, USD per PH/s per day). */
const operatingPolicy = (t: string): Record<string, unknown> => {
  const s = t.trim()
  if (/^(alwaysOn|always on)$/i.test(s)) return { kind: "alwaysOn" }
  if (/^breakeven$/i.test(s)) return { kind: "breakeven" }
  const m = /^off below\s+(\S+?)\s*\/\s*PH(\/s)?\s*\/\s*day$/i.exec(s)
  if (m !== null) return { kind: "hashpriceFloor", floorUsdPerPhDay: parseUsdCents(m[1]!) / 100 }
  throw new UnitInvalidError(`unknown operating policy "${s}"${didYouMean(s, ["alwaysOn", "breakeven"])}: alwaysOn, breakeven or "off below $25/PH/day"`)
}
const id = (t: string): string => {
  if (t.trim() === "") throw new UnitInvalidError("expected a name (an id such as bitmain-32eh)")
  return t
}
const signedFraction = (t: string): number => parseFraction(t, { signed: true, perYear: true })
const nonNegative = (t: string): number => (/%\s*$/.test(t) ? parseFraction(t) : parsePlainNumber(t))

/** Compiles plan text; throws PlanInvalidError with every root problem (one per line). */
export const compilePlan = (source: string, options: CompileOptions = {}): CompiledPlan => {
  const lines = new LineCounter()
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false })
  const problems = new ProblemList()
  for (const e of doc.errors) problems.add(e.linePos?.[0].line ?? 1, "yaml", e.message.split("\n")[0]!)
  if (problems.size > 0) throw new PlanInvalidError(problems.sorted())
  const ctx = new PlanContext(lines, problems)
  const root = PlanMap.of(ctx, doc.contents, "", 1)
  if (root === undefined) throw new PlanInvalidError(problems.sorted())

  const drafts: Array<EventDraft> = []
  const notes: Array<string> = []
  const lotIds = new Map<string, Origin>()
  const siteIds = new Map<string, Origin>()

  // ---- the start ----
  const startS = attempt(() => root.read("start", parseDateS))
  const untilS = attempt(() => root.read("until", parseDateS))
  const start = new EventDraft("ScenarioStarted", startS ?? 0, root.originOf("start"))
  attempt(() => field(start, root, "name", "name", text))

  // Ids first, so a reference anywhere in the plan can be checked against them whatever the order of sections.
  const lotsNode = root.get("lots")
  const contractsNode = root.get("contracts")
  const lotItems = lotsNode === undefined ? [] : listItems(ctx, lotsNode.node, lotsNode.origin)
  const contractItems = contractsNode === undefined ? [] : listItems(ctx, contractsNode.node, contractsNode.origin)
  const registerIds = (items: ReadonlyArray<{ node: unknown; line: number }>, key: string, into: Map<string, Origin>, path: string) => {
    for (const item of items) {
      if (!isMap(item.node)) continue
      const v = scalarText(item.node.get(key, true))
      if (v !== undefined && !into.has(v)) into.set(v, { line: item.line, key: `${path}.${key}` })
    }
  }
  registerIds(lotItems, "id", lotIds, "lots")
  registerIds(contractItems, "site", siteIds, "contracts")

  const knownRef = (kind: "lot" | "site", known: Map<string, Origin>) => (t: string): string => {
    if (known.has(t)) return t
    const hint = closestName(t, known.keys())
    const names = kind === "lot" ? "the lots' ids" : "the sites of the contracts"
    throw new UnitInvalidError(`unknown ${kind} "${t}"${hint === undefined ? "" : ` (did you mean "${hint}"?)`}; ${names}: ${[...known.keys()].join(", ") || "none"}`)
  }
  const lotRef = knownRef("lot", lotIds)
  const siteRef = knownRef("site", siteIds)

  // ---- the network at the start ----
  attempt(() => {
    const net = root.get("network")
    const map = net === undefined ? undefined : PlanMap.of(ctx, net.node, "network", net.origin.line)
    const stated = {
      height: map === undefined ? undefined : attempt(() => map.read("height", (t) => parsePlainNumber(t), () => undefined as unknown as number)),
      bits: map === undefined ? undefined : attempt(() => {
        if (map.has("bits") && map.has("difficulty")) {
          ctx.problems.add(map.originOf("difficulty").line, "network.difficulty", "give bits or difficulty, not both")
          return undefined
        }
        if (map.has("bits")) return map.read("bits", (t) => {
          try {
            return parseBits(t)
          } catch {
            throw new UnitInvalidError(`expected compact bits as 8 hex digits such as "1702c4de", got "${t}"`)
          }
        })
        return map.read("difficulty", (t) => difficultyToBits(parseDifficulty(t)), () => undefined as unknown as number)
      }),
      epochFirstBlockTimeS: map === undefined ? undefined : attempt(() => map.read("epochStart", parseDateS, () => undefined as unknown as number)),
      hashrateThs: map === undefined ? undefined : attempt(() => map.read("hashrate", parseHashrateThs, () => undefined as unknown as number))
    }
    map?.finish()
    if (startS === undefined) return
    const origin = net?.origin ?? root.originOf("start")
    try {
      const n = resolveStartNetwork(startS, Object.fromEntries(Object.entries(stated).filter(([, v]) => v !== undefined)), options.chainData)
      start.data.network = { height: n.height, bits: n.bits, epochFirstBlockTimeS: n.epochFirstBlockTimeS, hashrateThs: n.hashrateThs }
      start.fieldOrigins.set("network", origin)
      notes.push(n.note)
    } catch (error) {
      if (error instanceof NetworkUnresolvedError) ctx.problems.add(origin.line, "network", error.message)
      else throw error
    }
  })
  attempt(() => field(start, root, "btcPrice", "priceUsdCents", parseUsdCents))
  if (untilS !== undefined) {
    start.data.until = formatAtS(untilS)
    start.fieldOrigins.set("until", root.originOf("until"))
  }
  attempt(() => field(start, root, "discountRate", "discountRatePerYear", (t) => parseFraction(t, { perYear: true })))

  // ---- the market model ----
  attempt(() => {
    const m = root.get("market")
    if (m === undefined) {
      ctx.problems.add(root.line, "market", `missing: every plan needs "market" (price, otherHashrate, feePerBlock, uptime)`)
      return
    }
    const market = PlanMap.of(ctx, m.node, "market", m.origin.line)
    if (market === undefined) return
    start.fieldOrigins.set("market", m.origin)
    const models = { otherHashrate: ["gbm", "table", "hashprice"], price: ["gbm", "table", "jumpDiffusion"] } as const
    const model = (key: "price" | "otherHashrate", valueKey: string, dataKey: string, read: (t: string) => number) => attempt(() => {
      const got = market.get(key)
      const map = got === undefined ? undefined : PlanMap.of(ctx, got.node, `market.${key}`, got.origin.line)
      const names: ReadonlyArray<string> = models[key]
      if (map === undefined) {
        if (got === undefined) ctx.problems.add(market.line, `market.${key}`, `missing: the market needs "${key}" ({ model: ${names.join(" | ")}, ... })`)
        return
      }
      const kind = attempt(() => map.read("model", (t) => {
        if (names.includes(t)) return t
        throw new UnitInvalidError(`unknown model "${t}"${didYouMean(t, names)}: ${names.join(", ")}`)
      }))
      if (kind !== undefined) attempt(() => field(start, map, "model", `market.${key}.model`, text))
      if (kind === "gbm") {
        attempt(() => field(start, map, "drift", `market.${key}.driftPerYear`, signedFraction))
        attempt(() => field(start, map, "volatility", `market.${key}.volatilityPerYear`, (t) => parseFraction(t, { perYear: true })))
      } else if (kind === "jumpDiffusion") {
        attempt(() => field(start, map, "drift", `market.${key}.driftPerYear`, signedFraction))
        attempt(() => field(start, map, "volatility", `market.${key}.volatilityPerYear`, (t) => parseFraction(t, { perYear: true })))
        attempt(() => field(start, map, "jumpsPerYear", `market.${key}.jumpsPerYear`, (t) => parsePlainNumber(t)))
        attempt(() => field(start, map, "jumpMean", `market.${key}.jumpLogMean`, (t) => parseFraction(t, { signed: true })))
        attempt(() => field(start, map, "jumpSd", `market.${key}.jumpLogSd`, (t) => parseFraction(t)))
      } else if (kind === "hashprice") {
        hashpriceNetwork(map, `market.${key}`)
      } else if (kind === "table") {
        const pts = map.get("points")
        const points: Array<Record<string, unknown>> = []
        for (const item of pts === undefined ? [] : listItems(ctx, pts.node, pts.origin)) {
          const p = PlanMap.of(ctx, item.node, `market.${key}.points`, item.line)
          if (p === undefined) continue
          const at = attempt(() => p.read("on", parseDateS))
          const v = attempt(() => p.read(valueKey, read))
          p.finish()
          if (at !== undefined && v !== undefined) points.push({ at: formatAtS(at), [dataKey]: v })
        }
        ;((start.data.market as Record<string, Record<string, unknown>>)[key] ??= {}).points = points
      }
      map.finish()
    })
    /**
     * The hashprice network: its sourced defaults (docs/MARKET.md) written out in full into the scenario, so a
     * scenario says what it ran with; the plan may override the scalar parameters in human units.
     */
    const hashpriceNetwork = (map: PlanMap, path: string) => {
      const d = HASHPRICE_NETWORK_DEFAULTS
      const into = ((start.data.market as Record<string, Record<string, unknown>>).otherHashrate ??= {})
      into.classes = d.classes.map((c) => ({ ...c }))
      into.entrants = d.entrants.map((e) => ({ ...e }))
      const scalar = (key: string, dataKey: keyof typeof d, parse: (t: string) => number) =>
        attempt(() => field(start, map, key, `${path}.${dataKey}`, parse, () => d[dataKey] as number))
      scalar("frontierEfficiency", "frontierEfficiencyJth", parseEfficiencyJth)
      scalar("frontierImprovement", "frontierImprovementPerYear", (t) => parseFraction(t, { perYear: true }))
      scalar("machinePrice", "machinePriceUsdPerTh", (t) => parseUsdCents(t.replace(/\s*(\/|per)\s*TH(\/s)?\s*$/i, "")) / 100)
      scalar("machinePriceChange", "machinePriceChangePerYear", (t) => parseFraction(t, { signed: true, perYear: true }))
      scalar("machineLife", "machineLifeYears", (t) => parseDuration(t, "years"))
      scalar("hurdleRate", "hurdleRatePerYear", (t) => parseFraction(t, { perYear: true }))
      scalar("nonPowerOpex", "nonPowerOpexFraction", (t) => parseFraction(t))
      scalar("orderLag", "orderLagDays", (t) => parseDuration(t, "days"))
      scalar("orderResponse", "orderResponseYears", (t) => parseDuration(t, "years"))
      scalar("switchOffLag", "switchOffLagDays", (t) => parseDuration(t, "days"))
      scalar("switchOnLag", "switchOnLagDays", (t) => parseDuration(t, "days"))
      scalar("cohortSpan", "cohortYears", (t) => parseDuration(t, "years"))
      if (map.has("onOrder")) attempt(() => field(start, map, "onOrder", `${path}.onOrderThs`, parseHashrateThs))
    }
    model("otherHashrate", "hashrate", "hashrateThs", parseHashrateThs)
    model("price", "price", "priceUsdCents", parseUsdCents)
    const sub = (key: string, read: (map: PlanMap) => void, optional = false) => attempt(() => {
      const got = market.get(key)
      if (got === undefined) {
        if (!optional) ctx.problems.add(market.line, `market.${key}`, `missing: the market needs "${key}"`)
        return
      }
      const map = PlanMap.of(ctx, got.node, `market.${key}`, got.origin.line)
      if (map === undefined) return
      read(map)
      map.finish()
    })
    sub("feePerBlock", (map) => {
      const kind = map.has("model") ? attempt(() => map.read("model", (t) => {
        if (t === "meanReverting" || t === "constant") return t
        throw new UnitInvalidError(`unknown fee model "${t}"${didYouMean(t, ["constant", "meanReverting"])}: constant (the default) or meanReverting`)
      })) : "constant"
      if (kind === "meanReverting") attempt(() => field(start, map, "model", "market.feePerBlock.model", text))
      attempt(() => field(start, map, "mean", "market.feePerBlock.meanSats", parseSats))
      if (kind === "meanReverting") {
        attempt(() => field(start, map, "halfLife", "market.feePerBlock.halfLifeYears", (t) => parseDuration(t, "years")))
        attempt(() => field(start, map, "volatility", "market.feePerBlock.volatilityPerYear", (t) => parseFraction(t, { perYear: true })))
        if (map.has("start")) attempt(() => field(start, map, "start", "market.feePerBlock.startSats", parseSats))
      }
      attempt(() => field(start, map, "shape", "market.feePerBlock.shape", (t) => parsePlainNumber(t)))
    })
    sub("uptime", (map) => {
      attempt(() => field(start, map, "mean", "market.uptime.meanFraction", (t) => parseFraction(t)))
      attempt(() => field(start, map, "sd", "market.uptime.sdFraction", (t) => parseFraction(t)))
    })
    sub("curtailment", (map) => {
      attempt(() => field(start, map, "eventsPerYear", "market.curtailment.eventsPerYear", (t) => parsePlainNumber(t)))
      attempt(() => field(start, map, "meanDuration", "market.curtailment.meanDurationHours", (t) => parseDuration(t, "hours")))
      attempt(() => field(start, map, "fraction", "market.curtailment.fraction", (t) => parseFraction(t)))
      const sites = map.get("sites")
      const ids: Array<string> = []
      for (const item of sites === undefined ? [] : listItems(ctx, sites.node, sites.origin)) {
        const v = attempt(() => readValue(ctx, item.node, { line: item.line, key: "market.curtailment.sites" }, siteRef))
        if (v !== undefined) ids.push(v)
      }
      if (sites === undefined) ctx.problems.add(map.line, "market.curtailment.sites", `missing: the sites random curtailment hits (e.g. [texas-ercot])`)
      ;((start.data.market as Record<string, Record<string, unknown>>).curtailment ??= {}).siteIds = ids
    }, true)
    sub("uncertainty", (map) => {
      attempt(() => field(start, map, "otherHashrateDriftSd", "market.uncertainty.otherHashrateDriftSd", nonNegative))
      attempt(() => field(start, map, "priceDriftSd", "market.uncertainty.priceDriftSd", nonNegative))
      attempt(() => field(start, map, "feeLevelSigma", "market.uncertainty.feeLevelSigma", nonNegative))
    }, true)
    market.finish()
  })
  drafts.push(start)
  const at0 = startS ?? 0

  // ---- lots ----
  for (const item of lotItems) {
    const map = PlanMap.of(ctx, item.node, "lots", item.line)
    if (map === undefined) continue
    const when = attempt(() => map.read("bought", parseDateS, () => at0)) ?? at0
    const d = new EventDraft("HashratePurchased", when, { line: item.line, key: "lots" })
    attempt(() => field(d, map, "id", "lotId", id))
    attempt(() => field(d, map, "vendor", "vendor", text))
    const ths = attempt(() => field(d, map, "hashrate", "hashrateThs", parseHashrateThs))
    attempt(() => field(d, map, "machine", "machineModel", text))
    attempt(() => field(d, map, "efficiency", "efficiencyJth", parseEfficiencyJth))
    attempt(() => field(d, map, "price", "priceUsdCents", parseUsdCents))
    attempt(() => field(d, map, "life", "lifeYears", (t) => parseDuration(t, "years")))
    attempt(() => {
      const p = map.get("payment")
      if (p === undefined || (isScalar(p.node) && p.node.value === "cash")) {
        d.data.payment = { kind: "cash" }
        return
      }
      const pm = PlanMap.of(ctx, p.node, "lots.payment", p.origin.line)
      if (pm === undefined) return
      d.data.payment = { kind: "shares" }
      attempt(() => field(d, pm, "shares", "payment.shares", (t) => parsePlainNumber(t)))
      attempt(() => field(d, pm, "sharePrice", "payment.sharePriceUsdCents", parseUsdCents))
      pm.finish()
    })
    drafts.push(d)
    // `site:` on a lot deploys the whole lot there when it is bought.
    const site = attempt(() => map.read("site", siteRef, () => undefined as unknown as string))
    if (site !== undefined && ths !== undefined) {
      const dep = new EventDraft("MachinesDeployed", when, map.originOf("site"))
      dep.data.lotId = d.data.lotId
      dep.data.siteId = site
      dep.data.hashrateThs = ths
      drafts.push(dep)
    }
    map.finish()
  }

  // ---- contracts ----
  for (const item of contractItems) {
    const map = PlanMap.of(ctx, item.node, "contracts", item.line)
    if (map === undefined) continue
    const when = attempt(() => map.read("signed", parseDateS, () => at0)) ?? at0
    const d = new EventDraft("HostingContractSigned", when, { line: item.line, key: "contracts" })
    attempt(() => field(d, map, "id", "contractId", id))
    attempt(() => field(d, map, "host", "host", text))
    attempt(() => field(d, map, "site", "siteId", id))
    attempt(() => field(d, map, "rate", "ratePerMwhUsdCents", parseRatePerMwhUsdCents))
    attempt(() => field(d, map, "ends", "endsAt", (t) => formatAtS(parseDateS(t)), () => (untilS === undefined ? "" : formatAtS(untilS))))
    attempt(() => field(d, map, "uptimeSla", "uptimeSlaFraction", (t) => parseFraction(t), () => 0))
    attempt(() => field(d, map, "slaCredit", "slaCreditPerMwhUsdCents", parseRatePerMwhUsdCents, () => 0))
    attempt(() => field(d, map, "curtailmentCredit", "curtailmentCreditPerMwhUsdCents", parseRatePerMwhUsdCents, () => 0))
    if (map.has("takeOrPay")) attempt(() => field(d, map, "takeOrPay", "takeOrPayFraction", (t) => parseFraction(t)))
    if (map.has("creditsOwnSwitchOff")) attempt(() => field(d, map, "creditsOwnSwitchOff", "creditsOwnSwitchOff", yesNo))
    map.finish()
    drafts.push(d)
  }

  // ---- pool and sales (at the start; the schedule may change them later) ----
  const poolOf = (d: EventDraft, map: PlanMap) => {
    attempt(() => field(d, map, "mode", "mode", (t) => {
      if (t === "solo" || t === "fpps" || t === "pplns") return t
      throw new UnitInvalidError(`unknown pool mode "${t}"${didYouMean(t, ["solo", "fpps", "pplns"])}: solo, fpps or pplns`)
    }))
    attempt(() => field(d, map, "fee", "feeFraction", (t) => parseFraction(t), () => 0))
  }
  const salesPolicy = (node: unknown, origin: Origin): unknown => {
    if (isMap(node)) {
      const map = new PlanMap(ctx, node, origin.key, origin.line)
      const f = attempt(() => map.read("sellShareMonthly", (t) => parseFraction(t)))
      map.finish()
      return f === undefined ? undefined : { kind: "sellShareMonthly", fraction: f }
    }
    return attempt(() => readValue(ctx, node, origin, (t) => {
      const s = t.trim()
      if (s === "hold") return { kind: "hold" }
      if (/^(sellToCoverHosting|sell to cover hosting)$/i.test(s)) return { kind: "sellToCoverHosting" }
      const m = /^sell\s+(\S+)\s+(?:monthly|each month|a month)$/i.exec(s)
      if (m !== null) return { kind: "sellShareMonthly", fraction: parseFraction(m[1]!) }
      throw new UnitInvalidError(`unknown sales policy "${s}"${didYouMean(s, ["hold", "sellToCoverHosting"])}: hold, "sell 50% monthly" or sellToCoverHosting`)
    }))
  }
  const poolNode = root.get("pool")
  if (poolNode !== undefined) {
    const map = PlanMap.of(ctx, poolNode.node, "pool", poolNode.origin.line)
    if (map !== undefined) {
      const d = new EventDraft("PoolConfigured", at0, poolNode.origin)
      poolOf(d, map)
      map.finish()
      drafts.push(d)
    }
  }
  const salesNode = root.get("sales")
  if (salesNode !== undefined) {
    const policy = salesPolicy(salesNode.node, salesNode.origin)
    if (policy !== undefined) {
      const d = new EventDraft("SalesPolicySet", at0, salesNode.origin)
      d.data.policy = policy
      drafts.push(d)
    }
  }

  const operatingNode = root.get("operating")
  if (operatingNode !== undefined) {
    const policy = attempt(() => readValue(ctx, operatingNode.node, operatingNode.origin, operatingPolicy))
    if (policy !== undefined) {
      const d = new EventDraft("OperatingPolicySet", at0, operatingNode.origin)
      d.data.policy = policy
      drafts.push(d)
    }
  }

  // ---- the schedule ----
  const schedule = root.get("schedule")
  for (const item of schedule === undefined ? [] : listItems(ctx, schedule.node, schedule.origin)) {
    const map = PlanMap.of(ctx, item.node, "schedule", item.line)
    if (map === undefined) continue
    const present = ACTIONS.filter((a) => map.has(a))
    if (present.length !== 1) {
      const keys = map.node.items.map((p) => String(isScalar(p.key) ? p.key.value : p.key)).filter((k) => k !== "on")
      const near = keys.map((k) => closestName(k, ACTIONS)).find((k) => k !== undefined)
      ctx.problems.add(item.line, "schedule", present.length === 0
        ? `no action: an item does one of ${ACTIONS.join(", ")}${near === undefined ? "" : ` (did you mean "${near}"?)`}`
        : `one action an item, got ${present.join(" and ")}: split it into two items`)
      continue
    }
    const action = present[0]!
    const when = attempt(() => map.read("on", parseDateS))
    if (when === undefined) continue
    const origin = { line: item.line, key: `schedule.${action}` }
    const at = (type: EventType) => new EventDraft(type, when, origin)
    let d: EventDraft | undefined
    switch (action) {
      case "deploy":
      case "remove": {
        d = at(action === "deploy" ? "MachinesDeployed" : "MachinesRemoved")
        const e = d
        attempt(() => field(e, map, "lot", "lotId", lotRef))
        attempt(() => field(e, map, "site", "siteId", siteRef))
        attempt(() => field(e, map, action, "hashrateThs", parseHashrateThs))
        break
      }
      case "price": {
        d = at("PriceObserved")
        const e = d
        attempt(() => field(e, map, "price", "priceUsdCents", parseUsdCents))
        break
      }
      case "curtail": {
        d = at("CurtailmentStarted")
        const e = d
        attempt(() => field(e, map, "site", "siteId", siteRef))
        attempt(() => field(e, map, "curtail", "fraction", (t) => parseFraction(t)))
        break
      }
      case "resume": {
        d = at("CurtailmentEnded")
        const e = d
        attempt(() => field(e, map, "resume", "siteId", siteRef))
        break
      }
      case "sell": {
        d = at("BtcSold")
        const e = d
        const sats = attempt(() => field(e, map, "sell", "amountSats", parseSats))
        const price = attempt(() => field(e, map, "price", "priceUsdCents", parseUsdCents))
        if (sats !== undefined && price !== undefined) e.data.proceedsUsdCents = satsToUsdCents(sats, price)
        break
      }
      case "sales": {
        const got = map.get("sales")!
        const policy = salesPolicy(got.node, got.origin)
        if (policy !== undefined) {
          d = at("SalesPolicySet")
          d.data.policy = policy
        }
        break
      }
      case "operating": {
        const got = map.get("operating")!
        const policy = attempt(() => readValue(ctx, got.node, got.origin, operatingPolicy))
        if (policy !== undefined) {
          d = at("OperatingPolicySet")
          d.data.policy = policy
        }
        break
      }
      case "pool": {
        const got = map.get("pool")!
        const pm = PlanMap.of(ctx, got.node, "schedule.pool", got.origin.line)
        if (pm !== undefined) {
          d = at("PoolConfigured")
          poolOf(d, pm)
          pm.finish()
        }
        break
      }
    }
    map.finish()
    if (d !== undefined) drafts.push(d)
  }

  // ---- recurring curtailment ----
  const rules = root.get("curtailmentRules")
  for (const item of rules === undefined ? [] : listItems(ctx, rules.node, rules.origin)) {
    const map = PlanMap.of(ctx, item.node, "curtailmentRules", item.line)
    if (map === undefined) continue
    attempt(() => {
      const site = map.read("site", siteRef)
      let rule: CurtailmentRule | undefined
      if (map.has("rule")) rule = map.read("rule", parseRuleText)
      else {
        const fraction = map.read("curtail", (t) => parseFraction(t))
        const hours = map.read("hours", parseHours)
        rule = {
          fraction,
          weekdays: map.read("days", parseDays, () => parseDays("daily")),
          months: map.read("months", parseMonths, () => parseMonths("all")),
          startS: hours.startS,
          endS: hours.endS
        }
      }
      const fromS = map.read("from", parseDateS, () => at0)
      const toS = map.read("to", parseDateS, () => untilS ?? at0)
      const origin = { line: item.line, key: "curtailmentRules" }
      for (const w of expandRule(rule, Math.max(fromS, at0), Math.min(toS, untilS ?? toS), untilS ?? toS)) {
        const s = new EventDraft("CurtailmentStarted", w.startS, origin)
        s.data.siteId = site
        s.data.fraction = rule.fraction
        drafts.push(s)
        if (w.endS !== undefined) {
          const e = new EventDraft("CurtailmentEnded", w.endS, origin)
          e.data.siteId = site
          drafts.push(e)
        }
      }
    })
    map.finish()
  }
  root.finish()
  if (problems.size > 0) throw new PlanInvalidError(problems.sorted())

  // ---- order, then the ledger's own checks, mapped back to the plan ----
  const ordered = drafts
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.atS - b.d.atS || (RANK[a.d.type] ?? 5) - (RANK[b.d.type] ?? 5) || a.i - b.i)
    .map(({ d }) => d)
  for (const d of ordered) {
    if (startS !== undefined && d.atS < startS) problems.add(d.origin.line, d.origin.key, `${formatAtS(d.atS)} is before the plan's start (${formatAtS(startS)})`)
    if (untilS !== undefined && d.atS >= untilS && d.type !== "ScenarioStarted") {
      problems.add(d.origin.line, d.origin.key, `${formatAtS(d.atS)} is not before the plan's end (until ${formatAtS(untilS)})`)
    }
  }
  if (problems.size > 0) throw new PlanInvalidError(problems.sorted())
  const events: Array<CompiledEvent> = ordered.map((d) => ({
    at: formatAtS(d.atS), type: d.type, v: currentVersion[d.type], data: d.data, origin: d.origin, fieldOrigins: d.fieldOrigins, literals: d.literals
  }))
  // A value past the catalogue's bounds fails at encoding: reported at the plan line that set it, as any problem is.
  let scenario = ""
  for (const e of events) {
    try {
      scenario += scenarioLine(e) + "\n"
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).split("\n")
      const field = /\["([^"\]]+)"\]/.exec(message.slice(1).join(" "))?.[1] ?? ""
      const o = e.fieldOrigins.get(field) ?? e.origin
      problems.add(o.line, o.key, `out of range: ${message[0]}${field === "" ? "" : ` (${field})`}; the bounds are in docs/EVENTS.md, "Bounds"`)
    }
  }
  if (problems.size > 0) throw new PlanInvalidError(problems.sorted())
  const checked = validateLogText(scenario)
  for (const p of checked.problems) {
    const e = events[p.line - 1]
    if (e === undefined) {
      problems.add(1, p.field, p.message)
      continue
    }
    const top = p.field.startsWith("data.") ? p.field.slice(5).split(".")[0]! : ""
    const o = e.fieldOrigins.get(top) ?? e.origin
    problems.add(o.line, o.key, p.message)
  }
  if (problems.size > 0) throw new PlanInvalidError(problems.sorted())
  return { events, text: scenario, notes }
}
