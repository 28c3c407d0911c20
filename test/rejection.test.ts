// Rejection, model-based: random sequences of plan events — some valid, many breaking a rule — go to the ledger's
// `decide` and, when accepted, `evolve`. A deliberately simpler model of the fleet and the treasury (whole TH/s in
// maps, BTC in one number) says what must happen: any event that breaks a rule is rejected with the typed error
// the rule names and leaves the state unchanged; an accepted one moves real state and model alike.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  decide, evolve, initialState, type LedgerState, lookup, satsToUsdCents, type TimedEvent
} from "../packages/ledger/src/index.ts"
import { propertyRuns, propertyTimeoutMs } from "./support/runs.ts"

const T0 = Date.parse("2025-01-01T00:00:00Z") / 1000
const iso = (s: number): string => new Date(s * 1000).toISOString().replace(".000Z", "Z")

/** The simpler model: what was bought, where it runs, what is curtailed, what is held, and the clock. */
interface Model {
  readonly lots: Map<string, { readonly ths: number; readonly bySite: Map<string, number> }>
  readonly contracts: Set<string>
  readonly sites: Set<string>
  readonly curtailed: Set<string>
  heldSats: number
  nowS: number
}
interface Real {
  state: LedgerState
}

/** What the model expects of an event: accepted, or rejected with this tag. */
type Expected = { readonly accept: true } | { readonly accept: false; readonly tag: string }
const accept: Expected = { accept: true }
const reject = (tag: string): Expected => ({ accept: false, tag })

/** How often each outcome happened over the whole property (accepted, or the rejection's tag). */
const outcomes = new Map<string, number>()
const LOTS = ["a", "b", "c"] as const
const SITES = ["tx", "ny"] as const
const CONTRACTS = ["c1", "c2", "c3"] as const

const deployedOf = (m: Model, lotId: string): number => {
  let sum = 0
  for (const v of m.lots.get(lotId)?.bySite.values() ?? []) sum += v
  return sum
}

/** One plan event as a command: the model predicts, `decide` answers, and both books are compared. */
abstract class EventCommand implements fc.Command<Model, Real> {
  constructor(protected readonly dtS: number) {}
  abstract expected(m: Model): Expected
  abstract event(at: string, m: Model): TimedEvent
  abstract apply(m: Model): void
  atS(m: Model): number {
    return m.nowS + this.dtS
  }
  check(): boolean {
    return true
  }
  run(m: Model, r: Real): void {
    const atS = this.atS(m)
    const e = this.event(iso(atS), m)
    const expected = atS < m.nowS ? reject("EventTimeBackwardsError") : this.expected(m)
    const before = JSON.stringify(r.state)
    const decision = decide(r.state, e)
    const key = expected.accept ? `accepted ${e.type}` : expected.tag
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1)
    // decide never changes the state it is given.
    expect(JSON.stringify(r.state)).toBe(before)
    if (!expected.accept) {
      expect(decision._tag).toBe("Failure")
      if (decision._tag === "Failure") {
        expect(decision.failure._tag).toBe(expected.tag)
        expect(decision.failure.field).not.toBe("")
      }
      // Rejected: nothing is applied; the real books still match the model.
    } else {
      expect(decision._tag === "Failure" ? decision.failure : "accepted").toBe("accepted")
      r.state = evolve(r.state, e)
      m.nowS = Math.max(m.nowS, atS)
      this.apply(m)
    }
    compareBooks(m, r.state)
  }
  abstract toString(): string
}

const compareBooks = (m: Model, s: LedgerState): void => {
  expect(Object.keys(s.lots).sort()).toEqual([...m.lots.keys()].sort())
  for (const [lotId, lot] of m.lots) {
    const real = lookup(s.lots, lotId)!
    expect(real.hashrateThs).toBe(lot.ths)
    expect(real.deployedThs).toBeCloseTo(deployedOf(m, lotId), 6)
    const sites = Object.fromEntries([...lot.bySite].filter(([, v]) => v > 0))
    expect(Object.keys(real.deployedThsBySite).sort()).toEqual(Object.keys(sites).sort())
    for (const [site, v] of Object.entries(sites)) expect(real.deployedThsBySite[site]).toBeCloseTo(v, 6)
  }
  expect(s.treasury.btcHeldSats).toBe(m.heldSats)
  for (const site of m.sites) expect(lookup(s.sites, site)!.curtailedFraction > 0).toBe(m.curtailed.has(site))
}

class Buy extends EventCommand {
  constructor(dt: number, readonly lotId: string, readonly ths: number) { super(dt) }
  expected(m: Model): Expected {
    return m.lots.has(this.lotId) ? reject("LotDuplicateError") : accept
  }
  event(at: string): TimedEvent {
    return {
      at, type: "HashratePurchased", v: 1,
      data: { lotId: this.lotId, vendor: "v", hashrateThs: this.ths, machineModel: "m", efficiencyJth: 17.5, priceUsdCents: this.ths * 1_000, lifeYears: 4, payment: { kind: "cash" } }
    }
  }
  apply(m: Model): void {
    m.lots.set(this.lotId, { ths: this.ths, bySite: new Map() })
  }
  toString(): string {
    return `Buy(+${this.dtS}s, ${this.lotId}, ${this.ths})`
  }
}

