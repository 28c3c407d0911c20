// Family "report": `hashsim report` of a Monte Carlo folder reads it through the one sealed reader, so a damaged
// summary.json or outcomes.csv (with or without recomputed digests), a shard, a missing manifest or another
// scenario are refused with file:line: field, exit 1 (2 for a misuse of flags), and no HTML file is written.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { cangoScenario, editCell, expectRefused, hashsim, repoRoot, reseal, scratch } from "./support.ts"

const root = scratch("report")
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")

beforeAll(async () => {
  const made = await Promise.all([
    hashsim(["mc", cangoScenario, "--paths", "6", "--seed", "3", "--workers", "1", "--out", join(root, "batch")]),
    hashsim(["mc", cangoScenario, "--paths", "6", "--seed", "3", "--workers", "1", "--shard", "1/2", "--out", join(root, "shard")])
  ])
  for (const r of made) expect(r.code, r.stderr).toBe(0)
})

const reportOf = async (name: string, edit: (dir: string) => void, scenario = cangoScenario) => {
  const dir = join(root, name)
  cpSync(join(root, "batch"), dir, { recursive: true })
  edit(dir)
  const out = join(root, `${name}.html`)
  return { result: await hashsim(["report", dir, "--scenario", scenario, "--out", out]), dir, out }
}

const summaryOf = (d: string) => join(d, "summary.json")
const csvOf = (d: string) => join(d, "outcomes.csv")
const editSummary = (d: string, from: string, to: string) => writeFileSync(summaryOf(d), readFileSync(summaryOf(d), "utf8").replace(from, to))

describe("report", () => {
  it("writes the page of the undamaged folder (the control case)", async () => {
    const { result, out } = await reportOf("control", () => undefined)
    expect(result.code, result.stderr).toBe(0)
    expect(existsSync(out)).toBe(true)
  })

  const cases: ReadonlyArray<readonly [string, (d: string) => void, (d: string) => RegExp, string]> = [
    ["a summary mean edited", (d) => editSummary(d, '"mean": ', '"mean": 1'),
      (d) => new RegExp(`${esc(summaryOf(d))}: ([0-9]+ bytes, but manifest.json records|its SHA-256 is not the one manifest.json records)`), cangoScenario],
    ["a summary of another format, resealed", (d) => { editSummary(d, "hashsim-mc-summary/1", "other/1"); reseal(d) },
      (d) => new RegExp(`${esc(summaryOf(d))}:1: format: expected "hashsim-mc-summary/1"`, "i"), cangoScenario],
    ["a summary of another seed, resealed", (d) => { editSummary(d, '"masterSeed": 3,', '"masterSeed": 4,'); reseal(d) },
      (d) => new RegExp(`${esc(summaryOf(d))}:1: masterSeed: 4, but manifest.json records 3`), cangoScenario],
    ["a summary with a key twice, resealed", (d) => { editSummary(d, '"paths": 6,', '"paths": 6,\n  "paths": 600,'); reseal(d) },
      (d) => new RegExp(`${esc(summaryOf(d))}:1: paths: given twice`), cangoScenario],
    ["a cell edited", (d) => editCell(csvOf(d), 3, "npvUsdCents", "1"),
      (d) => new RegExp(`${esc(csvOf(d))}: ([0-9]+ bytes, but manifest.json records|its SHA-256 is not the one manifest.json records)`), cangoScenario],
    ["-Infinity in a cell, resealed", (d) => { editCell(csvOf(d), 3, "npvUsdCents", "-Infinity"); reseal(d) },
      (d) => new RegExp(`${esc(csvOf(d))}:4: npvUsdCents: "-Infinity" is not a finite number`), cangoScenario],
    ["no manifest.json", (d) => rmSync(join(d, "manifest.json")), (d) => new RegExp(`${esc(d)}: not a Monte Carlo output folder \\(no manifest.json`), cangoScenario],
    ["no outcomes.csv", (d) => rmSync(csvOf(d)), (d) => new RegExp(`${esc(csvOf(d))}: missing \\(.*manifest.json lists it\\)`), cangoScenario],
    ["a shard folder", (d) => { rmSync(d, { recursive: true }); cpSync(join(root, "shard"), d, { recursive: true }) },
      (d) => new RegExp(`${esc(join(d, "manifest.json"))}:1: shard: .* holds shard 1/2 only; join the shards with \`hashsim merge\` first`), cangoScenario],
    ["another scenario", () => undefined, () => /cango-2024-self-hosted\.jsonl:1: scenario: its SHA-256 .* is not the batch's/,
      join(repoRoot, "scenarios/cango-2024-self-hosted.jsonl")]
  ]

  it.concurrent.each(cases)("refuses %s", async (name, edit, message, scenario) => {
    const { result, dir, out } = await reportOf(name.replace(/[^a-z0-9]+/gi, "-"), edit, scenario)
    expectRefused(result, 1, message(dir))
    expect(existsSync(out)).toBe(false)
  })

  it("refuses a folder without --scenario, and an output that is not .html (exit 2)", async () => {
    expectRefused(await hashsim(["report", join(root, "batch"), "--out", join(root, "x.html")]), 2, /pass --scenario/)
    expectRefused(await hashsim(["report", join(root, "batch"), "--scenario", cangoScenario, "--out", join(root, "x.txt")]), 2, /--out must name an \.html file/)
    expect(existsSync(join(root, "x.html"))).toBe(false)
  })
})
