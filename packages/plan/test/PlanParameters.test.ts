// A plan's parameters by its own key paths: listed, set in place (lines kept, compiled as if typed), refused with
// the list when unknown; value lists and ranges in the plan's units.
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import {
  compilePlan, formatNumericValue, numericValue, parseParameterValues, planParameterNames, planParameterValue, setPlanParameters
} from "../src/index.ts"

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
