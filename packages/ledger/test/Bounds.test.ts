// Every bounded field at its edge: the bound itself is accepted, one step past it refused naming the field; the
// totals the bounds are derived for stay exact at the edge; strict JSON (duplicate keys, depth, round-trip numbers).
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import {
  MAX_BTC_PRICE_USD_CENTS, MAX_CAPEX_USD_CENTS, MAX_DAILY_KWH, MAX_DISCOUNT_RATE_PER_YEAR, MAX_DRIFT_PER_YEAR, MAX_EFFICIENCY_JTH,
  MAX_EXACT, MAX_FEE_PER_BLOCK_SATS, MAX_FLEET_THS, MAX_HORIZON_DAYS, MAX_NETWORK_THS, MAX_RATE_PER_MWH_USD_CENTS, MAX_SATS,
  MAX_VOLATILITY_PER_YEAR, parseStrictJson, validateLogText
} from "../src/index.ts"

const scenarioLines = readFileSync(join(import.meta.dirname, "../../../scenarios/cango-2024.jsonl"), "utf8").trimEnd().split("\n")

/** The scenario with line `index` (0-based) edited as JSON; returns the problems as `line:field`. */
const problemsWith = (index: number, edit: (json: any) => void): Array<string> => {
  const lines = [...scenarioLines]
  const json = JSON.parse(lines[index] as string)
  edit(json)
  lines[index] = JSON.stringify(json)
  return validateLogText(`${lines.join("\n")}\n`).problems.map((p) => `${p.line}:${p.field}`)
}

describe("every numeric input has a range (Bounds.ts): the edge is accepted, one step past it refused", () => {
  const edges: ReadonlyArray<readonly [string, number, string, number, number]> = [
    // [name, line index, dotted path under the line, edge, one step past]
    ["network hashrate", 0, "data.network.hashrateThs", MAX_NETWORK_THS, MAX_NETWORK_THS * (1 + 1e-15)],
    ["start price", 0, "data.priceUsdCents", MAX_BTC_PRICE_USD_CENTS, MAX_BTC_PRICE_USD_CENTS + 1],
    ["price drift", 0, "data.market.price.driftPerYear", -MAX_DRIFT_PER_YEAR, -MAX_DRIFT_PER_YEAR - 1e-9],
    ["price volatility", 0, "data.market.price.volatilityPerYear", MAX_VOLATILITY_PER_YEAR, MAX_VOLATILITY_PER_YEAR + 1e-9],
    ["price drift", 0, "data.market.price.driftPerYear", MAX_DRIFT_PER_YEAR, 1e300],
    ["fee mean", 0, "data.market.feePerBlock.meanSats", MAX_FEE_PER_BLOCK_SATS, MAX_FEE_PER_BLOCK_SATS + 1],
    ["discount rate", 0, "data.discountRatePerYear", MAX_DISCOUNT_RATE_PER_YEAR, -0.5],
    ["lot hashrate", 1, "data.hashrateThs", MAX_FLEET_THS - 18_000_000, 1e308],
    ["efficiency", 1, "data.efficiencyJth", MAX_EFFICIENCY_JTH, 1e300],
    ["lot price", 1, "data.priceUsdCents", MAX_CAPEX_USD_CENTS - 14_400_000_000, MAX_EXACT],
    ["hosting rate", 3, "data.ratePerMwhUsdCents", MAX_RATE_PER_MWH_USD_CENTS, MAX_RATE_PER_MWH_USD_CENTS + 1],
    ["observed price", 8, "data.priceUsdCents", MAX_BTC_PRICE_USD_CENTS, 2 ** 53 - 1]
  ]
  it.each(edges)("%s", (_name, index, path, edge, past) => {
    const set = (value: number) => (json: any) => {
      const keys = path.split(".")
      let at = json
      for (const k of keys.slice(0, -1)) at = at[k]
      at[keys[keys.length - 1] as string] = value
    }
    expect(problemsWith(index, set(edge))).toEqual([])
    // The first problem is the field itself (a refused ScenarioStarted leaves the later lines without a scenario).
    expect(problemsWith(index, set(past))[0]).toBe(`${index + 1}:${path}`)
  })

  it("a horizon of 50 years is accepted, one day more refused; until in year 9999 refused", () => {
    const start = Date.parse("2024-11-07T00:00:00Z")
    const iso = (days: number) => new Date(start + days * 86_400_000).toISOString().replace(".000Z", "Z")
    expect(problemsWith(0, (j) => { j.data.until = iso(MAX_HORIZON_DAYS) })).toEqual([])
    expect(problemsWith(0, (j) => { j.data.until = iso(MAX_HORIZON_DAYS + 1) })[0]).toBe("1:data.until")
    expect(problemsWith(0, (j) => { j.data.until = "9999-12-31T00:00:00Z" })[0]).toBe("1:data.until")
  })

  it("the lots bought together are bounded too (fleet TH/s and capex), by the decider", () => {
    expect(problemsWith(2, (j) => { j.data.hashrateThs = MAX_FLEET_THS - 32_000_000 })).toEqual([])
    // TH/s compare with a relative slack of 1e-9 (1 TH/s at the bound): 10 TH/s past it is refused.
    expect(problemsWith(2, (j) => { j.data.hashrateThs = MAX_FLEET_THS - 32_000_000 + 10 })).toEqual(["3:data.hashrateThs"])
    expect(problemsWith(2, (j) => { j.data.priceUsdCents = MAX_CAPEX_USD_CENTS - 25_600_000_000 + 1 })).toEqual(["3:data.priceUsdCents"])
  })

  it("an event after until is refused by the decider (validate and run share it)", () => {
    const lines = [...scenarioLines.slice(0, 9), JSON.stringify({ ...JSON.parse(scenarioLines[8] as string), at: "2028-11-07T00:00:01Z" })]
    expect(validateLogText(`${lines.join("\n")}\n`).problems.map((p) => `${p.line}:${p.field}: ${p.message}`)).toEqual([
      "10:at: 2028-11-07T00:00:01Z is after the scenario's horizon (until 2028-11-07T00:00:00Z)"
    ])
    // Exactly at until closes the last period: accepted.
    lines[9] = JSON.stringify({ ...JSON.parse(scenarioLines[8] as string), at: "2028-11-07T00:00:00Z" })
    expect(validateLogText(`${lines.join("\n")}\n`).problems).toEqual([])
  })

  it("the totals the bounds are derived for stay exact at the edge (docs/EVENTS.md, Bounds)", () => {
    // Hosting: the most energy a day at the highest rate over the longest horizon, in cents.
    const hostingCents = (MAX_DAILY_KWH / 1000) * MAX_RATE_PER_MWH_USD_CENTS * MAX_HORIZON_DAYS
    expect(hostingCents).toBeLessThanOrEqual(MAX_EXACT)
    // Revenue: the supply cap plus fees at the mean bound, 4x faster blocks, valued at the highest price.
    const sats = MAX_SATS + MAX_HORIZON_DAYS * 144 * 4 * MAX_FEE_PER_BLOCK_SATS
    expect((sats / 1e8) * MAX_BTC_PRICE_USD_CENTS).toBeLessThanOrEqual(MAX_EXACT)
    // One more cent of rate, or a 10% higher price bound, would break them: the bounds are tight, not arbitrary.
    expect((MAX_DAILY_KWH / 1000) * (MAX_RATE_PER_MWH_USD_CENTS * 1.1) * MAX_HORIZON_DAYS).toBeGreaterThan(MAX_EXACT)
    expect((sats / 1e8) * MAX_BTC_PRICE_USD_CENTS * 1.2).toBeGreaterThan(MAX_EXACT)
  })
})

