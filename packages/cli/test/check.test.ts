// `hashsim check` as a user's CI calls it: one line per check, exit 0 when all pass, exit 1 with `FAIL` and
// `file:line` when a scenario or log is broken; and the invariant library finds faults planted in a real log.
import { readFileSync } from "node:fs"
import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type LogEntry, validateLogText } from "@hashsim/ledger"
import { planUntil, scenarioOfText, simulateLog } from "@hashsim/sim"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { checkLogInvariants } from "@hashsim/invariants"
import { checkFileText } from "../src/check/index.ts"
import { repoRoot, runCli } from "./runCli.ts"

const cango = planUntil(
  scenarioOfText(readFileSync(join(repoRoot, "scenarios/cango-2024.jsonl"))),
  Date.parse("2024-12-10T00:00:00Z") / 1000,
  "2024-12-10T00:00:00Z"
)
const entriesOf = (text: string): Array<LogEntry> => {
  const entries: Array<LogEntry> = []
  validateLogText(text, { onEntry: (e) => entries.push(e) })
  return entries
}

let dir = ""
let scenario = ""
let log = ""
let logText = ""
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "hashsim-check-"))
  // A short scenario (cango-2024 cut at 2024-12-10, as `run --until` cuts it) and one complete log of it.
  scenario = join(dir, "cango-short.jsonl")
  await writeFile(scenario, cango.events.map((e) => JSON.stringify({ at: e.at, type: e.type, v: e.v, data: e.data })).join("\n") + "\n")
  logText = simulateLog(cango, 5, "block").text
  log = join(dir, "cango-seed5.jsonl")
  await writeFile(log, logText)
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe("hashsim check", () => {
  it("passes a scenario (seeds 1..2, both engines) and a complete log: one ok line per check, exit 0", () => {
    for (const engine of ["block", "aggregate"]) {
      const r = runCli(["check", scenario, log, "--seeds", "2", "--engine", engine])
      expect(r.stderr).toContain("checks passed")
      expect(r.status).toBe(0)
      const lines = r.stdout.trimEnd().split("\n")
      expect(lines.every((l) => l.startsWith("ok   "))).toBe(true)
      for (const check of ["validation", `seed 1 ${engine}: determinism`, `seed 2 ${engine}: replay`, `seed 2 ${engine}: conservation`, `seed 1 ${engine}: fleet`, `seed 1 ${engine}: chain`, "different seeds, different events"]) {
        expect(lines.some((l) => l.includes(scenario) && l.includes(check))).toBe(true)
      }
      for (const check of ["conservation", "fleet", "chain", "replay (a re-run writes the same bytes)"]) {
        expect(lines.some((l) => l.includes(log) && l.includes(check))).toBe(true)
      }
    }
  })

  it("fails a log whose line was edited: FAIL with file:line, exit 1", async () => {
    const lines = logText.split("\n")
    const i = lines.findIndex((l) => l.includes('"RewardCredited"'))
    lines[i] = lines[i]!.replace(/"amountSats":(\d+)/, (_m, n: string) => `"amountSats":${Number(n) + 1}`)
    const bad = join(dir, "edited.jsonl")
    await writeFile(bad, lines.join("\n"))
    const r = runCli(["check", bad])
    expect(r.status).toBe(1)
    expect(r.stdout).toContain(`FAIL ${bad}: validation: ${bad}:${i + 2}: prev:`)
    expect(r.stderr).toContain("checks failed")
  })

  it("fails a scenario that breaks a rule, naming its line; refuses --seeds 0 as a usage error", async () => {
    const bad = join(dir, "overdeployed.jsonl")
    const text = readFileSync(scenario, "utf8") + JSON.stringify({ at: "2024-12-01T00:00:00Z", type: "MachinesDeployed", v: 1, data: { lotId: "gtg-18eh", siteId: "bitmain-us", hashrateThs: 99_000_000 } }) + "\n"
    await writeFile(bad, text)
    const r = runCli(["check", bad, scenario, "--seeds", "1"])
    expect(r.status).toBe(1)
    const n = text.trimEnd().split("\n").length
    expect(r.stdout).toContain(`FAIL ${bad}: validation: ${bad}:${n}: data.hashrateThs:`)
    // The other file is still checked.
    expect(r.stdout).toContain(`ok   ${scenario}: seed 1 block: chain`)
    expect(runCli(["check", scenario, "--seeds", "0"]).status).toBe(2)
  })
})

