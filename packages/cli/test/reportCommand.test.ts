import { createHash } from "node:crypto"
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { reportOfEvents } from "@hashsim/ledger"
import { pathSeed, renderManifestJson, sealOfText } from "@hashsim/montecarlo"
import { scenarioOfText, simulateLog } from "@hashsim/sim"
import { beforeAll, describe, expect, it } from "vitest"
import { batchModel } from "../src/report/BatchModel.ts"
import { parseCompleteLog, ReportInputError } from "../src/report/CompleteLog.ts"
import { batchChartIds, singleRunChartIds } from "../src/report/ReportCharts.ts"
import { reportModelOf } from "../src/report/ReportInput.ts"
import { singleRunModel } from "../src/report/SingleRunModel.ts"
import { repoRoot, runCli } from "./runCli.ts"

const scenarioFile = join(repoRoot, "scenarios/cango-2024.jsonl")
const work = mkdtempSync(join(tmpdir(), "hashsim-report-"))
const logFile = join(work, "cango-42.jsonl")

/** The complete log of cango-2024, path seed 42, block engine, as `hashsim run` writes it. */
const cangoLog = (): string => simulateLog(scenarioOfText(readFileSync(scenarioFile)), 42, "block", { version: "0.1.0" }).text

const noHtmlLeft = (dir: string): void => {
  expect(readdirSync(dir).filter((f) => f.endsWith(".html") || f.includes(".tmp"))).toEqual([])
}

const logLines = (): Array<string> => readFileSync(logFile, "utf8").trimEnd().split("\n")

/**
 * A hand-made Monte Carlo folder of two paths and one month, with `edit` applied to its two files, then sealed by a
 * manifest.json over the edited bytes (so each defect is found by the reader's recheck, not only by the digest).
 */
const mcFolder = (dir: string, edit: (summary: string, outcomes: string) => readonly [string, string]): string => {
  const mc = join(dir, "mc")
  mkdirSync(mc)
  const hash = createHash("sha256").update(readFileSync(scenarioFile)).digest("hex")
  const stat = { count: 2, missing: 0 }
  const summary = JSON.stringify({
    format: "hashsim-mc-summary/1", hashsimVersion: "0.1.0", scenarioSha256: hash, engine: "aggregate", masterSeed: 1, paths: 2,
    quantiles: "type 7",
    columns: { paybackDate: { kind: "date", count: 1, missing: 1 }, npvUsdCents: stat, "minedSats:2024-11": stat, "netMarginUsdCents:2024-11": stat, "priceUsdCents:2024-11": stat }
  })
  const outcomes = `path,seed,paybackDate,npvUsdCents,minedSats:2024-11,netMarginUsdCents:2024-11,priceUsdCents:2024-11\n0,${pathSeed(1, 0)},2026-01-02,5,100,7,9000000\n1,${pathSeed(1, 1)},,-3,200,8,7000000\n`
  const [s, o] = edit(summary, outcomes)
  writeFileSync(join(mc, "summary.json"), s)
  writeFileSync(join(mc, "outcomes.csv"), o)
  const columns = [{ name: "paybackDate", kind: "date" }, { name: "npvUsdCents", kind: "number" }, { name: "minedSats:2024-11", kind: "number" }, { name: "netMarginUsdCents:2024-11", kind: "number" }, { name: "priceUsdCents:2024-11", kind: "number" }] as const
  writeFileSync(join(mc, "manifest.json"), renderManifestJson({
    hashsimVersion: "0.1.0", modelVersion: 1, scenarioSha256: hash, engine: "aggregate", masterSeed: 1, paths: 2, shard: undefined, pathStart: 0, pathEnd: 2,
    columns, files: { "outcomes.csv": sealOfText(o), "summary.json": sealOfText(s) }
  }))
  return mc
}

beforeAll(() => {
  writeFileSync(logFile, cangoLog())
})

