// compare, sweep and breakeven end to end through the real `hashsim` entry point: a scenario compared with itself
// differs by zero on every path, parameters are the plan's own keys (an unknown one is a usage error that lists
// them), a sweep's points share their path seeds, and the break-even hosting rate of a deterministic market equals
// the one computed in closed form from the economics kernel and the consensus arithmetic.
import { createHash } from "node:crypto"
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { blockSubsidy, parseBits, workForBits } from "@hashsim/chain"
import { expectedBlocks, fppsGrossSats, floorSats, SECONDS_PER_DAY, satsToUsdCents } from "@hashsim/economics"
import { compilePlan, setPlanParameters } from "@hashsim/plan"
import { inputDifferences } from "../src/decide/InputDiff.ts"
import { compilePlanText } from "../src/ScenarioInput.ts"
import { describe, expect, it } from "vitest"
import { repoRoot, runCli, stackTrace } from "./runCli.ts"

const scratch = mkdtempSync(join(tmpdir(), "hashsim-decide-"))
const deterministic = "packages/cli/test/fixtures/deterministic.yaml"

const csvRows = (file: string): Array<Array<string>> => readFileSync(file, "utf8").trimEnd().split("\n").map((l) => l.split(","))

describe("the peers' plans", () => {
  it("compile to their checked-in JSONL, at the brief's fleet sizes", () => {
    for (const [name, ehs] of [["mara-2024", 47], ["cleanspark-2024", 32], ["riot-2024", 26]] as const) {
      const plan = compilePlan(readFileSync(join(repoRoot, `scenarios/${name}.yaml`), "utf8"))
      expect(plan.text, name).toBe(readFileSync(join(repoRoot, `scenarios/${name}.jsonl`), "utf8"))
      const lot = plan.events.find((e) => e.type === "HashratePurchased")!.data
      expect(lot["hashrateThs"], name).toBe(ehs * 1e6)
      // Bought at Cango's $8.00 per TH/s (brief), so compare isolates scale, efficiency and power.
      expect(lot["priceUsdCents"], name).toBe(ehs * 1e6 * 800)
    }
  })
})

describe("hashsim compare", () => {
  it("a scenario compared with itself differs by zero on every path and every column", () => {
    const out = join(scratch, "self")
    const r = runCli(["compare", "scenarios/cango-2024.yaml", "scenarios/cango-2024.yaml", "--paths", "24", "--seed", "5", "--out", out, "--workers", "2"])
    expect(r.stderr).not.toMatch(/internal error/)
    expect(r.status).toBe(0)
    expect(readdirSync(out).sort()).toEqual(["cango-2024", "cango-2024-2", "compare.json", "differences-cango-2024-vs-cango-2024-2.csv", "manifest.json"])
    const rows = csvRows(join(out, "differences-cango-2024-vs-cango-2024-2.csv"))
    expect(rows.length).toBe(25)
    // The differences file has every outcome column but the payback date (its difference is paybackDays').
    expect(rows[0]!.length).toBeGreaterThan(20)
    for (const row of rows.slice(1)) {
      for (const cell of row.slice(2)) expect(cell === "0" || cell === "").toBe(true)
    }
    // Some cells are present (not all empty), so the zeros are differences and not missing values.
    expect(rows.slice(1).every((row) => row[12] === "0")).toBe(true)
    const compare = JSON.parse(readFileSync(join(out, "compare.json"), "utf8"))
    expect(compare.pairs[0].aBeatsB.npv).toMatchObject({ probability: 0.5, wins: 0, losses: 0, ties: 24 })
    expect(compare.pairs[0].inputsDiffering).toEqual([])
    expect(r.stdout).toMatch(/NPV difference: median \$0, 5-95% \$0 \.\. \$0/)
  }, 240_000)

  it("pairs paths by seed: a cheaper hosting rate changes every path's NPV by the bill alone, not its BTC", () => {
    const out = join(scratch, "cheaper")
    const cheaper = join(scratch, "cango-2024-cheaper.yaml")
    writeFileSync(cheaper, setPlanParameters(readFileSync(join(repoRoot, "scenarios/cango-2024.yaml"), "utf8"), [["contracts.rate", "$0.055/kWh"]]))
    const r = runCli(["compare", "scenarios/cango-2024.yaml", cheaper, "--paths", "16", "--seed", "5", "--out", out, "--workers", "2"])
    expect(r.stderr).not.toMatch(/internal error/)
    expect(r.status).toBe(0)
    const a = csvRows(join(out, "cango-2024", "outcomes.csv"))
    const b = csvRows(join(out, "cango-2024-cheaper", "outcomes.csv"))
    const d = csvRows(join(out, "differences-cango-2024-vs-cango-2024-cheaper.csv"))
    const col = (rows: Array<Array<string>>, name: string) => rows[0]!.indexOf(name)
    for (let i = 1; i < a.length; i++) {
      // Same seeds, same luck: the fleet mines the same BTC in both (only the price of power differs).
      expect(a[i]![1]).toBe(b[i]![1])
      expect(a[i]![col(a, "minedSats")]).toBe(b[i]![col(b, "minedSats")])
      expect(Number(d[i]![col(d, "npvUsdCents")])).toBe(Number(a[i]![col(a, "npvUsdCents")]) - Number(b[i]![col(b, "npvUsdCents")]))
      expect(Number(d[i]![col(d, "npvUsdCents")])).toBeLessThan(0)
    }
    expect(r.stdout).toMatch(/HostingContractSigned bitmain-us-hosting: ratePerMwhUsdCents 7500 -> 5500/)
    expect(r.stdout).toMatch(/inputs differing \(1\)/)
  }, 240_000)

  it("names the inputs that differ, pairing a contract whose id changed", () => {
    const text = (name: string) => compilePlan(readFileSync(join(repoRoot, `scenarios/${name}.yaml`), "utf8")).text
    const lines = inputDifferences(text("cango-2024"), text("cango-2024-self-hosted"))
    expect(lines).toContain("HostingContractSigned bitmain-us-hosting / HostingContractSigned self-operated-power: ratePerMwhUsdCents 7500 -> 5500")
    expect(lines).toContain('MachinesDeployed at 2025-03-01T00:00:00Z: siteId "bitmain-us" -> "cango-us"')
    expect(lines.some((l) => l.startsWith("only in"))).toBe(false)
    expect(inputDifferences(text("cango-2024"), text("cango-2024"))).toEqual([])
  })
})

