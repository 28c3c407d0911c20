// Family "merge": shards damaged in every way issue 16 found merge accepting (a cell x10, Infinity, a blank, 0x10,
// 2027-02-31, a changed seed, two rows' data swapped, another seed's rows under this manifest), each with and
// without an attacker who recomputes the manifest's digests. Every case: exit 1 (2 for --out), the message naming
// folder, file, line and field, and no --out left behind.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { cangoScenario, editCell, expectRefused, filesIn, hashsim, lines, reseal, scratch, writeLines } from "./support.ts"

const root = scratch("merge")
const shard = (k: number, seed = "424242") => ["mc", cangoScenario, "--paths", "8", "--seed", seed, "--shard", `${k}/2`, "--workers", "1", "--out"]

beforeAll(async () => {
  const made = await Promise.all([
    hashsim([...shard(1), join(root, "s1")]),
    hashsim([...shard(2), join(root, "s2")]),
    hashsim([...shard(2, "7"), join(root, "other-seed")])
  ])
  for (const r of made) expect(r.code, r.stderr).toBe(0)
})

/** A fresh copy of shard 2, edited by `edit`; merge it with shard 1 and return the result and the copy's path. */
const mergeEdited = async (name: string, edit: (dir: string) => void) => {
  const dir = join(root, name)
  cpSync(join(root, "s2"), dir, { recursive: true })
  edit(dir)
  const out = join(root, `${name}-merged`)
  const result = await hashsim(["merge", join(root, "s1"), dir, "--out", out])
  return { result, dir, out }
}

const csv = (dir: string) => join(dir, "outcomes.csv")
/** An edit the seal catches: a changed size, or the same size and another SHA-256. */
const sealBroken = (d: string) => new RegExp(`${esc(csv(d))}: ([0-9]+ bytes, but manifest.json records [0-9]+ \\(truncated or edited\\)|its SHA-256 is not the one manifest.json records)`)
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")

describe("merge", () => {
  it("accepts the undamaged shards (the control case)", async () => {
    const { result, out } = await mergeEdited("control", () => undefined)
    expect(result.code, result.stderr).toBe(0)
    expect(filesIn(out)).toEqual(["manifest.json", "outcomes.csv", "summary.json"])
  })

  const damaged: ReadonlyArray<readonly [string, (dir: string) => void, (dir: string) => RegExp]> = [
    ["a cell multiplied by 10", (d) => editCell(csv(d), 2, "minedSats", String(Number(lines(csv(d))[2]!.split(",")[2]) * 10)),
      sealBroken],
    ["Infinity in a cell, resealed", (d) => { editCell(csv(d), 2, "npvUsdCents", "Infinity"); reseal(d) },
      (d) => new RegExp(`${esc(csv(d))}:3: npvUsdCents: "Infinity" is not a finite number`)],
    ["a blank cell", (d) => editCell(csv(d), 1, "minedSats", ""), sealBroken],
    ["0x10 in a cell, resealed", (d) => { editCell(csv(d), 1, "minedSats", "0x10"); reseal(d) },
      (d) => new RegExp(`${esc(csv(d))}:2: minedSats: "0x10" is not a finite number`)],
    ["1e1 (not the shortest form), resealed", (d) => { editCell(csv(d), 1, "minedSats", "1e1"); reseal(d) },
      (d) => new RegExp(`${esc(csv(d))}:2: minedSats: "1e1" is not a finite number in its shortest form`)],
    ["2027-02-31 as a date, resealed", (d) => { editCell(csv(d), 1, "paybackDate", "2027-02-31"); reseal(d) },
      (d) => new RegExp(`${esc(csv(d))}:2: paybackDate: "2027-02-31" is not a calendar date`)],
    ["a changed seed, resealed", (d) => { editCell(csv(d), 2, "seed", "12345"); reseal(d) },
      (d) => new RegExp(`${esc(csv(d))}:3: seed: expected [0-9]+ \\(master seed 424242, path 5\\), found "12345"`)],
    ["two rows' data swapped", (d) => {
      const all = lines(csv(d))
      const a = all[1]!.split(",")
      const b = all[2]!.split(",")
      all[1] = [...a.slice(0, 2), ...b.slice(2)].join(",")
      all[2] = [...b.slice(0, 2), ...a.slice(2)].join(",")
      writeLines(csv(d), all)
    }, sealBroken],
    ["two whole rows swapped, resealed", (d) => {
      const all = lines(csv(d))
      ;[all[1], all[2]] = [all[2]!, all[1]!]
      writeLines(csv(d), all)
      reseal(d)
    }, (d) => new RegExp(`${esc(csv(d))}:2: path: expected 4, found "5"`)],
    ["another seed's rows under this manifest, resealed", (d) => {
      cpSync(join(root, "other-seed", "outcomes.csv"), csv(d))
      reseal(d)
    }, (d) => new RegExp(`${esc(csv(d))}:2: seed: expected [0-9]+ \\(master seed 424242, path 4\\)`)],
    ["a truncated outcomes.csv", (d) => writeLines(csv(d), lines(csv(d)).slice(0, -1)),
      (d) => new RegExp(`${esc(csv(d))}: [0-9]+ bytes, but manifest.json records [0-9]+ \\(truncated or edited\\)`)],
    ["a truncated outcomes.csv, resealed", (d) => { writeLines(csv(d), lines(csv(d)).slice(0, -1)); reseal(d) },
      (d) => new RegExp(`${esc(csv(d))}:4: path: ends at path 6, but manifest.json records paths 4..7`)],
    ["no manifest.json", (d) => rmSync(join(d, "manifest.json")),
      (d) => new RegExp(`${esc(d)}: not a Monte Carlo output folder \\(no manifest.json`)],
    ["a manifest with a key twice", (d) => {
      const text = readFileSync(join(d, "manifest.json"), "utf8").replace('"masterSeed": 424242,', '"masterSeed": 424242,\n  "masterSeed": 7,')
      writeFileSync(join(d, "manifest.json"), text)
    }, (d) => new RegExp(`${esc(join(d, "manifest.json"))}:1: masterSeed: given twice`)],
    ["a stray file in the shard", (d) => writeFileSync(join(d, "notes.txt"), "x"),
      (d) => new RegExp(`${esc(join(d, "notes.txt"))}: not part of the batch`)],
    ["a whole batch given as a shard", (d) => {
      rmSync(d, { recursive: true })
      cpSync(join(root, "control-merged"), d, { recursive: true })
    }, (d) => new RegExp(`${esc(join(d, "manifest.json"))}:1: shard: .* holds a whole batch, not a shard`)]
  ]

  it.concurrent.each(damaged)("refuses %s", async (name, edit, message) => {
    const { result, dir, out } = await mergeEdited(name.replace(/[^a-z0-9]+/gi, "-"), edit)
    expectRefused(result, 1, message(dir))
    expect(existsSync(out)).toBe(false)
  })

  it("refuses an --out that holds another batch (exit 2), leaving it as it was", async () => {
    const out = join(root, "busy")
    expect((await hashsim(["mc", cangoScenario, "--paths", "3", "--seed", "5", "--workers", "1", "--out", out])).code).toBe(0)
    const before = readFileSync(join(out, "outcomes.csv"), "utf8")
    const result = await hashsim(["merge", join(root, "s1"), join(root, "s2"), "--out", out])
    expectRefused(result, 2, new RegExp(`--out ${esc(out)}: already holds the outputs of another batch`))
    expect(readFileSync(join(out, "outcomes.csv"), "utf8")).toBe(before)
  })
})
