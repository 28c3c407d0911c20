// Plans compile to the very events of the catalogue; each mistake a person makes is caught at the plan's own line
// with a message that names the fix; the reference plans compile byte for byte to the committed scenarios.
import { existsSync, readFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { bitsToDifficulty, parseBits } from "@hashsim/chain"
import { compilePlan, type CompiledPlan } from "../src/PlanCompiler.ts"
import { PlanInvalidError, type PlanProblem } from "../src/PlanProblem.ts"
import { loadChainData } from "../src/ChainDataFiles.ts"
import { plausibilityWarnings } from "../src/Plausibility.ts"
import { planTemplate } from "../src/PlanTemplate.ts"

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..")
const scenario = (name: string): string => readFileSync(join(repoRoot, "scenarios", name), "utf8")

const problemsOf = (text: string): ReadonlyArray<PlanProblem> => {
  try {
    compilePlan(text)
  } catch (error) {
    if (error instanceof PlanInvalidError) return error.problems
    throw error
  }
  throw new Error("expected the plan to be refused")
}

/** The template with the line that contains `find` replaced; returns the text and that line's number. */
const edit = (find: string, replace: string): { text: string; line: number } => {
  const lines = planTemplate.split("\n")
  const i = lines.findIndex((l) => l.includes(find))
  if (i < 0) throw new Error(`no line holds ${find}`)
  lines[i] = lines[i]!.replace(find, replace)
  return { text: lines.join("\n"), line: i + 1 }
}

const warningsOf = (plan: CompiledPlan) =>
  plausibilityWarnings(plan.events, (index, field) => plan.events[index]!.fieldOrigins.get(field.split(".")[0]!) ?? plan.events[index]!.origin)

describe("the reference plans", () => {
  for (const name of ["cango-2024", "cango-2024-self-hosted", "texas-summer-2025"]) {
    it(`${name}.yaml compiles to exactly the bytes of ${name}.jsonl`, () => {
      expect(compilePlan(scenario(`${name}.yaml`)).text).toBe(scenario(`${name}.jsonl`))
    })
  }
  it("the texas plan's curtailment is one rule: 44 weekday windows of July and August 2025, 19:00-24:00", () => {
    const plan = compilePlan(scenario("texas-summer-2025.yaml"))
    const starts = plan.events.filter((e) => e.type === "CurtailmentStarted")
    expect(starts).toHaveLength(44)
    expect(starts.every((e) => e.at.endsWith("T19:00:00Z") && e.origin.key === "curtailmentRules")).toBe(true)
    expect(scenario("texas-summer-2025.yaml").split("\n").filter((l) => l.includes("curtail 80%"))).toHaveLength(1)
  })
  it("init's template is the founding plan", () => {
    expect(planTemplate).toBe(scenario("cango-2024.yaml"))
  })
  it("the reference plans raise no plausibility warning", () => {
    for (const name of ["cango-2024", "cango-2024-self-hosted", "texas-summer-2025"]) {
      expect(warningsOf(compilePlan(scenario(`${name}.yaml`)))).toEqual([])
    }
  })
})

describe("mistakes, each caught at its line with the fix", () => {
  it("units off by 10^6: a bare hashrate is refused, and 47 TH/s for 47 EH/s warns", () => {
    const bare = edit("hashrate: 32 EH/s", "hashrate: 47")
    expect(problemsOf(bare.text)).toEqual([{ line: bare.line, key: "lots.hashrate", message: `a hashrate needs its unit: write "47 EH/s" (or TH/s, PH/s)` }])
    const small = edit("hashrate: 32 EH/s", "hashrate: 47 TH/s")
    const warnings = warningsOf(compilePlan(small.text))
    expect(warnings.map((w) => [w.line, w.key, w.rule])).toContainEqual([small.line, "lots.hashrate", "hashrate-under-1-phs"])
    expect(warnings.find((w) => w.rule === "hashrate-under-1-phs")!.message).toContain(`write "47 EH/s"`)
    expect(warnings.map((w) => w.rule)).toContain("cost-over-100x-price")
  })
  it("dollars for cents: a bare price is refused; a price in the hundreds warns", () => {
    const bare = edit("btcPrice: $75,600", "btcPrice: 7560000")
    expect(problemsOf(bare.text)).toEqual([{ line: bare.line, key: "btcPrice", message: `a dollar amount needs its $: write "$7560000" (amounts are in dollars, e.g. "$400M")` }])
    const cheap = edit("btcPrice: $75,600", "btcPrice: $756")
    const w = warningsOf(compilePlan(cheap.text)).find((x) => x.rule === "price-out-of-range")!
    expect([w.line, w.key]).toEqual([cheap.line, "btcPrice"])
    const rate = edit("rate: $0.075/kWh", "rate: $0.75/kWh")
    expect(warningsOf(compilePlan(rate.text)).find((x) => x.rule === "power-rate-out-of-range")?.line).toBe(rate.line)
    // $/MWh written as $/kWh: past the catalogue's bound, an error at its line (not a throw).
    const perMwh = edit("rate: $0.075/kWh", "rate: $75/kWh")
    expect(problemsOf(perMwh.text)).toEqual([{ line: perMwh.line, key: "contracts.rate", message: expect.stringMatching(/^out of range: .*ratePerMwhUsdCents/) }])
  })
  it("impossible dates say which month is shorter", () => {
    const d = edit("on: 2025-05-01", "on: 2025-06-31")
    expect(problemsOf(d.text)).toEqual([{ line: d.line, key: "schedule.on", message: "2025-06-31 does not exist: June 2025 has 30 days" }])
  })
  it("typos in keys, ids and actions get a did-you-mean", () => {
    const key = edit("efficiency: 17.5 J/TH      #", "efficency: 17.5 J/TH      #")
    const keyProblems = problemsOf(key.text)
    expect(keyProblems.find((p) => p.line === key.line)?.message).toMatch(/^unknown key \(did you mean "efficiency"\?\)/)
    const lot = edit("lot: gtg-18eh, site: bitmain-us }   #", "lot: gtg-18, site: bitmain-us }   #")
    expect(problemsOf(lot.text)).toEqual([{ line: lot.line, key: "schedule.lot", message: `unknown lot "gtg-18" (did you mean "gtg-18eh"?); the lots' ids: bitmain-32eh, gtg-18eh` }])
    const action = edit("deploy: 6 EH/s, lot: gtg-18eh, site: bitmain-us }   #", "deplyo: 6 EH/s, lot: gtg-18eh, site: bitmain-us }   #")
    expect(problemsOf(action.text).find((p) => p.line === action.line)?.message).toContain(`(did you mean "deploy"?)`)
  })
  it("one root problem per line, and a comma inside { } is explained", () => {
    const comma = edit("price: $98k }", "price: $98,000 }")
    expect(problemsOf(comma.text)).toEqual([{ line: comma.line, key: "schedule.000", message: expect.stringContaining("a comma inside { } separates keys") }])
    // Two mistakes on two lines: two problems, none more (the lot with a broken hashrate is still known by id).
    const two = edit("hashrate: 18 EH/s", "hashrate: 18")
    const lines = two.text.split("\n")
    const j = lines.findIndex((l) => l.includes("2025-07-01"))
    lines[j] = lines[j]!.replace("6 EH/s", "6 EH")
    const p = problemsOf(lines.join("\n").replace("on: 2025-07-01, deploy: 6 EH,", "on: 2025-07-01, deploy: 6,"))
    expect(p.map((x) => x.line)).toEqual([two.line, j + 1])
  })
  it("a decider rule broken by the plan points at the plan's line", () => {
    const over = edit("on: 2025-07-01, deploy: 6 EH/s", "on: 2025-07-01, deploy: 7 EH/s")
    expect(problemsOf(over.text)).toEqual([{ line: over.line, key: "schedule.deploy", message: expect.stringContaining("which has 6000000 TH/s undeployed") }])
  })
})

describe("the start network given as a date", () => {
  const dataDir = join(repoRoot, "..", "shared", "data", "chain")
  const dated = (start: string, network: string): string =>
    planTemplate.replace("start: 2024-11-07", `start: ${start}`).replace(/network:\n(  .*\n)+/, network)

  it("from a stated hashrate when no chain data covers the date: bits and epoch derived, and said", () => {
    const plan = compilePlan(dated("2024-11-07", "network:\n  hashrate: 753.11 EH/s\n"))
    const net = (plan.events[0]!.data as { network: Record<string, unknown> }).network
    // The derived bits' difficulty is the hashrate's at one block per 600 s (H x 600 / 2^32), to the compact's precision.
    expect(bitsToDifficulty(parseBits(net.bits as string)) / ((753.11e18 * 600) / 2 ** 32)).toBeCloseTo(1, 4)
    expect(net.hashrateThs).toBe(753_110_000)
    expect(((1_730_937_600 - (net.epochFirstBlockTimeS as number)) / 600)).toBe((net.height as number) % 2016)
    expect(plan.notes[0]).toMatch(/^network derived \(no chain data covers 2024-11-07T00:00:00Z\): bits [0-9a-f]{8} from 753\.11 EH\/s/)
  })
  it("without chain data or a hashrate, says what to write", () => {
    const p = problemsOf(dated("2024-11-07", ""))
    expect(p[0]!.message).toContain(`state the network's hashrate (e.g. "hashrate: 800 EH/s")`)
  })
  it.runIf(existsSync(dataDir) || process.env["CI"] === "true")("from the real chain data where it covers the date", () => {
    const data = loadChainData(dataDir)!
    const plan = compilePlan(dated("2024-12-20", ""), { chainData: data })
    const net = (plan.events[0]!.data as { network: Record<string, unknown> }).network
    // The epoch from height 874,944 began at 1734312810 with bits 170297fa (the row of retarget 876,960 in
    // mainnet-retargets-870912-941472.csv describes it: its first and last block times and its bits as old_bits).
    expect(net.bits).toBe("170297fa")
    expect(net.epochFirstBlockTimeS).toBe(1_734_312_810)
    expect(net.height as number).toBeGreaterThanOrEqual(874_944)
    expect(net.height as number).toBeLessThan(874_944 + 2016)
    expect(plan.notes[0]).toContain("network from chain data")
  })
})

describe("market models, the operating policy and contract terms", () => {
  const base = scenario("cango-2024.yaml")
  const startData = (text: string): Record<string, any> => compilePlan(text).events[0]!.data as Record<string, any>
  it("the hashprice network's scalar overrides in human units; the classes stay the sourced defaults", () => {
    const text = base.replace("otherHashrate: { model: hashprice, onOrder: 181 EH/s }", "otherHashrate: { model: hashprice, switchOffLag: 14 days, orderLag: 90 days, machinePrice: $15/TH, frontierImprovement: 10% }")
    const net = startData(text).market.otherHashrate
    expect(net).toMatchObject({ model: "hashprice", switchOffLagDays: 14, orderLagDays: 90, machinePriceUsdPerTh: 15, frontierImprovementPerYear: 0.1, switchOnLagDays: 3 })
    expect(net.classes).toHaveLength(12)
    expect(net.onOrderThs).toBeUndefined()
  })
  it("operating policies at the top and in the schedule, take-or-pay and own-switch-off credits on a contract", () => {
    const text = base
      .replace("operating: alwaysOn ", "operating: off below $25/PH/day ")
      .replace("  - { on: 2025-03-01, deploy", "  - { on: 2025-02-01, operating: breakeven }\n  - { on: 2025-03-01, deploy")
      .replace("    curtailmentCredit: $0/MWh  # no curtailment planned at Bitmain's sites", "    curtailmentCredit: $10/MWh\n    takeOrPay: 90%\n    creditsOwnSwitchOff: yes")
    const events = compilePlan(text).events
    const policies = events.filter((e) => e.type === "OperatingPolicySet").map((e) => e.data["policy"])
    expect(policies).toEqual([{ kind: "hashpriceFloor", floorUsdPerPhDay: 25 }, { kind: "breakeven" }])
    expect(events.find((e) => e.type === "HostingContractSigned")!.data).toMatchObject({ takeOrPayFraction: 0.9, creditsOwnSwitchOff: true, curtailmentCreditPerMwhUsdCents: 1000 })
  })
  it("a misspelt model or policy is caught at its line with the fix", () => {
    const problems = problemsOf(base.replace("model: hashprice,", "model: hashprise,").replace("operating: alwaysOn ", "operating: alwayson- "))
    expect(problems.map((p) => p.message).join("\n")).toMatch(/unknown model "hashprise" \(did you mean "hashprice"\?\)/)
    expect(problems.map((p) => p.message).join("\n")).toMatch(/unknown operating policy "alwayson-"/)
  })
})