class Sign extends EventCommand {
  constructor(dt: number, readonly contractId: string, readonly siteId: string) { super(dt) }
  expected(m: Model): Expected {
    // Contracts here run for years, so a second one for a site is always too early.
    if (m.contracts.has(this.contractId)) return reject("ContractDuplicateError")
    return m.sites.has(this.siteId) ? reject("SiteAlreadyContractedError") : accept
  }
  event(at: string): TimedEvent {
    return {
      at, type: "HostingContractSigned", v: 1,
      data: {
        contractId: this.contractId, host: "h", siteId: this.siteId, ratePerMwhUsdCents: 7_000, endsAt: "2030-01-01T00:00:00Z",
        uptimeSlaFraction: 0.95, slaCreditPerMwhUsdCents: 0, curtailmentCreditPerMwhUsdCents: 0
      }
    }
  }
  apply(m: Model): void {
    m.contracts.add(this.contractId)
    m.sites.add(this.siteId)
  }
  toString(): string {
    return `Sign(+${this.dtS}s, ${this.contractId}, ${this.siteId})`
  }
}

class Move extends EventCommand {
  constructor(dt: number, readonly kind: "MachinesDeployed" | "MachinesRemoved", readonly lotId: string, readonly siteId: string, readonly ths: number) { super(dt) }
  expected(m: Model): Expected {
    const lot = m.lots.get(this.lotId)
    if (lot === undefined) return reject("LotUnknownError")
    if (!m.sites.has(this.siteId)) return reject("SiteUnknownError")
    if (this.kind === "MachinesDeployed") return this.ths > lot.ths - deployedOf(m, this.lotId) ? reject("LotOverDeployedError") : accept
    return this.ths > (lot.bySite.get(this.siteId) ?? 0) ? reject("SiteOverRemovedError") : accept
  }
  event(at: string): TimedEvent {
    return { at, type: this.kind, v: 1, data: { lotId: this.lotId, siteId: this.siteId, hashrateThs: this.ths } } as TimedEvent
  }
  apply(m: Model): void {
    const bySite = m.lots.get(this.lotId)!.bySite
    bySite.set(this.siteId, (bySite.get(this.siteId) ?? 0) + (this.kind === "MachinesDeployed" ? this.ths : -this.ths))
  }
  toString(): string {
    return `${this.kind === "MachinesDeployed" ? "Deploy" : "Remove"}(+${this.dtS}s, ${this.lotId}, ${this.siteId}, ${this.ths})`
  }
}

class Curtail extends EventCommand {
  constructor(dt: number, readonly siteId: string, readonly fraction: number | null) { super(dt) }
  expected(m: Model): Expected {
    if (!m.sites.has(this.siteId)) return reject("SiteUnknownError")
    return this.fraction === null && !m.curtailed.has(this.siteId) ? reject("CurtailmentNotActiveError") : accept
  }
  event(at: string): TimedEvent {
    return this.fraction === null
      ? { at, type: "CurtailmentEnded", v: 1, data: { siteId: this.siteId } }
      : { at, type: "CurtailmentStarted", v: 1, data: { siteId: this.siteId, fraction: this.fraction } }
  }
  apply(m: Model): void {
    if (this.fraction === null) m.curtailed.delete(this.siteId)
    else m.curtailed.add(this.siteId)
  }
  toString(): string {
    return this.fraction === null ? `EndCurtailment(+${this.dtS}s, ${this.siteId})` : `Curtail(+${this.dtS}s, ${this.siteId}, ${this.fraction})`
  }
}

class Credit extends EventCommand {
  constructor(dt: number, readonly sats: number) { super(dt) }
  expected(): Expected {
    return accept
  }
  event(at: string): TimedEvent {
    return { at, type: "RewardCredited", v: 1, data: { amountSats: this.sats, poolFeeSats: 0, basis: "fpps" } }
  }
  apply(m: Model): void {
    m.heldSats += this.sats
  }
  toString(): string {
    return `Credit(+${this.dtS}s, ${this.sats})`
  }
}

class Sell extends EventCommand {
  constructor(dt: number, readonly sats: number, readonly priceUsdCents: number, readonly proceedsOff: number) { super(dt) }
  expected(m: Model): Expected {
    if (this.sats > m.heldSats) return reject("BtcOversoldError")
    return this.proceedsOff !== 0 ? reject("SaleProceedsMismatchError") : accept
  }
  event(at: string): TimedEvent {
    const proceeds = Math.max(0, satsToUsdCents(this.sats, this.priceUsdCents) + this.proceedsOff)
    return { at, type: "BtcSold", v: 1, data: { amountSats: this.sats, priceUsdCents: this.priceUsdCents, proceedsUsdCents: proceeds } }
  }
  apply(m: Model): void {
    m.heldSats -= this.sats
  }
  toString(): string {
    return `Sell(+${this.dtS}s, ${this.sats}, ${this.priceUsdCents}, proceeds off by ${this.proceedsOff})`
  }
}