describe("strict JSON: refused with the line and field", () => {
  it("a key given twice (the last used to win)", () => {
    const line = (scenarioLines[1] as string).replace('"hashrateThs":32000000,', '"hashrateThs":32000000,"hashrateThs":1,')
    const lines = [...scenarioLines]
    lines[1] = line
    expect(validateLogText(`${lines.join("\n")}\n`).problems.map((p) => `${p.line}:${p.field}: ${p.message}`)[0]).toBe(
      "2:data.hashrateThs: given twice (a key may appear once in an object)"
    )
  })
  it("nesting deeper than any event needs, without exhausting the stack", () => {
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`
    expect(parseStrictJson(deep)).toMatchObject({ field: "line", message: expect.stringMatching(/nested deeper than 8/) })
    const lines = [...scenarioLines, `{"at":"2024-11-07T00:00:00Z","type":"PoolConfigured","v":1,"data":${"{\"a\":".repeat(50)}1${"}".repeat(50)}}`]
    expect(validateLogText(`${lines.join("\n")}\n`).problems.map((p) => `${p.line}:${p.field}`)).toEqual(["13:line"])
  })
  it.each(["1e400", "9007199254740993", "0.30000000000000000001", "123456789012345678"])("a number a double cannot hold: %s", (raw) => {
    expect(parseStrictJson(`{"data":{"x":${raw}}}`)).toMatchObject({ field: "data.x" })
  })
  it.each(["1", "1.0", "0.0758", "-0", "1e-7", "9007199254740991", "5e-324", "17.5"])("a number that round-trips: %s", (raw) => {
    expect(parseStrictJson(`{"x":${raw}}`)).toEqual({ value: { x: Number(raw) } })
  })
  it("a byte-order mark before any line, the seal's included", () => {
    const lines = [...scenarioLines]
    lines[4] = `\uFEFF${lines[4]}`
    expect(validateLogText(`${lines.join("\n")}\n`).problems.map((p) => `${p.line}:${p.field}`)).toEqual(["5:line"])
  })
})
