// `hashsim mc` and `hashsim merge` end to end on scenarios/cango-2024.jsonl: outputs independent of the
// number of workers and of sharding, job-array shard selection, refusals, and Ctrl-C.
import { spawn, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { hashsimNodeArgs } from "@hashsim/testkit"
import { describe, expect, it } from "vitest"

const root = new URL("../../../", import.meta.url).pathname
const scenario = "scenarios/cango-2024.jsonl"
const cleanEnv = { ...process.env, JOB_COMPLETION_INDEX: "", SLURM_ARRAY_TASK_ID: "", SLURM_ARRAY_TASK_MIN: "" }
const hashsim = (args: ReadonlyArray<string>, env: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, hashsimNodeArgs(args), { cwd: root, encoding: "utf8", env: { ...cleanEnv, ...env } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}
const bytes = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), "latin1")]))

describe("hashsim mc and merge on cango-2024", () => {
  const scratch = mkdtempSync(join(tmpdir(), "hashsim-mc-e2e-"))
  const at = (name: string) => join(scratch, name)
  const batch = (out: string, more: ReadonlyArray<string> = [], env: Record<string, string> = {}, seed = "424242") =>
    hashsim(["mc", scenario, "--paths", "40", "--seed", seed, "--out", at(out), ...more], env)

  it("writes the same bytes with 1, 2 and 4 workers, and prints a summary table", () => {
    const one = batch("w1", ["--workers", "1"])
    expect(one.code).toBe(0)
    expect(one.stdout).toMatch(/Monte Carlo: 40 paths, master seed 424242, engine aggregate/)
    expect(one.stdout).toMatch(/mined \(BTC\)\s+40\s+0/)
    expect(one.stderr).toMatch(/mc: 40\/40 paths \(100%\)/)
    expect(batch("w2", ["--workers", "2"]).code).toBe(0)
    expect(batch("w4", ["--workers", "4"]).code).toBe(0)
    const reference = bytes(at("w1"))
    expect(Object.keys(reference)).toEqual(["manifest.json", "outcomes.csv", "summary.json"])
    expect(bytes(at("w2"))).toEqual(reference)
    expect(bytes(at("w4"))).toEqual(reference)
    const summary = JSON.parse(reference["summary.json"] ?? "{}")
    expect(summary).toMatchObject({ masterSeed: 424242, paths: 40, engine: "aggregate" })
    expect(summary.scenarioSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(Object.keys(summary.columns)).toEqual(expect.arrayContaining(["minedSats", "paybackDate", "minedSats:2024-12", "netMarginUsdCents:2028-10"]))
  })

  it("splits into 3 shards (--shard, JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID) that merge into the unsharded bytes", () => {
    const first = batch("s1", ["--shard", "1/3", "--workers", "2"])
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/shard 1\/3: paths 0\.\.12 of 40/)
    expect(batch("s2", ["--shards", "3"], { JOB_COMPLETION_INDEX: "1" }).code).toBe(0)
    expect(batch("s3", ["--shards", "3"], { SLURM_ARRAY_TASK_ID: "7", SLURM_ARRAY_TASK_MIN: "5" }).code).toBe(0)
    expect(JSON.parse(readFileSync(at("s2/manifest.json"), "utf8"))).toMatchObject({ shard: "2/3", pathStart: 13, pathEnd: 26 })
    expect(JSON.parse(readFileSync(at("s3/manifest.json"), "utf8"))).toMatchObject({ shard: "3/3", pathStart: 26, pathEnd: 40 })
    const merged = hashsim(["merge", at("s3"), at("s1"), at("s2"), "--out", at("merged")])
    expect(merged.code).toBe(0)
    expect(merged.stdout).toMatch(/Monte Carlo: 40 paths/)
    if (!existsSync(at("w1"))) expect(batch("w1").code).toBe(0)
    expect(bytes(at("merged"))).toEqual(bytes(at("w1")))
  })

  it("names the table it wrote, and merges Parquet shards into Parquet (or CSV with --format csv)", () => {
    const csv = batch("fmt-csv", ["--workers", "1"])
    expect(csv.code).toBe(0)
    expect(csv.stdout).toMatch(/monthly columns .* are in outcomes\.csv and summary\.json/)
    const whole = batch("fmt-pq", ["--format", "parquet", "--workers", "1"])
    expect(whole.code).toBe(0)
    expect(whole.stdout).toMatch(/monthly columns .* are in outcomes\.parquet and summary\.json/)
    expect(whole.stdout).not.toContain("outcomes.csv")
    for (const k of [1, 2]) expect(batch(`pq-s${k}`, ["--shard", `${k}/2`, "--format", "parquet"]).code).toBe(0)
    const merged = hashsim(["merge", at("pq-s2"), at("pq-s1"), "--out", at("pq-merged")])
    expect(merged.code, merged.stderr).toBe(0)
    expect(merged.stdout).toMatch(/are in outcomes\.parquet and summary\.json/)
    expect(bytes(at("pq-merged"))).toEqual(bytes(at("fmt-pq")))
    const asCsv = hashsim(["merge", at("pq-s1"), at("pq-s2"), "--format", "csv", "--out", at("pq-merged-csv")])
    expect(asCsv.code, asCsv.stderr).toBe(0)
    expect(asCsv.stdout).toMatch(/are in outcomes\.csv and summary\.json/)
    expect(bytes(at("pq-merged-csv"))).toEqual(bytes(at("fmt-csv")))
  })

  it("reproduces path i with `hashsim run --seed <its seed> --engine aggregate` (the run's report equals the row)", () => {
    if (!existsSync(at("w1"))) expect(batch("w1").code).toBe(0)
    const lines = readFileSync(at("w1/outcomes.csv"), "utf8").trimEnd().split("\n")
    const header = (lines[0] ?? "").split(",")
    const cells = (lines[1 + 17] ?? "").split(",")
    const cell = (name: string) => cells[header.indexOf(name)]
    const run = hashsim(["run", scenario, "--seed", cell("seed") ?? "", "--engine", "aggregate", "--out", at("path17.jsonl"), "--format", "json"])
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as { totals: Record<string, number | string | null>; months: Array<Record<string, number | string>> }
    for (const name of ["minedSats", "revenueUsdCents", "hostingCostUsdCents", "netMarginUsdCents", "npvUsdCents", "btcHeldSats"]) {
      expect([name, cell(name)]).toEqual([name, String(report.totals[name])])
    }
    expect(cell("paybackDate")).toBe(report.totals["paybackDate"] ?? "")
    for (const month of report.months) expect([month["month"], cell(`minedSats:${String(month["month"])}`)]).toEqual([month["month"], String(month["minedSats"])])
  })

  it("refuses to merge shards with a gap, an overlap, or of another seed", () => {
    const gap = hashsim(["merge", at("s1"), at("s3"), "--out", at("m-gap")])
    expect(gap.code).toBe(1)
    expect(gap.stderr).toMatch(/paths 13\.\.25 are in no shard given/)
    const overlap = hashsim(["merge", at("s1"), at("s1"), at("s2"), at("s3"), "--out", at("m-overlap")])
    expect(overlap.code).toBe(1)
    expect(overlap.stderr).toMatch(/overlaps/)
    expect(batch("other-seed", ["--shard", "2/3"], {}, "7").code).toBe(0)
    const mixed = hashsim(["merge", at("s1"), at("other-seed"), at("s3"), "--out", at("m-mixed")])
    expect(mixed.code).toBe(1)
    expect(mixed.stderr).toMatch(/is a shard of another batch: its masterSeed is 7, but .* has 424242/)
    for (const dir of ["m-gap", "m-overlap", "m-mixed"]) expect(existsSync(at(dir)) ? readdirSync(at(dir)) : []).toEqual([])
  })

  it("refuses an output folder that holds another batch (exit 2) before running anything", () => {
    const other = batch("w1", ["--workers", "1"], {}, "5")
    expect(other.code).toBe(2)
    expect(other.stderr).toMatch(/already holds the outputs of another batch .*seed 424242/)
    expect(other.stderr).not.toMatch(/paths \(/)
  })

  it("on Ctrl-C exits 130 and leaves no file that looks complete", async () => {
    const out = at("interrupted")
    const child = spawn(process.execPath, hashsimNodeArgs(["mc", scenario, "--paths", "200000", "--seed", "1", "--out", out, "--workers", "2"]), { cwd: root, env: cleanEnv })
    let stderr = ""
    const progressed = new Promise<void>((resolve) => child.stderr.on("data", (d: Buffer) => { stderr += d.toString(); if (/paths \(/.test(stderr)) resolve() }))
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))
    await progressed
    child.kill("SIGINT")
    expect(await exited).toBe(130)
    expect(existsSync(out)).toBe(false)
  })
})