describe("the single-run model of cango-2024 (seed 42)", () => {
  const log = () => parseCompleteLog(logFile, readFileSync(logFile))

  it("has one point per day of the horizon, in order, for every daily series", () => {
    const model = singleRunModel(log(), { input: logFile, hashsimVersion: "test" })
    const d = model.daily
    expect(d.days[0]).toBe("2024-11-07")
    expect(d.days[d.days.length - 1]).toBe("2028-11-06")
    expect(d.days.length).toBe(1461)
    for (const series of [d.cumulativeMinedSats, d.cumulativeExpectedSats, d.onlineThs, d.networkThs, d.networkShare, d.difficulty, d.btcHeldSats, d.btcHeldValueUsdCents]) {
      expect(series.length).toBe(d.days.length)
      expect(series.every((x) => Number.isFinite(x) && x >= 0)).toBe(true)
    }
    for (let i = 1; i < d.days.length; i++) {
      expect(Date.parse(`${d.days[i]}T00:00:00Z`) - Date.parse(`${d.days[i - 1]}T00:00:00Z`)).toBe(86_400_000)
      expect(d.cumulativeMinedSats[i]).toBeGreaterThanOrEqual(d.cumulativeMinedSats[i - 1] as number)
    }
    // 32 + 18 EH/s bought; online never exceeds what was bought, and is a small share of the network.
    expect(Math.max(...d.onlineThs)).toBeLessThanOrEqual(50e6)
    expect(d.networkShare.every((x) => x > 0 && x < 0.1)).toBe(true)
  })

  it("agrees with the ledger's monthly report and the log's events", () => {
    const complete = log()
    const model = singleRunModel(complete, { input: logFile, hashsimVersion: "test" })
    const report = reportOfEvents(complete.entries)
    expect(model.daily.cumulativeMinedSats[model.daily.cumulativeMinedSats.length - 1]).toBe(report.totals.minedSats)
    expect(model.daily.btcHeldSats[model.daily.btcHeldSats.length - 1]).toBe(report.totals.btcHeldSats)
    expect(model.monthly.minedSats.reduce((a, b) => a + b, 0)).toBe(report.totals.minedSats)
    expect(model.monthly.hostingCostUsdCents.reduce((a, b) => a + b, 0)).toBe(report.totals.hostingCostUsdCents)
    expect(model.retargets.length).toBe(complete.entries.filter((e) => e.type === "DifficultyAdjusted").length)
    expect(model.planEvents.map((e) => e.label)).toContain("deploy bitmain-32eh +32.0 EH/s")
  })

  it("draws the ledger's payback picture: its running sums, its payback day, the path's price, and the monthly table", () => {
    const complete = log()
    const model = singleRunModel(complete, { input: logFile, hashsimVersion: "test" })
    const report = reportOfEvents(complete.entries)
    const d = model.daily
    for (const series of [d.priceUsdCents, d.cumulativeNetMarginUsdCents, d.cumulativeCapexUsdCents]) expect(series.length).toBe(d.days.length)
    // At the horizon the running sums are the totals; capex is the two lots' prices, both on the first day.
    expect(d.cumulativeNetMarginUsdCents.at(-1)).toBe(report.totals.netMarginUsdCents)
    expect(d.cumulativeCapexUsdCents.at(-1)).toBe(report.totals.capexUsdCents)
    expect(d.cumulativeCapexUsdCents[0]).toBe(25_600_000_000 + 14_400_000_000)
    // The marked payback day is the first day on which the curve reaches capex, the ledger's own payback date.
    const first = d.days.findIndex((_, i) => (d.cumulativeCapexUsdCents[i] as number) > 0 && (d.cumulativeNetMarginUsdCents[i] as number) >= (d.cumulativeCapexUsdCents[i] as number))
    expect(model.paybackDate).toBe(report.totals.paybackDate)
    expect(first < 0 ? null : d.days[first]).toBe(report.totals.paybackDate)
    // The price on each month's last day is the month's closing price in the ledger's report (two folds agree).
    for (const m of report.months) {
      const lastDay = d.days.filter((day) => day.startsWith(m.month)).at(-1) as string
      expect(d.priceUsdCents[d.days.indexOf(lastDay)], m.month).toBe(m.priceUsdCents)
    }
    // The table: one row per month of the report, its columns the report's figures.
    const t = model.monthlyTable
    expect(t.months).toEqual(report.months.map((m) => m.month))
    const column = (header: string) => t.columns.find((c) => c.header === header)?.values
    expect(column("BTC mined")).toEqual(report.months.map((m) => m.minedSats))
    expect(column("net margin (USD)")).toEqual(report.months.map((m) => m.netMarginUsdCents))
    expect(column("cumulative net margin (USD)")?.at(-1)).toBe(report.totals.netMarginUsdCents)
    expect(column("BTC price at close (USD)")).toEqual(report.months.map((m) => m.priceUsdCents))
    expect(column("all-in cost per BTC (USD)")).toEqual(report.months.map((m) => m.allInCostPerBtcUsdCents))
  })

  it("expects what an FPPS pool pays: mined and expected agree to the fees' share of the reward", () => {
    // cango-2024 mines FPPS, which credits the fleet's hashes / work x (subsidy + expected fee) x (1 - pool fee).
    // The report's expected uses the scenario's mean fee, the run its path's fee level (per-path uncertainty), so
    // they may differ by at most the fee's share of a block reward (0.07 BTC of ~3.2 BTC, about 2.2%), no more.
    const model = singleRunModel(log(), { input: logFile, hashsimVersion: "test" })
    const mined = model.daily.cumulativeMinedSats[model.daily.cumulativeMinedSats.length - 1] as number
    const expected = model.daily.cumulativeExpectedSats[model.daily.cumulativeExpectedSats.length - 1] as number
    expect(Math.abs(mined / expected - 1)).toBeLessThan(0.022)
    // And day by day: the cumulative curves never drift apart by more than that either (after the first week).
    for (let i = 7; i < model.daily.days.length; i++) {
      const ratio = (model.daily.cumulativeMinedSats[i] as number) / (model.daily.cumulativeExpectedSats[i] as number)
      expect(Math.abs(ratio - 1), model.daily.days[i]).toBeLessThan(0.022)
    }
  })

  it("states the seed, engine, version and the scenario's lots, contract and pool", () => {
    const model = singleRunModel(log(), { input: logFile, hashsimVersion: "test" })
    expect(model.meta.seeds).toBe("path seed 42")
    expect(model.meta.engine).toBe("block")
    expect(model.meta.hashsimVersion).toBe("0.1.0")
    expect(model.meta.scenarioName).toBe("cango-2024")
    const titles = model.meta.assumptions.map((a) => a.title)
    expect(titles).toEqual(["Scenario and market model", "Lots", "Hosting contracts", "Pool and sales"])
    expect(model.meta.assumptions.find((a) => a.title === "Lots")?.rows.length).toBe(2)
    // The scenario's PoolConfigured (fpps, 2.5% fee) and SalesPolicySet, as stated.
    expect(model.meta.assumptions.find((a) => a.title === "Pool and sales")?.rows).toEqual([
      ["pool", "fpps, fee 2.50%"],
      ["sales policy", "hold"],
      ["operating policy", "always on"],
      ["BTC held at the end", "valued at the horizon's end price (the path's own spot price then) in NPV and the position's value"]
    ])
  })
})

