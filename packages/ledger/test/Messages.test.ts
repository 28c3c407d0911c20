// Problems that name their fix: did-you-mean for event types, dates that do not exist, one root problem per bad
// line (no knock-on errors on the lines that depend on it).
import { readFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { closestName, editDistance } from "../src/DidYouMean.ts"
import { validateLogText } from "../src/LogValidator.ts"

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..")
const cango = readFileSync(join(repoRoot, "scenarios/cango-2024.jsonl"), "utf8")
const problemsOf = (text: string) => validateLogText(text).problems

describe("did you mean", () => {
  it("edit distance counts insertions, deletions, substitutions and swaps", () => {
    expect(editDistance("deploy", "deplyo")).toBe(1)
    expect(editDistance("hashrate", "hashrat")).toBe(1)
    expect(editDistance("abc", "xyz")).toBe(3)
    expect(closestName("HashratePurchasd", ["HashratePurchased", "PriceObserved"])).toBe("HashratePurchased")
    expect(closestName("zzz", ["HashratePurchased"])).toBeUndefined()
  })
  it("an unknown event type names the nearest one", () => {
    const text = cango.replace(`"type":"PriceObserved"`, `"type":"PriceObserverd"`)
    expect(problemsOf(text)).toEqual([{ line: 9, field: "type", message: `unknown event type "PriceObserverd" (did you mean "PriceObserved"?)` }])
  })
})

describe("dates that do not exist say so", () => {
  it("in at and in data", () => {
    const text = cango.replace(`"at":"2025-05-01T00:00:00Z"`, `"at":"2025-06-31T00:00:00Z"`).replace(`"until":"2028-11-07T00:00:00Z"`, `"until":"2027-02-29T00:00:00Z"`)
    expect(problemsOf(text)).toEqual([
      { line: 1, field: "data.until", message: "2027-02-29T00:00:00Z does not exist: February 2027 has 28 days" },
      { line: 11, field: "at", message: "2025-06-31T00:00:00Z does not exist: June 2025 has 30 days" }
    ])
  })
})

describe("one root problem per bad line", () => {
  it("a start that does not decode is not followed by 'before ScenarioStarted' on every line", () => {
    const text = cango.replace(`"until":"2028-11-07T00:00:00Z"`, `"until":"2028-11-31T00:00:00Z"`)
    expect(problemsOf(text).map((p) => p.line)).toEqual([1])
  })
  it("a purchase that does not decode is not followed by 'unknown lot' on its deployments", () => {
    const text = cango.replace(`"hashrateThs":18000000`, `"hashrateThs":"18 EH/s"`)
    expect(problemsOf(text).map((p) => p.line)).toEqual([3])
  })
  it("a lot that was never bought is still reported", () => {
    const text = cango.replaceAll(`"lotId":"gtg-18eh","siteId"`, `"lotId":"gtg-81eh","siteId"`)
    expect(problemsOf(text).map((p) => [p.line, p.field])).toEqual([[10, "data.lotId"], [11, "data.lotId"], [12, "data.lotId"]])
  })
})