describe("hashsim sweep", () => {
  it("refuses a parameter the plan does not have, listing the ones it has (exit 2)", () => {
    const r = runCli(["sweep", "scenarios/cango-2024.yaml", "--vary", "contract.rate=$0.05/kWh", "--paths", "2"])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/unknown parameter "contract.rate" \(did you mean "contracts.rate"\?\); this plan's parameters: .*contracts.rate.*pool.fee/)
    expect(r.stdout).toBe("")
  })

  it("runs one batch per grid point on the same seeds, one row per point", () => {
    const out = join(scratch, "sweep")
    const r = runCli(["sweep", deterministic, "--vary", "contracts.rate=$0.04/kWh..$0.06/kWh:3", "--vary", "pool.fee=0%,1%", "--paths", "3", "--seed", "9", "--out", out, "--workers", "1"])
    expect(r.stderr).not.toMatch(/internal error/)
    expect(r.status).toBe(0)
    const rows = csvRows(join(out, "sweep.csv"))
    expect(rows[0]!.slice(0, 3)).toEqual(["contracts.rate", "pool.fee", "npvUsdCentsP05"])
    expect(rows.slice(1).map((row) => `${row[0]} ${row[1]}`)).toEqual([
      "$0.04/kWh 0%", "$0.04/kWh 1%", "$0.05/kWh 0%", "$0.05/kWh 1%", "$0.06/kWh 0%", "$0.06/kWh 1%"
    ])
    // Deterministic market: NPV falls by exactly 210,000 MWh x $10/MWh per step of the rate (no pool fee).
    const npv = (k: number) => Number(rows[k]![3])
    expect(npv(1) - npv(3)).toBe(210_000 * 1000)
    expect(npv(3) - npv(5)).toBe(210_000 * 1000)
    expect(readdirSync(join(out, "points")).length).toBe(6)
  }, 240_000)
})