describe("hashsim report (the real CLI)", () => {
  it("writes a self-contained page of a complete log with every single-run chart", () => {
    const out = join(work, "single.html")
    const result = runCli(["report", logFile, "--out", out])
    expect(result.stderr).toBe("")
    expect(result.status).toBe(0)
    const html = readFileSync(out, "utf8")
    for (const id of singleRunChartIds) expect(html).toContain(`<canvas id="${id}"`)
    expect(html).not.toMatch(/<[a-z][^>]*\s(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i)
    expect(html).toContain("Chart.js v4.6.1")
    expect(html).toContain("path seed 42")
  })

  it("writes the page of a Monte Carlo folder (10 paths) with fans, histograms and the summary", () => {
    const mc = join(work, "mc")
    const run = runCli(["mc", scenarioFile, "--paths", "10", "--seed", "7", "--workers", "1", "--out", mc])
    expect(run.status, run.stderr).toBe(0)
    const out = join(work, "batch.html")
    const result = runCli(["report", mc, "--scenario", scenarioFile, "--out", out])
    expect(result.stderr).toBe("")
    expect(result.status).toBe(0)
    const html = readFileSync(out, "utf8")
    for (const id of batchChartIds) expect(html).toContain(`<canvas id="${id}"`)
    expect(html).toContain("master seed 7")
    expect(html).toContain(createHash("sha256").update(readFileSync(scenarioFile)).digest("hex"))
    // The plan the scenario is compiled from stands for it (a batch of a plan is that scenario's batch).
    const fromPlan = runCli(["report", mc, "--scenario", join(repoRoot, "scenarios/cango-2024.yaml"), "--out", join(work, "batch-plan.html")])
    expect(fromPlan.stderr).toBe("")
    expect(fromPlan.status).toBe(0)
  })

  it("refuses bad input with file:line: field: message, exit 1 and no output file", () => {
    const dir = mkdtempSync(join(work, "bad-cli-"))
    const file = join(dir, "truncated.jsonl")
    const kept = logLines().slice(0, -1)
    writeFileSync(file, `${kept.join("\n")}\n`)
    const result = runCli(["report", file, "--out", join(dir, "report.html")])
    expect(result.status).toBe(1)
    // The last line kept (the seal was cut off) is where the log ends too early.
    expect(result.stderr).toMatch(new RegExp(`truncated\\.jsonl:${logLines().length - 1}: line: truncated`))
    noHtmlLeft(dir)
    const mc = mcFolder(dir, (s, o) => [s, o.replace("-3,", "abc,")])
    const bad = runCli(["report", mc, "--scenario", scenarioFile, "--out", join(dir, "report.html")])
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/outcomes\.csv:3: npvUsdCents: "abc" is not a finite number/)
    noHtmlLeft(dir)
  })

  it("asks for --scenario with a Monte Carlo folder, and for an .html output (usage errors, exit 2)", () => {
    const dir = mkdtempSync(join(work, "usage-"))
    const noScenario = runCli(["report", dir, "--out", join(dir, "r.html")])
    expect(noScenario.status).toBe(2)
    expect(noScenario.stderr).toContain("--scenario")
    const notHtml = runCli(["report", logFile, "--out", join(dir, "r.txt")])
    expect(notHtml.status).toBe(2)
    expect(notHtml.stderr).toContain("--out")
    noHtmlLeft(dir)
  })
})