describe("checkLogInvariants finds faults planted in a real log", () => {
  const entries = entriesOf(simulateLog(cango, 3, "block").text)
  const plant = (f: (e: LogEntry) => LogEntry | null): Array<LogEntry> =>
    entries.flatMap((e) => {
      const r = f(e)
      return r === null ? [] : [r]
    })

  it("a clean log has no violations, with either engine", () => {
    expect(checkLogInvariants(entries)).toEqual([])
    expect(checkLogInvariants(entriesOf(simulateLog(cango, 3, "aggregate").text))).toEqual([])
  })

  it("conservation: a sale of more BTC than was credited, at its line", () => {
    const held = entries.reduce((a, e) => a + (e.type === "RewardCredited" ? e.data.amountSats : 0), 0)
    const last = entries.at(-2)!
    const sale = { ...last, type: "BtcSold", data: { amountSats: held + 1, priceUsdCents: 100, proceedsUsdCents: 0 } } as LogEntry
    const v = checkLogInvariants([...entries.slice(0, -2), sale])
    expect(v.some((x) => x.invariant === "conservation" && x.line === last.seq && x.message.includes("negative"))).toBe(true)
  })

  it("conservation: a block credit with no fleet block behind it, at its line", () => {
    const block = entries.find((e) => e.type === "BlockFound" && e.data.fleet)!
    const forged = { ...block, type: "RewardCredited", data: { amountSats: 1, poolFeeSats: 0, basis: "block", height: 1 } } as LogEntry
    const v = checkLogInvariants(entries.flatMap((e) => (e === block ? [e, forged] : [e])))
    expect(v.some((x) => x.invariant === "conservation" && x.line === block.seq && x.message.includes("no uncredited fleet block"))).toBe(true)
  })

  it("fleet: hosting billed on a day nothing was online", () => {
    const bad = plant((e) => (e.type === "MachinesDeployed" ? null : e))
    const v = checkLogInvariants(bad).filter((x) => x.invariant === "fleet")
    const fee = bad.find((e) => e.type === "HostingFeeCharged")!
    expect(v[0]).toEqual({ invariant: "fleet", line: fee.seq, message: expect.stringContaining("nothing was online") })
  })

  it("chain: a missing retarget, and a retarget outside the factor-4 clamp", () => {
    const retarget = entries.find((e) => e.type === "DifficultyAdjusted")!
    expect(checkLogInvariants(plant((e) => (e === retarget ? null : e))).some((x) => x.invariant === "chain" && x.message.includes("without a DifficultyAdjusted"))).toBe(true)
    const clamped = plant((e) =>
      e === retarget && e.type === "DifficultyAdjusted" ? { ...e, data: { ...e.data, newBits: "1800ffff", lastBlockTimeS: e.data.firstBlockTimeS + 100 * 1_209_600 } } : e
    )
    const v = checkLogInvariants(clamped).filter((x) => x.invariant === "chain" && x.line === retarget.seq)
    expect(v.map((x) => x.message)).toContain("new target exceeds 4 x the old target (1702c4e4 -> 1800ffff)")
  })

  it("checkFileText of the same log agrees with the command's view (all ok)", () => {
    expect(checkFileText("x.jsonl", logText, { seeds: 1, engine: "block" }).filter((r) => !r.ok)).toEqual([])
  })
})
