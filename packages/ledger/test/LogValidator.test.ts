import fc from "fast-check"
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  appendToLog, completeLogText, event, type EventType, formatProblem, generatedOnlyTypes, hashLine, LogAppendError, type LogProblem, validateLogFile,
  validateLogText
} from "../src/index.ts"
import { sampleEntries } from "./fixtures.ts"

const good = completeLogText(sampleEntries(3))
const lines = good.slice(0, -1).split("\n")
/** A floor on runs for properties over a large input space; FC_NUM_RUNS (test:deep) raises it further. */
const atLeast = (n: number): number => Math.max(n, fc.readConfigureGlobal().numRuns ?? 0)
const fields = (problems: ReadonlyArray<LogProblem>) => problems.map((p) => `${p.line}:${p.field}`)

let dir = ""
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), "hashsim-ledger-")) })
afterAll(async () => { await rm(dir, { recursive: true, force: true }) })

describe("validate: a good log", () => {
  it("has no problems, is sealed, and counts its events", () => {
    const { summary, problems } = validateLogText(good)
    expect(problems).toEqual([])
    expect(summary.sealed).toBe(true)
    expect(summary.complete).toBe(true)
    expect(summary.events).toBe(lines.length - 1)
    expect(summary.lastHash).toBe(hashLine(lines.at(-1)!))
  })
  it("accepts a hand-written scenario without seq and prev", () => {
    const scenario = sampleEntries(1).slice(0, 5).map((e) => JSON.stringify(e)).join("\n") + "\n"
    const { summary, problems } = validateLogText(scenario)
    expect(problems).toEqual([])
    expect(summary.chained).toBe(false)
    expect(summary.events).toBe(5)
  })
  it("accepts a pure plan without a seal", () => {
    const plan = completeLogText(sampleEntries(1).slice(0, 5)).split("\n").slice(0, 5).join("\n") + "\n"
    const { summary, problems } = validateLogText(plan)
    expect(problems).toEqual([])
    expect(summary.complete).toBe(false)
    expect(summary.chained).toBe(true)
    const withStep = completeLogText(sampleEntries(1).slice(0, 6)).split("\n").slice(0, 6).join("\n") + "\n"
    expect(validateLogText(withStep).problems.map((p) => p.message)).toEqual(["truncated: a complete log ends with LogSealed (it is missing)"])
  })
})