describe("what the report refuses (each input has exactly one defect)", () => {
  const refuse = (name: string, make: (dir: string) => string, expectMessage: RegExp, scenario?: string) => {
    it(name, async () => {
      const dir = mkdtempSync(join(work, "bad-"))
      const error = await reportModelOf(make(dir), scenario, "test").then(() => undefined, (e: unknown) => e)
      expect(error).toBeInstanceOf(ReportInputError)
      expect((error as Error).message).toMatch(expectMessage)
    })
  }

  refuse("an edited line (the hash chain breaks on the next line)", (dir) => {
    const file = join(dir, "edited.jsonl")
    const all = logLines()
    all[99] = (all[99] as string).replace(/"seq":100,/, `"seq":100, `)
    writeFileSync(file, `${all.join("\n")}\n`)
    return file
  }, /edited\.jsonl:101: prev: /)

  refuse("a line that is not JSON", (dir) => {
    const file = join(dir, "garbled.jsonl")
    const all = logLines()
    all[4] = "{not json"
    writeFileSync(file, `${all.join("\n")}\n`)
    return file
  }, /garbled\.jsonl:5: line: invalid JSON/)

  refuse("a scenario that was never run", () => scenarioFile, /cango-2024\.jsonl:[0-9]+: line: not a complete log/)
  refuse("a file that does not exist", (dir) => join(dir, "missing.jsonl"), /missing\.jsonl: no such file or folder/)
  refuse("a Monte Carlo folder with a bad date", (dir) => mcFolder(dir, (s, o) => [s, o.replace("2026-01-02", "2026-13-02")]), /outcomes\.csv:2: paybackDate: /, scenarioFile)
  refuse("a Monte Carlo folder whose summary is not one", (dir) => mcFolder(dir, (s, o) => [s.replace("hashsim-mc-summary/1", "other"), o]), /summary\.json:1: format: expected "hashsim-mc-summary\/1"/i, scenarioFile)
  refuse("a Monte Carlo folder with another scenario", (dir) => mcFolder(dir, (s, o) => [s, o]), /cango-2024-self-hosted\.jsonl:1: scenario: its SHA-256 .* is not the batch's/, join(repoRoot, "scenarios/cango-2024-self-hosted.jsonl"))
  refuse("a Monte Carlo folder with a short row", (dir) => mcFolder(dir, (s, o) => [s, o.replace(",-3,200,8,", ",-3,200,")]), /outcomes\.csv:3: line: 6 cells, expected 7/, scenarioFile)
  refuse("a Monte Carlo folder without outcomes.csv", (dir) => {
    const mc = mcFolder(dir, (s, o) => [s, o])
    rmSync(join(mc, "outcomes.csv"))
    return mc
  }, /outcomes\.csv: missing \(.*manifest\.json lists it\)/, scenarioFile)

  it("accepts the same hand-made folder without its defect", async () => {
    const dir = mkdtempSync(join(work, "good-"))
    const model = await reportModelOf(mcFolder(dir, (s, o) => [s, o]), scenarioFile, "test")
    expect(model.kind).toBe("batch")
    if (model.kind !== "batch") return
    expect(model.cumulativeMinedSats.p50).toEqual([150])
    expect(model.paybackHistogram).toEqual({ binLabels: ["2026-01"], counts: [1], missing: 1, missingLabel: "none before 2028-11-07" })
    expect(model.npvHistogram.counts.reduce((a, b) => a + b, 0)).toBe(2)
    // The price fan is of levels (type 7 median of 90,000 and 70,000 dollars); the position is margin less capex
    // (cango-2024 buys both lots, $256M and $144M, in 2024-11); no path has paid back by 2024-11's end.
    expect(model.priceUsdCents.p50).toEqual([8_000_000])
    expect(model.priceUsdCents.p05).toEqual([7_000_000 + 0.05 * 2_000_000])
    expect(model.cumulativeCapexUsdCents).toEqual([40_000_000_000])
    expect(model.cumulativePositionUsdCents.p50).toEqual([7.5 - 40_000_000_000])
    expect(model.paidBackShare).toEqual([0])
    expect(model.monthlyTable.months).toEqual(["2024-11"])
    expect(model.monthlyTable.columns.find((c) => c.header === "BTC price at close, median (USD)")?.values).toEqual([8_000_000])
  })

  it("keeps every k-th path in the fans when a batch is too large for memory, and says so", async () => {
    const dir = mkdtempSync(join(work, "stride-"))
    const model = await batchModel(mcFolder(dir, (s, o) => [s, o]), { input: dir, scenarioFile, fanPaths: 1 })
    // Two paths, room for one: path 0 alone (mined 100, margin 7); the histograms still count both paths.
    expect(model.cumulativeMinedSats.p50).toEqual([100])
    expect(model.cumulativeNetMarginUsdCents.p95).toEqual([7])
    expect(model.paybackHistogram.counts[0]! + model.paybackHistogram.missing).toBe(2)
    expect(model.meta.notes.join(" ")).toContain("one path in 2 (1 paths")
  })
})
