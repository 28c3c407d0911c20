// A plan's parameters by its own key paths: listed, set in place (lines kept, compiled as if typed), refused with
// the list when unknown; value lists and ranges in the plan's units.
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import {
  compilePlan, formatNumericValue, numericValue, parseParameterValues, planParameterNames, planParameterValue, setPlanParameters
} from "../src/index.ts"
import { loadChainData } from "../src/ChainDataFiles.ts"

const source = readFileSync(new URL("../../../scenarios/cango-2024.yaml", import.meta.url), "utf8")

describe("plan parameters", () => {
  it("are the plan's key paths, with list items by id or position", () => {
    const names = planParameterNames(source)
    expect(names).toEqual(expect.arrayContaining(["contracts.rate", "lots.price", "lots.efficiency", "pool.fee", "market.price.drift", "market.otherHashrate.onOrder", "start", "btcPrice"]))
    expect(names).toEqual(expect.arrayContaining(["lots[gtg-18eh].price", "lots[1].price", "schedule[0].price"]))
    // Names and models are not parameters.
    expect(names).not.toContain("name")
    expect(names).not.toContain("lots.id")
    expect(names).not.toContain("pool.mode")
  })

  it("are set where the old value stood: the plan compiles as if typed, lines unchanged", () => {
    const edited = setPlanParameters(source, [["contracts.rate", "$0.045/kWh"], ["market.price.drift", "-20%"], ["lots[gtg-18eh].price", "$150M"]])
    expect(edited.split("\n").length).toBe(source.split("\n").length)
    const events = compilePlan(edited).events
    const contract = events.find((e) => e.type === "HostingContractSigned")!.data
    expect(contract["ratePerMwhUsdCents"]).toBe(4500)
    const start = events[0]!.data as { market: { price: { driftPerYear: number } } }
    expect(start.market.price.driftPerYear).toBe(-0.2)
    const lots = events.filter((e) => e.type === "HashratePurchased").map((e) => e.data["priceUsdCents"])
    expect(lots).toEqual([25_600_000_000, 15_000_000_000])
    expect(planParameterValue(edited, "contracts.rate")).toBe("$0.045/kWh")
  })

  it("a name without a selector sets every item", () => {
    const edited = setPlanParameters(source, [["lots.efficiency", "15 J/TH"]])
    expect(compilePlan(edited).events.filter((e) => e.type === "HashratePurchased").map((e) => e.data["efficiencyJth"])).toEqual([15, 15])
  })

  it("an unknown name is refused with the nearest one and the list", () => {
    expect(() => setPlanParameters(source, [["contract.rate", "$0.05/kWh"]])).toThrow(/unknown parameter "contract.rate" \(did you mean "contracts.rate"\?\); this plan's parameters: start, until/)
  })

  it("values: lists, and ranges of evenly spaced points in the units' resolution", () => {
    expect(parseParameterValues("$0.035/kWh, $0.045/kWh")).toEqual(["$0.035/kWh", "$0.045/kWh"])
    expect(parseParameterValues("$0.035/kWh..$0.075/kWh:5")).toEqual(["$0.035/kWh", "$0.045/kWh", "$0.055/kWh", "$0.065/kWh", "$0.075/kWh"])
    expect(parseParameterValues("-20%..20%:3")).toEqual(["-20%", "0%", "20%"])
    expect(() => parseParameterValues("$0.035/kWh..4.5%:3")).toThrow(/same units/)
    expect(() => parseParameterValues("1..2:1")).toThrow(/count/)
    // A rate per kWh carries 5 decimals (a cent per MWh): a third of a cent is rounded to that.
    expect(formatNumericValue(numericValue("$0.05/kWh")!, 0.0333333333)).toBe("$0.03333/kWh")
  })
})

describe("startShift: the whole plan moved in time", () => {
  const day = 86_400
  /** The events' data with every date string moved by `days` and every *TimeS by as many seconds (written here, apart from the code). */
  const shifted = (value: unknown, days: number, key = ""): unknown => {
    if (typeof value === "string") {
      const m = /^([0-9]{4}-[0-9]{2}-[0-9]{2})(.*)$/.exec(value)
      if (m === null) return value
      return new Date(Date.parse(`${m[1]}T00:00:00Z`) + days * day * 1000).toISOString().slice(0, 10) + m[2]
    }
    if (typeof value === "number") return key.endsWith("TimeS") ? value + days * day : value
    if (Array.isArray(value)) return value.map((v) => shifted(v, days))
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shifted(v, days, k)]))
    return value
  }

  it("is a parameter of every plan, 0d as written, and takes whole days", () => {
    expect(planParameterNames(source)).toContain("startShift")
    expect(planParameterValue(source, "startShift")).toBe("0d")
    expect(setPlanParameters(source, [["startShift", "0d"]])).toBe(source)
    expect(parseParameterValues("0d..180d:3")).toEqual(["0d", "90d", "180d"])
    expect(() => setPlanParameters(source, [["startShift", "1.5d"]])).toThrow(/startShift: "1.5d" is not a whole number of days/)
    expect(() => setPlanParameters(source, [["startShift", "3 months"]])).toThrow(/not a whole number of days/)
  })

  it("moves every dated event, the horizon and the contract's end by the same days; the chain's position is taken anew", () => {
    for (const days of [90, -30, 365]) {
      const edited = setPlanParameters(source, [["startShift", `${days}d`]])
      expect(edited.split("\n").length).toBe(source.split("\n").length)
      const before = compilePlan(source).events
      const after = compilePlan(edited).events
      expect(after.map((e) => e.type)).toEqual(before.map((e) => e.type))
      expect(after.map((e) => e.at)).toEqual(before.map((e) => shifted(e.at, days)))
      // Everything but the start network is the same, its dates moved.
      const withoutNetwork = (e: { data: Record<string, unknown> }) => ({ ...e.data, network: undefined })
      expect(after.map(withoutNetwork)).toEqual(before.map((e) => shifted(withoutNetwork(e), days)))
    }
    // cango-2024 states its position; shifted, it is dropped. With no chain data the tip is extrapolated at 600 s a
    // block from block 840,000 (2024-04-20T00:09:27Z, docs/PLANS.md) and the stated hashrate kept:
    // 2025-02-05T00:00:00Z is 25,141,833 s later, 41,903 blocks, so the tip is 881,903.
    const start = compilePlan(setPlanParameters(source, [["startShift", "90d"]])).events[0]!
    expect(start.at).toBe("2025-02-05T00:00:00Z")
    expect((start.data as { network: Record<string, unknown> }).network).toMatchObject({ height: 881_903, hashrateThs: 753_110_000 })
    expect(compilePlan(source).events[0]!.data).toMatchObject({ network: { height: 869_194, bits: "1702c4e4" } })
  })

  it("drops a chain position stated in a flow map too, leaving the lines and the rest as they were", () => {
    const flow = source.replace(/^network:\n((?: {2}.*\n)+)/m, (_all, body: string) =>
      `network: { ${body.trim().split("\n").map((l) => l.replace(/#.*$/, "").trim()).join(", ")} }\n${"\n".repeat(body.trim().split("\n").length - 1)}`)
    expect(flow).toMatch(/^network: \{ height: 869194, bits: 1702c4e4, epochStart: 2024-11-04T22:28:08Z, hashrate: 753.11 EH\/s \}$/m)
    expect(compilePlan(flow).events[0]!.data).toEqual(compilePlan(source).events[0]!.data)
    const view = (text: string) => compilePlan(setPlanParameters(text, [["startShift", "90d"]])).events.map((e) => [e.at, e.type, e.data])
    expect(setPlanParameters(flow, [["startShift", "90d"]]).split("\n").length).toBe(flow.split("\n").length)
    expect(view(flow)).toEqual(view(source))
  })

  it("applies after the plan's own keys are set (a start set by hand moves too)", () => {
    const edited = setPlanParameters(source, [["startShift", "10d"], ["start", "2024-11-10"]])
    expect(compilePlan(edited).events[0]!.at).toBe("2024-11-20T00:00:00Z")
  })

  const dataDir = join(new URL("../../../", import.meta.url).pathname, "..", "shared", "data", "chain")
  it.runIf(existsSync(dataDir) || process.env["CI"] === "true")("takes the chain's position at the new start from the chain data", () => {
    const data = loadChainData(dataDir)!
    const at = (text: string) => (compilePlan(text, { chainData: data }).events[0]!.data as { network: Record<string, unknown> }).network
    // 2024-11-07, as stated: the epoch from block 868,896 (bits 1702c4e4, first block 1730759288).
    expect(at(source)).toMatchObject({ bits: "1702c4e4", epochFirstBlockTimeS: 1_730_759_288, height: 869_194 })
    // 43 days later, 2024-12-20: the epoch from 874,944 (bits 170297fa, first block 1734312810; the retarget table
    // ../shared/data/chain/mainnet-retargets-870912-941472.csv), the stated hashrate kept.
    const later = at(setPlanParameters(source, [["startShift", "43d"]]))
    expect(later).toMatchObject({ bits: "170297fa", epochFirstBlockTimeS: 1_734_312_810, hashrateThs: 753_110_000 })
    expect(later["height"] as number).toBeGreaterThanOrEqual(874_944)
    expect(later["height"] as number).toBeLessThan(874_944 + 2016)
  })
})