describe("validate: bad input names the line and the field", () => {
  const replaceLine = (n: number, line: string) => lines.map((l, i) => (i === n - 1 ? line : l)).join("\n") + "\n"
  const withData = (n: number, f: (d: Record<string, unknown>) => void) => {
    const o = JSON.parse(lines[n - 1]!) as { data: Record<string, unknown> }
    f(o.data)
    return replaceLine(n, JSON.stringify(o))
  }
  it("invalid JSON", () => {
    const { problems } = validateLogText(replaceLine(2, "{not json"))
    expect(problems[0]).toMatchObject({ line: 2, field: "line" })
    expect(problems[0]!.message).toMatch(/invalid JSON/)
  })
  it("a wrong type, a missing field, a negative hashrate", () => {
    expect(fields(validateLogText(withData(2, (d) => { d.hashrateThs = "32" })).problems)).toContain("2:data.hashrateThs")
    expect(fields(validateLogText(withData(2, (d) => { delete d.vendor })).problems)).toContain("2:data.vendor")
    expect(fields(validateLogText(withData(4, (d) => { d.hashrateThs = -1 })).problems)).toContain("4:data.hashrateThs")
  })
  it("NaN and an unknown event type", () => {
    expect(validateLogText(replaceLine(2, lines[1]!.replace("32000000", "NaN"))).problems[0]).toMatchObject({ line: 2, field: "line" })
    expect(fields(validateLogText(replaceLine(2, lines[1]!.replace("HashratePurchased", "HashrateBought"))).problems)).toContain("2:type")
  })
  it("an unknown field in data or in the envelope", () => {
    expect(fields(validateLogText(withData(2, (d) => { d.colour = "red" })).problems)).toContain("2:data.colour")
    expect(fields(validateLogText(replaceLine(2, lines[1]!.replace('{"seq":2,', '{"seq":2,"x":1,'))).problems)).toContain("2:x")
  })
  it("a broken hash chain: an edited line is caught by the next line's prev", () => {
    const edited = withData(6, (d) => { d.priceUsdCents = 7_500_001 })
    expect(fields(validateLogText(edited).problems)).toEqual(["7:prev"])
  })
  it("a removed line: seq and prev", () => {
    const removed = lines.filter((_, i) => i !== 4).join("\n") + "\n"
    const f = fields(validateLogText(removed).problems)
    expect(f).toContain("5:seq")
    expect(f).toContain("5:prev")
  })
  it("a torn last line is reported, not dropped", () => {
    const { problems } = validateLogText(good.slice(0, -10))
    expect(problems.some((p) => p.line === lines.length && /torn last line/.test(p.message))).toBe(true)
    expect(problems.some((p) => /truncated/.test(p.message))).toBe(true)
  })
  it("a complete log without its seal is truncated", () => {
    const { problems } = validateLogText(lines.slice(0, -1).join("\n") + "\n")
    expect(problems).toEqual([{ line: lines.length - 1, field: "line", message: "truncated: a complete log ends with LogSealed (it is missing)" }])
  })
  it("a decider rule: deploying more than bought", () => {
    const { problems } = validateLogText(withData(4, (d) => { d.hashrateThs = 33_000_000 }))
    expect(fields(problems)).toContain("4:data.hashrateThs")
  })
  it("a seal with a source, or not in canonical form, is refused (nothing after it vouches for its bytes)", () => {
    const seal = JSON.parse(lines.at(-1)!) as Record<string, unknown>
    const withSource = JSON.stringify({ seq: seal.seq, at: seal.at, type: seal.type, v: seal.v, source: { by: "x" }, data: seal.data, prev: seal.prev })
    expect(fields(validateLogText(replaceLine(lines.length, withSource)).problems)).toEqual([`${lines.length}:source`])
    const spaced = lines.at(-1)!.replace('"v":1', '"v": 1')
    expect(validateLogText(replaceLine(lines.length, spaced)).problems).toEqual([
      { line: lines.length, field: "line", message: "LogSealed is not in canonical form" }
    ])
  })
  it("an empty log and an empty line", () => {
    expect(validateLogText("").problems).toEqual([{ line: 1, field: "line", message: "empty log: a log starts with ScenarioStarted" }])
    expect(fields(validateLogText(lines[0] + "\n\n").problems)).toContain("2:line")
  })
  it("prints problems as file:line: field: message", () => {
    expect(formatProblem("a.jsonl", { line: 3, field: "data.x", message: "bad" })).toBe("a.jsonl:3: data.x: bad")
    // user data quoted in a message cannot break the one-problem-a-line format
    expect(formatProblem("a.jsonl", { line: 1, field: "data.a\nb", message: "unknown lot x\ny\u001b[2J" }))
      .toBe("a.jsonl:1: data.a\\u000ab: unknown lot x\\u000ay\\u001b[2J")
  })
})

describe("validate: streamed from a file", () => {
  it("a 50 MB line gives a clean error, and the lines after it are still checked", async () => {
    const path = join(dir, "huge.jsonl")
    const huge = `{"at":"2024-11-07T00:00:00Z","type":"PriceObserved","v":1,"data":{"x":"${"a".repeat(50 * 1024 * 1024)}"}}`
    await writeFile(path, [lines[0], huge, "{bad"].join("\n") + "\n")
    const problems: Array<LogProblem> = []
    await validateLogFile(path, { onProblem: (p) => problems.push(p) })
    expect(problems[0]).toMatchObject({ line: 2, field: "line" })
    expect(problems[0]!.message).toMatch(/longer than the 4194304-byte limit/)
    expect(problems.some((p) => p.line === 3)).toBe(true)
  })
  it("gives the same answer as the in-memory check", async () => {
    const path = join(dir, "good.jsonl")
    await writeFile(path, good)
    const problems: Array<LogProblem> = []
    const summary = await validateLogFile(path, { onProblem: (p) => problems.push(p) })
    expect(problems).toEqual([])
    expect(summary.events).toBe(validateLogText(good).summary.events)
  })
})

describe("append", () => {
  it("appends checked, chained events and can seal; refuses a sealed log and rule breaks", async () => {
    const path = join(dir, "appended.jsonl")
    const entries = sampleEntries(2)
    await appendToLog(path, entries.slice(0, 5))
    await appendToLog(path, entries.slice(5), { seal: true })
    expect(await readFile(path, "utf8")).toBe(completeLogText(entries))
    await expect(appendToLog(path, [])).rejects.toThrow(/sealed/)
    const other = join(dir, "rules.jsonl")
    await appendToLog(other, entries.slice(0, 2))
    await expect(appendToLog(other, [{ at: "2024-11-07T00:00:00Z", ...event("MachinesDeployed", { lotId: "zz", siteId: "s", hashrateThs: 1 }) }]))
      .rejects.toThrow(LogAppendError)
    expect((await readFile(other, "utf8")).split("\n")).toHaveLength(3)
  })
  it("keeps the shape of a hand-written scenario (numbered or plain) when appending to it", async () => {
    const entries = sampleEntries(1).slice(0, 5)
    for (const numbered of [false, true]) {
      const path = join(dir, `hand-${numbered}.jsonl`)
      await writeFile(path, entries.slice(0, 2).map((e, i) => JSON.stringify(numbered ? { seq: i + 1, ...e } : e)).join("\n") + "\n")
      await appendToLog(path, entries.slice(2))
      const { problems, summary } = validateLogText(await readFile(path))
      expect(problems).toEqual([])
      expect(summary).toMatchObject({ events: 5, numbered, chained: false })
    }
  })
  it("fails fast when another writer holds the lock", async () => {
    const path = join(dir, "locked.jsonl")
    await writeFile(`${path}.lock`, "")
    await expect(appendToLog(path, sampleEntries(1).slice(0, 1))).rejects.toThrow(/locked/)
  })
})