describe("hashsim sweep --vary startShift", () => {
  it("runs the plan moved in time: each point is the compiled plan shifted, its months the shifted horizon's", () => {
    const out = join(scratch, "sweep-shift")
    const r = runCli(["sweep", "scenarios/cango-2024.yaml", "--vary", "startShift=0d,365d", "--paths", "4", "--seed", "1", "--out", out, "--workers", "1"])
    expect(r.stderr).not.toMatch(/internal error/)
    expect(r.status).toBe(0)
    const rows = csvRows(join(out, "sweep.csv"))
    expect(rows.map((row) => row[0])).toEqual(["startShift", "0d", "365d"])
    const source = readFileSync(join(repoRoot, "scenarios/cango-2024.yaml"), "utf8")
    const summary = (point: string) => JSON.parse(readFileSync(join(out, "points", point, "summary.json"), "utf8")) as { scenarioSha256: string; columns: Record<string, unknown> }
    // 0d is the plan as written (the checked-in scenario); 365d is the plan with every date a year later.
    expect(summary("001").scenarioSha256).toBe(createHash("sha256").update(readFileSync(join(repoRoot, "scenarios/cango-2024.jsonl"))).digest("hex"))
    const shifted = compilePlanText(setPlanParameters(source, [["startShift", "365d"]]), "cango-2024.yaml").text
    expect(JSON.parse(shifted.split("\n")[0]!)).toMatchObject({ at: "2025-11-07T00:00:00Z", data: { until: "2029-11-07T00:00:00Z" } })
    expect(summary("002").scenarioSha256).toBe(createHash("sha256").update(shifted).digest("hex"))
    const months = (point: string) => Object.keys(summary(point).columns).filter((c) => c.startsWith("minedSats:"))
    expect([months("001")[0], months("001").at(-1)]).toEqual(["minedSats:2024-11", "minedSats:2028-11"])
    expect([months("002")[0], months("002").at(-1)]).toEqual(["minedSats:2025-11", "minedSats:2029-11"])
  }, 240_000)
})

describe("hashsim breakeven", () => {
  it("refuses to solve for startShift (whole days, no single crossing) with a usage error naming the sweep", () => {
    const r = runCli(["breakeven", "scenarios/cango-2024.yaml", "--solve", "startShift", "--target", "npv", "--paths", "4", "--seed", "1"])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/--solve startShift: .*hashsim sweep scenarios\/cango-2024\.yaml --vary 'startShift=/)
    expect(r.stderr).not.toMatch(/internal error/)
    expect(r.stderr).not.toMatch(stackTrace)
    expect(r.stdout).not.toMatch(/startShift=0d/) // refused before any batch ran
  })

  it("finds the hosting rate at which NPV = 0 in a deterministic market, as the closed form gives it", () => {
    // Closed form: revenue is the same every day (FPPS on a constant difficulty, no fees); energy is the fleet's.
    const plan = compilePlan(readFileSync(join(repoRoot, deterministic), "utf8"))
    const start = plan.events[0]!.data as { network: { bits: string; height: number }; priceUsdCents: number }
    const work = Number(workForBits(parseBits(start.network.bits)))
    const ths = 50e6
    const days = 10
    const daySats = floorSats(fppsGrossSats(expectedBlocks(ths, SECONDS_PER_DAY, work), Number(blockSubsidy(start.network.height)), 0))
    const revenueCents = days * satsToUsdCents(daySats, start.priceUsdCents)
    const mwh = (ths * 17.5 * days * SECONDS_PER_DAY) / 3.6e9
    const capexCents = 500_000_000
    const rootCentsPerMwh = (revenueCents - capexCents) / mwh
    const r = runCli(["breakeven", deterministic, "--solve", "contracts.rate", "--target", "npv", "--bracket", "$0.05/kWh..$0.12/kWh", "--paths", "2", "--workers", "1"])
    expect(r.stderr).not.toMatch(/internal error/)
    expect(r.status).toBe(0)
    const m = /Break-even: contracts.rate = \$([0-9.]+)\/kWh where median NPV = \$0/.exec(r.stdout)
    expect(m).not.toBeNull()
    const found = Number(m![1]) * 100_000 // cents per MWh
    // Within one cent per MWh: the plan's units carry a rate to the cent per MWh.
    expect(Math.abs(found - rootCentsPerMwh)).toBeLessThan(1)
  }, 240_000)

  it("refuses an unknown target and a parameter that is not there (exit 2)", () => {
    expect(runCli(["breakeven", deterministic, "--solve", "contracts.rate", "--target", "irr"]).status).toBe(2)
    const r = runCli(["breakeven", deterministic, "--solve", "hosting.rate", "--target", "npv"])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/unknown parameter "hosting.rate"/)
  })
})
