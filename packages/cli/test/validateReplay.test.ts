import { completeLogText, event, reportOfEvents, type TimedEvent } from "@hashsim/ledger"
import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { runCli } from "./runCli.ts"

// A two-month complete log: a lot, a contract, daily market steps, block periods, credits and invoices.
const events = (): Array<TimedEvent> => {
  const t0 = 1_730_937_600 // 2024-11-07T00:00:00Z
  const iso = (s: number) => new Date(s * 1000).toISOString().replace(".000Z", "Z")
  const at = (s: number) => <E extends ReturnType<typeof event>>(e: E): TimedEvent => ({ at: iso(s), ...e }) as TimedEvent
  const out: Array<TimedEvent> = [
    at(t0)(event("ScenarioStarted", {
      name: "cli test", network: { height: 870_000, bits: "17030ecd", epochFirstBlockTimeS: 1_730_000_000, hashrateThs: 753_110_000 },
      priceUsdCents: 7_500_000, until: "2024-12-05T00:00:00Z", discountRatePerYear: 0.1,
      market: {
        otherHashrate: { model: "gbm", driftPerYear: 0, volatilityPerYear: 0 }, price: { model: "gbm", driftPerYear: 0, volatilityPerYear: 0 },
        feePerBlock: { meanSats: 0, shape: 1 }, uptime: { meanFraction: 1, sdFraction: 0 }
      }
    })),
    at(t0)(event("HashratePurchased", { lotId: "a", vendor: "Bitmain", hashrateThs: 32_000_000, machineModel: "S21", efficiencyJth: 17.5, priceUsdCents: 25_600_000_000, lifeYears: 4, payment: { kind: "cash" } })),
    at(t0)(event("HostingContractSigned", { contractId: "c1", host: "Bitmain", siteId: "tx", ratePerMwhUsdCents: 7_500, endsAt: "2026-01-01T00:00:00Z", uptimeSlaFraction: 0.95, slaCreditPerMwhUsdCents: 0, curtailmentCreditPerMwhUsdCents: 0 })),
    at(t0)(event("MachinesDeployed", { lotId: "a", siteId: "tx", hashrateThs: 32_000_000 })),
    at(t0)(event("MarketStepped", { priceUsdCents: 7_500_000, otherHashrateThs: 721_110_000, uptimeFraction: 1 }))
  ]
  let tip = 870_000
  for (let d = 1; d <= 28; d++) {
    const s = t0 + d * 86_400
    out.push(at(s)(event("BlocksMined", { firstHeight: tip + 1, lastHeight: tip + 30, fleetBlocks: 1, subsidySats: 312_500_000, feesSats: 0 })))
    tip += 30
    out.push(at(s)(event("RewardCredited", { amountSats: 312_500_000, poolFeeSats: 0, basis: "blocks" })))
    out.push(at(s)(event("HostingFeeCharged", { contractId: "c1", day: iso(s - 86_400).slice(0, 10), energyKwh: 13_440_000, amountUsdCents: 100_800_000 })))
  }
  return out
}

let dir = ""
let good = ""
let text = ""
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "hashsim-cli-"))
  good = join(dir, "good.jsonl")
  text = completeLogText(events())
  await writeFile(good, text)
})
afterAll(async () => { await rm(dir, { recursive: true, force: true }) })

describe("hashsim validate", () => {
  it("prints a one-line summary and exits 0 for a valid log", () => {
    const r = runCli(["validate", good])
    expect(r.stderr).toBe("")
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(new RegExp(`^${good.replace(/[.]/g, "\\.")}: ok: ${events().length} events, chained and sealed, last hash [0-9a-f]{64}\\n$`))
  })
  it("prints every problem as file:line: field: message and exits 1", async () => {
    const lines = text.split("\n")
    lines[1] = lines[1]!.replace('"hashrateThs":32000000', '"hashrateThs":-5')
    lines[21] = lines[21]!.replace('"amountSats":312500000', '"amountSats":312500001')
    const bad = join(dir, "bad.jsonl")
    await writeFile(bad, lines.join("\n"))
    const r = runCli(["validate", bad])
    expect(r.status).toBe(1)
    expect(r.stdout).toBe("")
    const problems = r.stderr.trimEnd().split("\n")
    expect(problems).toContain(`${bad}:2: data.hashrateThs: Expected a value greater than 0`)
    expect(problems).toContain(`${bad}:3: prev: not the SHA-256 of line 2 (a line was edited, removed or reordered)`)
    expect(problems).toContain(`${bad}:23: prev: not the SHA-256 of line 22 (a line was edited, removed or reordered)`)
    // line 4 deploys the lot whose purchase (line 2) did not decode: a knock-on of line 2, not reported again
    // (one root problem per bad line, issue 14)
    expect(problems.some((p) => p.startsWith(`${bad}:4:`))).toBe(false)
    expect(problems.at(-1)).toMatch(/^hashsim: .*bad\.jsonl: 3 problems$/)
    expect(problems).toHaveLength(4)
  })
  it("reports a torn last line and a missing file", async () => {
    const torn = join(dir, "torn.jsonl")
    await writeFile(torn, text.slice(0, -30))
    const r = runCli(["validate", torn])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/torn\.jsonl:\d+: line: torn last line/)
    const missing = runCli(["validate", join(dir, "nope.jsonl")])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/cannot read .*nope\.jsonl/)
  })
})

describe("hashsim replay", () => {
  it("--format json prints exactly the ledger's report of the log's events", () => {
    const r = runCli(["replay", good, "--format", "json"])
    expect(r.stderr).toBe("")
    expect(r.status).toBe(0)
    const report = JSON.parse(r.stdout) as { months: Array<{ month: string }>; totals: Record<string, unknown> }
    expect(report).toEqual(JSON.parse(JSON.stringify(reportOfEvents(events()))))
    expect(report.months.map((m) => m.month)).toEqual(["2024-11", "2024-12"])
    expect(report.totals.minedSats).toBe(28 * 312_500_000)
  })
  it("--format csv prints a header, a row a month and a total row, all numeric", () => {
    const r = runCli(["replay", good, "--format", "csv"])
    expect(r.status).toBe(0)
    const rows = r.stdout.trimEnd().split("\n").map((l) => l.split(","))
    expect(rows[0]!.slice(0, 4)).toEqual(["month", "days", "fleetBlocks", "minedSats"])
    expect(rows.map((row) => row[0])).toEqual(["month", "2024-11", "2024-12", "total"])
    expect(rows.every((row) => row.length === rows[0]!.length)).toBe(true)
    expect(rows[3]![3]).toBe(String(28 * 312_500_000))
  })
  it("the default table shows months, a total row and payback/NPV", () => {
    const r = runCli(["replay", good])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^month\s+blocks/)
    expect(r.stdout).toMatch(/^total\s+28\s+87\.5000/m)
    expect(r.stdout).toMatch(/payback not within the log; NPV -\$/)
  })
  it("refuses a log that does not validate (exit 1, nothing on stdout) and a bad format (exit 2)", async () => {
    const unsealed = join(dir, "unsealed.jsonl")
    await writeFile(unsealed, text.split("\n").slice(0, -2).join("\n") + "\n")
    const r = runCli(["replay", unsealed])
    expect(r.status).toBe(1)
    expect(r.stdout).toBe("")
    expect(r.stderr).toMatch(/truncated: a complete log ends with LogSealed/)
    expect(runCli(["replay", good, "--format", "xml"]).status).toBe(2)
  })
})
