// `hashsim import chain` end to end: on the real mainnet data of ../shared/data/chain (the Nov 2024 start, both
// retarget layouts, the headers, the committed hindcast scenario rebuilt byte for byte), and on bad data written
// to a temp folder (exit 1, every problem as file:line: field: message, nothing written).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { sharedDataFile } from "../../chain/test/sharedData.ts"
import { repoRoot, runCli, stackTrace } from "./runCli.ts"

const newRetargets = sharedDataFile("chain/mainnet-retargets-870912-941472.csv")
const oldRetargets = sharedDataFile("chain/mainnet-retargets-2016-832608.csv")
const headersCsv = sharedDataFile("chain/mainnet-headers-822528-830592.csv")
const fees = sharedDataFile("chain/mainnet-fees-monthly-2024-11-2025-12.csv")
const plan = join(repoRoot, "scenarios/cango-2024.jsonl")
const realData = newRetargets !== undefined && oldRetargets !== undefined && headersCsv !== undefined && fees !== undefined

const lines = (path: string) => readFileSync(path, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { at: string; type: string; data: Record<string, unknown> })

describe.skipIf(!realData)("import chain: the real 2024-2026 data", () => {
  const dir = mkdtempSync(join(tmpdir(), "hashsim-import-"))
  it("starts Nov 2024 at the real chain state: height 868896, bits 1702c4e4, epoch first block 1730759288", () => {
    const out = join(dir, "nov.jsonl")
    const r = runCli(["import", "chain", newRetargets!, fees!, "--scenario", plan, "--from", "2024-11-07", "--out", out])
    expect(r.stderr).toBe("")
    expect(r.status).toBe(0)
    const start = lines(out)[0]!
    expect(start).toMatchObject({ at: "2024-11-04T22:28:08Z", type: "ScenarioStarted" })
    const network = start.data["network"] as Record<string, number | string>
    expect({ height: network["height"], bits: network["bits"], epochFirstBlockTimeS: network["epochFirstBlockTimeS"] })
      .toEqual({ height: 868_896, bits: "1702c4e4", epochFirstBlockTimeS: 1_730_759_288 })
    // The epoch's pace: 2015 intervals in 1,202,008 s at difficulty 101.65 T, about 732 EH/s.
    expect(network["hashrateThs"]).toBeGreaterThan(731e6)
    expect(network["hashrateThs"]).toBeLessThan(733e6)
    const events = lines(out)
    expect(events.filter((e) => e.type === "DifficultyAdjusted")).toHaveLength(36)
    expect(events.filter((e) => e.type === "FeesObserved")).toHaveLength(14)
    // Every line after the first in time order, and the ledger accepts the whole.
    for (let i = 1; i < events.length; i++) expect(events[i]!.at >= events[i - 1]!.at).toBe(true)
    expect(runCli(["validate", out]).status).toBe(0)
  })
  it("the committed hindcast scenario is exactly what its rebuild command writes", () => {
    const out = join(dir, "hindcast.jsonl")
    const r = runCli(["import", "chain", newRetargets!, fees!, "--scenario", plan, "--name", "hindcast-2024-2026", "--out", out])
    expect(r.status).toBe(0)
    expect(readFileSync(out, "utf8")).toBe(readFileSync(join(repoRoot, "scenarios/hindcast-2024-2026.jsonl"), "utf8"))
  })
  it("reads the old layout and the headers of the same epochs, which agree", () => {
    const out = join(dir, "old.jsonl")
    const r = runCli(["import", "chain", oldRetargets!, headersCsv!, "--scenario", plan, "--from", "2024-01-01", "--out", out])
    expect(r.stderr).toBe("")
    expect(r.status).toBe(0)
    const events = lines(out)
    expect(events[0]!.data["network"]).toMatchObject({ height: 822_528, bits: "1703e8b3", epochFirstBlockTimeS: 1_703_311_464 })
    expect(events.filter((e) => e.type === "DifficultyAdjusted").map((e) => e.data["height"])).toEqual([824_544, 826_560, 828_576, 830_592, 832_608])
  })
})

describe("import chain: bad data", () => {
  it("prints each problem as file:line: field: message, exits 1 and writes nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "hashsim-import-bad-"))
    const csv = join(dir, "retargets.csv")
    writeFileSync(csv, [
      "retarget_height,first_block_time,last_block_time,old_bits,new_bits,new_difficulty",
      "870912,1730759288,1731961296,1702c4e4,1702c070,102289407543323.80",
      "872928,1731962532,1733153157,1702c070,1702b564,103919634711492.17",
      "876960,1734312810,1735508535,170297fa,1702905c,109782075598905.19"
    ].join("\n") + "\n")
    const out = join(dir, "out.jsonl")
    const r = runCli(["import", "chain", csv, "--scenario", plan, "--out", out])
    expect(r.status).toBe(1)
    expect(r.stderr.split("\n").filter((l) => l.startsWith(csv))).toEqual([
      `${csv}:3: new_bits: 1702b564 is not Core's retarget of 1702c070 over 1190625 s: 1702b563`,
      expect.stringMatching(/:3: new_difficulty: 103919634711492\.17 is not the difficulty of 1702b564 \(\d+\.\d+\)$/),
      `${csv}:4: retarget_height: a gap in heights: expected 874944 after 872928, got 876960`
    ])
    expect(r.stderr).not.toMatch(stackTrace)
    expect(existsSync(out)).toBe(false)
  })
})
