// The mutation sweep over a complete log (the golden log, 508 lines): every line deleted, duplicated and swapped
// with its neighbour, then random byte flips, deletions and insertions (a BOM and a CR among the inserted bytes),
// each checked by the validator in-process. Every mutation must be detected: a complete log is sealed and
// hash-chained, so no edit may pass. `pnpm test` runs a sample; `pnpm test:deep` (FC_NUM_RUNS set, or DEEP=1)
// the whole sweep. The random mutations use a fixed seed (splitmix-style), so a miss is reproducible by its index.
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { validateLogText } from "../../packages/ledger/src/index.ts"
import { describe, expect, it } from "vitest"
import { repoRoot } from "./support.ts"

const deep = process.env["DEEP"] === "1" || (process.env["FC_NUM_RUNS"] !== undefined && Number(process.env["FC_NUM_RUNS"]) >= 1000)
const golden = readFileSync(join(repoRoot, "packages/sim/test/golden/cango-2024-seed1-block-until-2025-01-01.jsonl"))
const lines = golden.toString("utf8").replace(/\n$/, "").split("\n")
const joined = (all: ReadonlyArray<string>) => Buffer.from(`${all.join("\n")}\n`, "utf8")

/** A small deterministic PRNG (mulberry32): the sweep is the same on every run. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const undetected = (mutants: Iterable<readonly [string, Buffer]>): Array<string> => {
  const missed: Array<string> = []
  let count = 0
  for (const [name, bytes] of mutants) {
    count++
    if (bytes.equals(golden)) continue
    if (validateLogText(bytes).problems.length === 0) missed.push(name)
  }
  expect(count).toBeGreaterThan(0)
  return missed
}

/** Line indices to mutate: all of them in a deep run, else every 25th and the last three (the seal's neighbours). */
const lineIndices = (): Array<number> => {
  const all = lines.map((_, i) => i)
  return deep ? all : all.filter((i) => i % 25 === 0 || i >= lines.length - 3)
}

describe(`the mutation sweep over a complete log (${deep ? "deep: every line, 6,000 random edits" : "sample; DEEP=1 for all"})`, () => {
  it("the unmutated log is valid (the control)", () => {
    expect(validateLogText(golden).problems).toEqual([])
  })

  it("every line deleted, duplicated, or swapped with the next is detected", () => {
    function* mutants(): Generator<readonly [string, Buffer]> {
      for (const i of lineIndices()) {
        yield [`delete line ${i + 1}`, joined(lines.filter((_, j) => j !== i))]
        yield [`duplicate line ${i + 1}`, joined([...lines.slice(0, i + 1), lines[i] as string, ...lines.slice(i + 1)])]
        if (i + 1 < lines.length) {
          const swapped = [...lines]
          ;[swapped[i], swapped[i + 1]] = [swapped[i + 1] as string, swapped[i] as string]
          yield [`swap lines ${i + 1} and ${i + 2}`, joined(swapped)]
        }
      }
    }
    expect(undetected(mutants())).toEqual([])
  }, deep ? 600_000 : 60_000)

  it("random byte flips, deletions and insertions (BOM and CR included) are detected", () => {
    const random = prng(20261107)
    const count = deep ? 6_000 : 100
    const lineStarts = [0]
    for (let i = 0; i < golden.length - 1; i++) if (golden[i] === 0x0a) lineStarts.push(i + 1)
    const inserts = [Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("\r"), Buffer.from(" "), Buffer.from("\n"), Buffer.from("0"), Buffer.from([0x00])]
    function* mutants(): Generator<readonly [string, Buffer]> {
      for (let k = 0; k < count; k++) {
        const kind = Math.floor(random() * 4)
        // Half the positions anywhere, half at a line start (where a BOM hides best).
        const anywhere = Math.floor(random() * golden.length)
        const at = random() < 0.5 ? anywhere : (lineStarts[Math.floor(random() * lineStarts.length)] as number)
        if (kind === 0) {
          const flipped = Buffer.from(golden)
          flipped[at] = (flipped[at] as number) ^ (1 << Math.floor(random() * 8))
          yield [`#${k} flip a bit of byte ${at}`, flipped]
        } else if (kind === 1) {
          yield [`#${k} delete byte ${at}`, Buffer.concat([golden.subarray(0, at), golden.subarray(at + 1)])]
        } else {
          const insert = kind === 2 ? (inserts[Math.floor(random() * inserts.length)] as Buffer) : Buffer.from([Math.floor(random() * 256)])
          yield [`#${k} insert ${insert.toString("hex")} at byte ${at}`, Buffer.concat([golden.subarray(0, at), insert, golden.subarray(at)])]
        }
      }
      // The case issue 16 found missed: a BOM before the seal line; and a CR before the final newline.
      const sealStart = lineStarts[lineStarts.length - 1] as number
      yield ["BOM before the seal", Buffer.concat([golden.subarray(0, sealStart), Buffer.from([0xef, 0xbb, 0xbf]), golden.subarray(sealStart)])]
      yield ["CR before the final newline", Buffer.concat([golden.subarray(0, golden.length - 1), Buffer.from("\r\n")])]
    }
    expect(undetected(mutants())).toEqual([])
  }, deep ? 600_000 : 60_000)
})
