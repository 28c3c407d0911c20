// Plans through the real `hashsim` command: a new company's plan written from the template in under 30 lines and
// run; compile, init, --strict, and chain bits.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { repoRoot, runCli } from "./runCli.ts"

const tmp = (): string => mkdtempSync(join(tmpdir(), "hashsim-plan-"))

// A MARA-like company: 47 EH/s self-mining at $0.045/kWh, a 10 EH/s purchase mid-2025, selling half of the BTC
// mined each month. Figures as the template writes them; the network at the start from the chain data where it
// covers the date, otherwise derived from the stated hashrate.
const newCompany = `name: mara-like-2025
start: 2025-01-01
until: 2026-01-01
discountRate: 10%
btcPrice: $94,000
network: { hashrate: 800 EH/s }
market:
  otherHashrate: { model: gbm, drift: 35%, volatility: 15% }
  price: { model: gbm, drift: 0%, volatility: 55% }
  feePerBlock: { mean: 0.03 BTC, shape: 2 }
  uptime: { mean: 95%, sd: 2% }
lots:
  - { id: fleet, vendor: Bitmain, hashrate: 47 EH/s, machine: S19 XP, efficiency: 21.5 J/TH, price: $900M, life: 4 years, site: own }
  - { id: mid-2025, vendor: Bitmain, hashrate: 10 EH/s, machine: S21, efficiency: 17.5 J/TH, price: $150M, life: 4 years, bought: 2025-07-01, site: own }
contracts:
  - { id: own-power, host: self-mining, site: own, rate: $0.045/kWh }
pool: { mode: fpps, fee: 2% }
sales: sell 50% monthly
`

describe("a new company's plan", () => {
  it("is under 30 lines, validates, compiles and runs", () => {
    expect(newCompany.trimEnd().split("\n").length).toBeLessThan(30)
    const dir = tmp()
    const plan = join(dir, "mara.yaml")
    writeFileSync(plan, newCompany)
    const validated = runCli(["validate", "--strict", plan])
    // From the chain data where it covers 2025-01-01 (../shared beside the repo), else derived from 800 EH/s.
    expect(validated.stderr).toMatch(/note: network (from chain data|derived)/)
    expect(validated.status).toBe(0)
    const compiled = runCli(["compile", plan, "--out", join(dir, "mara.jsonl")])
    expect(compiled.status).toBe(0)
    const lines = readFileSync(join(dir, "mara.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { type: string; at: string; data: Record<string, unknown> })
    expect(lines.find((e) => e.type === "HashratePurchased" && e.data.lotId === "mid-2025")?.at).toBe("2025-07-01T00:00:00Z")
    expect(lines.find((e) => e.type === "HostingContractSigned")?.data.ratePerMwhUsdCents).toBe(4500)
    expect(lines.find((e) => e.type === "SalesPolicySet")?.data.policy).toEqual({ kind: "sellShareMonthly", fraction: 0.5 })
    const run = runCli(["run", plan, "--seed", "1", "--engine", "aggregate", "--format", "json", "--out", join(dir, "run.jsonl")])
    expect(run.status).toBe(0)
    const report = JSON.parse(run.stdout) as { totals: { minedSats: number; btcSoldSats: number } }
    expect(report.totals.minedSats).toBeGreaterThan(0)
    // Half of each month's BTC is sold: about half of all that was mined (the last month's sale included or not).
    expect(report.totals.btcSoldSats / report.totals.minedSats).toBeGreaterThan(0.4)
    expect(report.totals.btcSoldSats / report.totals.minedSats).toBeLessThanOrEqual(0.5)
  })
})

describe("plans through the CLI", () => {
  it("a plan problem prints file:line: key: message, exits 1, and writes nothing", () => {
    const dir = tmp()
    const plan = join(dir, "bad.yaml")
    writeFileSync(plan, newCompany.replace("hashrate: 47 EH/s", "hashrate: 47"))
    const r = runCli(["compile", plan, "--out", join(dir, "out.jsonl")])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(`${plan}:13: lots.hashrate: a hashrate needs its unit: write "47 EH/s"`)
    expect(r.stderr).not.toContain("    at ")
    expect(() => readFileSync(join(dir, "out.jsonl"))).toThrow()
  })
  it("warnings show with their line; --strict makes them fail (validate, run, check)", () => {
    const dir = tmp()
    const plan = join(dir, "small.yaml")
    writeFileSync(plan, newCompany.replace("hashrate: 47 EH/s", "hashrate: 47 TH/s"))
    const loose = runCli(["validate", plan])
    expect(loose.status).toBe(0)
    expect(loose.stderr).toContain(`${plan}:13: lots.hashrate: warning: 47 TH/s is under 1 PH/s`)
    expect(runCli(["validate", "--strict", plan]).status).toBe(1)
    expect(runCli(["run", plan, "--seed", "1", "--strict", "--out", join(dir, "r.jsonl")]).status).toBe(1)
    const check = runCli(["check", "--strict", "--seeds", "1", "--engine", "aggregate", plan])
    expect(check.status).toBe(1)
    expect(check.stdout).toContain("FAIL")
  })
  it("the JSONL warnings name the field and the fix", () => {
    const dir = tmp()
    const log = join(dir, "cents.jsonl")
    writeFileSync(log, readFileSync(join(repoRoot, "scenarios/cango-2024.jsonl"), "utf8").replace(`"priceUsdCents":9800000`, `"priceUsdCents":98000`))
    const r = runCli(["validate", "--strict", log])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(`${log}:9: data.priceUsdCents: warning: $980 per BTC is under $1,000: prices are in cents, so $98,000 is 9800000`)
  })
  it("compile prints the scenario; init writes the template and refuses to overwrite", () => {
    expect(runCli(["compile", "scenarios/cango-2024.yaml"]).stdout).toBe(readFileSync(join(repoRoot, "scenarios/cango-2024.jsonl"), "utf8"))
    const dir = tmp()
    const out = join(dir, "plan.yaml")
    expect(runCli(["init", "--out", out]).status).toBe(0)
    expect(readFileSync(out, "utf8")).toBe(readFileSync(join(repoRoot, "scenarios/cango-2024.yaml"), "utf8"))
    expect(runCli(["init", "--out", out]).status).toBe(2)
  })
  it("chain bits from a difficulty or a hashrate", () => {
    expect(runCli(["chain", "bits", "--difficulty", "101.65e12"]).stdout).toContain("bits 1702c4de")
    const h = runCli(["chain", "bits", "--hashrate", "753 EH/s"])
    expect(h.status).toBe(0)
    expect(h.stdout).toMatch(/hashrate 753\.\d+ EH\/s/)
    expect(runCli(["chain", "bits", "--hashrate", "753"]).stderr).toContain(`write "753 EH/s"`)
  })
})
