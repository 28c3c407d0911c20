// Family "scenario content": scenarios edited the ways issue 16 found accepted or crashing (a key twice, huge
// values, until in year 9999, deep nesting, numbers a double cannot hold, a BOM, events after until, terminal
// escapes and bidi controls in ids). `validate` and `run` must agree: exit 1, `file:line: field`, no log written.
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { ScenarioInvalidError, scenarioOfText } from "../../packages/sim/src/index.ts"
import { cangoScenario, expectRefused, hashsim, lines, scratch, writeLines } from "./support.ts"

const root = scratch("scenario")
const base = lines(cangoScenario)
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")

/** The scenario with line `n` (1-based) replaced by `edit(line)`, written to a file named after the case. */
const edited = (name: string, n: number, edit: (line: string) => string): string => {
  const all = [...base]
  all[n - 1] = edit(all[n - 1] as string)
  return writeLines(join(root, `${name.replace(/[^a-z0-9]+/gi, "-")}.jsonl`), all)
}

// The last element: whether `run` is spawned too (for the others `run`'s own front door, scenarioOfText, is called
// in-process: the same decision in less time than a spawn of the CLI).
const cases: ReadonlyArray<readonly [string, number, (line: string) => string, string, boolean]> = [
  ["a key given twice (the last won: 1 TH/s)", 2, (l) => l.replace('"hashrateThs":32000000,', '"hashrateThs":32000000,"hashrateThs":1,'), "data.hashrateThs", true],
  ["1e308 TH/s", 2, (l) => l.replace('"hashrateThs":32000000', '"hashrateThs":1e308'), "data.hashrateThs", true],
  ["until in year 9999", 1, (l) => l.replace('"until":"2028-11-07T00:00:00Z"', '"until":"9999-12-31T00:00:00Z"'), "data.until", false],
  ["a drift of 1e300", 1, (l) => l.replace('"driftPerYear":0.0', '"driftPerYear":1e300'), "data.market.price.driftPerYear", false],
  ["an efficiency of 1e300 J/TH", 2, (l) => l.replace('"efficiencyJth":17.5', '"efficiencyJth":1e300'), "data.efficiencyJth", false],
  ["a price near 2^53 cents", 9, (l) => l.replace('"priceUsdCents":9800000', '"priceUsdCents":9007199254740991'), "data.priceUsdCents", false],
  ["a number past a double (1e400)", 1, (l) => l.replace('"priceUsdCents":7560000', '"priceUsdCents":1e400'), "data.priceUsdCents", false],
  ["an integer a double rounds (2^53 + 1)", 2, (l) => l.replace('"priceUsdCents":25600000000', '"priceUsdCents":9007199254740993'), "data.priceUsdCents", false],
  ["nesting 100,000 deep", 6, (l) => l.replace('{"kind":"hold"}', `${"[".repeat(100_000)}${"]".repeat(100_000)}`), "line", true],
  ["a byte-order mark before line 3", 3, (l) => `\uFEFF${l}`, "line", false],
  ["a negative discount rate", 1, (l) => l.replace('"discountRatePerYear":0.1', '"discountRatePerYear":-0.9'), "data.discountRatePerYear", false],
  ["a hosting rate of $1,000/kWh", 4, (l) => l.replace(/"ratePerMwhUsdCents":[0-9]+/, '"ratePerMwhUsdCents":100000000'), "data.ratePerMwhUsdCents", false],
  ["an event after until", 12, (l) => l.replace(/"at":"[^"]+"/, '"at":"2028-11-07T00:00:01Z"'), "at", true]
]

describe("scenario content", () => {
  it.concurrent.each(cases)("validate and run refuse %s", async (name, n, edit, field, spawnRun) => {
    const file = edited(name, n, edit)
    const out = `${file}.log`
    const where = new RegExp(`${esc(file)}:${n}: ${esc(field)}: `)
    expectRefused(await hashsim(["validate", file]), 1, where)
    if (spawnRun) {
      expectRefused(await hashsim(["run", file, "--seed", "1", "--engine", "aggregate", "--out", out]), 1, where)
      expect(existsSync(out)).toBe(false)
    } else {
      const error = (() => { try { scenarioOfText(readFileSync(file)); return undefined } catch (e) { return e } })()
      expect(error).toBeInstanceOf(ScenarioInvalidError)
      expect(`${(error as ScenarioInvalidError).problems[0]?.line}:${(error as ScenarioInvalidError).problems[0]?.field}`).toBe(`${n}:${field}`)
    }
  })

  it.concurrent.each([
    ["a terminal escape (ESC [2J clears the screen)", "\\u001b[2J\\u001b[31mred"],
    ["a right-to-left override (U+202E)", "lot\\u202egnp.exe"],
    ["a C1 control (CSI, U+009B)", "x\\u009b31m"]
  ])("an id with %s is escaped in every message", async (_name, id) => {
    // A deployment of an unknown lot quotes the id in its message.
    const file = edited(`id-${id.replace(/[^a-z0-9]/gi, "")}`, 8, (l) => l.replace('"lotId":"bitmain-32eh"', `"lotId":"${id}"`))
    const [validate, run] = await Promise.all([hashsim(["validate", file]), hashsim(["run", file, "--seed", "1", "--out", `${file}.log`])])
    for (const result of [validate, run]) {
      expectRefused(result, 1, new RegExp(`${esc(file)}:8: data.lotId: `))
      expect(result.stderr + result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
      expect(result.stderr).toContain(id.replace(/\\u/g, "\\u"))
    }
  })
})