describe("validate: always / never", () => {
  const bytes = Buffer.from(good, "utf8")
  it("always: any single-byte change to a complete log is caught", () => {
    fc.assert(fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (pos, delta) => {
      const changed = Buffer.from(bytes)
      changed[pos] = (changed[pos]! + delta) % 256
      return validateLogText(changed).problems.length > 0
    }), { numRuns: atLeast(2000) })
  })
  it("never: the reader throws on malformed input (random bytes, truncations, splices)", () => {
    const mutated = fc.oneof(
      fc.uint8Array({ maxLength: 400 }).map((a) => Buffer.from(a)),
      fc.nat({ max: bytes.length }).map((n) => bytes.subarray(0, n)),
      fc.tuple(fc.nat({ max: bytes.length }), fc.nat({ max: bytes.length }), fc.string({ unit: "binary", maxLength: 40 }))
        .map(([a, b, s]) => Buffer.concat([bytes.subarray(0, Math.min(a, b)), Buffer.from(s), bytes.subarray(Math.max(a, b))])),
      fc.array(fc.jsonValue(), { maxLength: 5 }).map((vs) => Buffer.from(vs.map((v) => JSON.stringify(v)).join("\n") + "\n"))
    )
    fc.assert(fc.property(mutated, (input) => {
      const { problems, summary } = validateLogText(input, { maxLineBytes: 300 })
      return problems.every((p) => Number.isInteger(p.line) && p.line >= 1 && p.field.length > 0 && p.message.length > 0) &&
        summary.problems === problems.length
    }), { numRuns: atLeast(500) })
  })
  it("always: every change to a complete log (truncation, splice, garbage) is reported, on a line the input has", () => {
    // The one change that is not a fault: a cut after whole plan lines leaves a valid scenario (a plan needs no seal).
    const planLines = lines.findIndex((l) => generatedOnlyTypes.has((JSON.parse(l) as { type: EventType }).type))
    expect(planLines).toBeGreaterThan(0)
    const isPlanPrefix = (text: string): boolean =>
      text !== "" && text.endsWith("\n") && good.startsWith(text) && text.split("\n").length - 1 <= planLines
    const mutated = fc.oneof(
      fc.nat({ max: bytes.length - 1 }).map((n) => bytes.subarray(0, n)),
      fc.nat({ max: lines.length - 1 }).map((k) => Buffer.from(lines.slice(0, k).map((l) => l + "\n").join(""))),
      fc.nat({ max: lines.length - 1 }).map((k) => Buffer.from(lines.filter((_, i) => i !== k).map((l) => l + "\n").join(""))),
      fc.tuple(fc.nat({ max: bytes.length }), fc.nat({ max: bytes.length }), fc.string({ unit: "binary", minLength: 1, maxLength: 40 }))
        .map(([a, b, s]) => Buffer.concat([bytes.subarray(0, Math.min(a, b)), Buffer.from(s), bytes.subarray(Math.max(a, b))])),
      fc.tuple(fc.nat({ max: bytes.length }), fc.integer({ min: 1, max: 200 }))
        .map(([a, n]) => Buffer.concat([bytes.subarray(0, a), bytes.subarray(Math.min(bytes.length, a + n))]))
    )
    let checked = 0
    fc.assert(fc.property(mutated, (input) => {
      const text = input.toString("utf8")
      if (input.equals(bytes) || isPlanPrefix(text)) return
      checked++
      const { problems } = validateLogText(input)
      const inputLines = text.split("\n").length
      expect(problems.length, `no problem reported for ${JSON.stringify(text.slice(-80))}`).toBeGreaterThan(0)
      for (const p of problems) {
        expect(p.line).toBeGreaterThanOrEqual(1)
        expect(p.line).toBeLessThanOrEqual(inputLines)
      }
    }), { numRuns: atLeast(500) })
    expect(checked).toBeGreaterThan(0)
  })
})