/** Any of the above, but dated before the last accepted event. */
class Backwards extends EventCommand {
  constructor(readonly back: number, readonly inner: EventCommand) { super(-back) }
  expected(): Expected {
    return reject("EventTimeBackwardsError")
  }
  event(at: string, m: Model): TimedEvent {
    return this.inner.event(at, m)
  }
  apply(): void {}
  override atS(m: Model): number {
    return m.nowS - this.back
  }
  toString(): string {
    return `Backwards(-${this.back}s, ${this.inner.toString()})`
  }
}

const dt = fc.integer({ min: 0, max: 3_600 })
const lotId = fc.constantFrom(...LOTS)
const siteId = fc.constantFrom(...SITES)
const ths = fc.integer({ min: 1, max: 120 })
const eventCommand: fc.Arbitrary<EventCommand> = fc.oneof(
  fc.tuple(dt, lotId, ths).map(([d, l, t]) => new Buy(d, l, t)),
  fc.tuple(dt, fc.constantFrom(...CONTRACTS), siteId).map(([d, c, s]) => new Sign(d, c, s)),
  fc.tuple(dt, lotId, siteId, ths).map(([d, l, s, t]) => new Move(d, "MachinesDeployed", l, s, t)),
  fc.tuple(dt, lotId, siteId, ths).map(([d, l, s, t]) => new Move(d, "MachinesDeployed", l, s, t)),
  fc.tuple(dt, lotId, siteId, ths).map(([d, l, s, t]) => new Move(d, "MachinesRemoved", l, s, t)),
  fc.tuple(dt, siteId, fc.option(fc.integer({ min: 1, max: 100 }).map((p) => p / 100))).map(([d, s, f]) => new Curtail(d, s, f)),
  fc.tuple(dt, fc.integer({ min: 0, max: 500_000_000 })).map(([d, n]) => new Credit(d, n)),
  fc.tuple(dt, fc.integer({ min: 0, max: 600_000_000 }), fc.integer({ min: 1, max: 20_000_000 }), fc.constantFrom(0, 0, 0, 1, -1)).map(
    ([d, n, p, off]) => new Sell(d, n, p, off)
  )
)
const commands = fc.commands(
  [eventCommand, fc.tuple(fc.integer({ min: 1, max: 86_400 }), eventCommand).map(([b, c]) => new Backwards(b, c))],
  { size: "+1" }
)

const started = (): LedgerState => {
  const start: TimedEvent = {
    at: iso(T0), type: "ScenarioStarted", v: 1,
    data: {
      name: "model", network: { height: 870_000, bits: "17030ecd", epochFirstBlockTimeS: T0 - 600, hashrateThs: 700_000_000 },
      priceUsdCents: 9_000_000, until: "2030-01-01T00:00:00Z", discountRatePerYear: 0.1,
      market: {
        otherHashrate: { model: "gbm", driftPerYear: 0, volatilityPerYear: 0 }, price: { model: "gbm", driftPerYear: 0, volatilityPerYear: 0 },
        feePerBlock: { meanSats: 0, shape: 1 }, uptime: { meanFraction: 1, sdFraction: 0 }
      }
    }
  }
  expect(decide(initialState(), start)._tag).toBe("Success")
  return evolve(initialState(), start)
}

describe("rejection", () => {
  it("any plan event that breaks a rule is rejected by decide with its typed error and leaves state unchanged (model-based)", () => {
    fc.assert(
      fc.property(commands, (cmds) => {
        const model: Model = { lots: new Map(), contracts: new Set(), sites: new Set(), curtailed: new Set(), heldSats: 0, nowS: T0 }
        const real: Real = { state: started() }
        fc.modelRun(() => ({ model, real }), cmds)
      }),
      { numRuns: propertyRuns(200) }
    )
    // Every rule was broken at least once, and every kind of event was also accepted.
    expect([...outcomes.keys()].filter((k) => !k.startsWith("accepted")).sort()).toEqual([
      "BtcOversoldError", "ContractDuplicateError", "CurtailmentNotActiveError", "EventTimeBackwardsError", "LotDuplicateError",
      "LotOverDeployedError", "LotUnknownError", "SaleProceedsMismatchError", "SiteAlreadyContractedError", "SiteOverRemovedError",
      "SiteUnknownError"
    ])
    expect([...outcomes.keys()].filter((k) => k.startsWith("accepted")).sort()).toEqual([
      "accepted BtcSold", "accepted CurtailmentEnded", "accepted CurtailmentStarted", "accepted HashratePurchased",
      "accepted HostingContractSigned", "accepted MachinesDeployed", "accepted MachinesRemoved", "accepted RewardCredited"
    ])
  }, propertyTimeoutMs())
})
