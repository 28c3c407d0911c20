// The machines on order at the start of the reference plans come from the model's own ordering rule over the order
// lag before the start, on published hashprice and hashrate (scenarios/README.md, "The starting order pipeline"):
// the plans' figure is recomputed here from its source, and the rule's pieces are checked by hand.
import { readdirSync, readFileSync } from "node:fs"
import { parse } from "csv-parse/sync"
import { describe, expect, it } from "vitest"
import { HASHPRICE_NETWORK_DEFAULTS as DEFAULTS } from "../../src/market/HashpriceNetworkDefaults.ts"
import { startingOrdersThs, type ObservedDay } from "../../src/market/StartingOrders.ts"

const scenarios = new URL("../../../../scenarios/", import.meta.url)
const DAY_MS = 86_400_000
const THS_PER_EHS = 1e6
/** The fleet's December-2024 operating hashrate (brief): the model's others = network - fleet, as at the start. */
const FLEET_THS = 30.4 * THS_PER_EHS
const START = Date.parse("2024-11-07T00:00:00Z")

/** The published points of one column, by day, interpolated linearly in time to `day` (ms). */
const interpolate = (points: ReadonlyArray<readonly [number, number]>, day: number): number => {
  const j = points.findIndex(([t]) => t >= day)
  if (j < 0 || (j === 0 && points[0]![0] > day)) throw new Error(`no published point around ${new Date(day).toISOString()}`)
  const [t1, v1] = points[j]!
  if (t1 === day) return v1
  const [t0, v0] = points[j - 1]!
  return v0 + ((v1 - v0) * (day - t0)) / (t1 - t0)
}

/** The order lag's days before the start, oldest first, from scenarios/data/hashprice-2024-window.csv. */
const observedWindow = (): Array<ObservedDay> => {
  const rows = parse(readFileSync(new URL("data/hashprice-2024-window.csv", scenarios), "utf8"), { columns: true }) as Array<Record<string, string>>
  const column = (name: string) =>
    rows.filter((r) => r[name] !== "").map((r) => [Date.parse(`${r["date"]}T00:00:00Z`), Number(r[name])] as const)
  const hashprice = column("hashprice_usd_per_ph_day")
  const hashrate = column("hashrate_7d_ehs")
  const days: Array<ObservedDay> = []
  for (let d = DEFAULTS.orderLagDays; d >= 1; d--) {
    const day = START - d * DAY_MS
    days.push({ hashpriceUsdPerPhDay: interpolate(hashprice, day), othersThs: interpolate(hashrate, day) * THS_PER_EHS - FLEET_THS })
  }
  return days
}

describe("the machines on order at the start", () => {
  it("in every reference plan are the model's own orders over the 120 days before 2024-11-07, to the nearest EH/s", () => {
    const derivedThs = startingOrdersThs(DEFAULTS, observedWindow())
    const roundedThs = Math.round(derivedThs / THS_PER_EHS) * THS_PER_EHS
    const plans = readdirSync(scenarios).filter((f) => f.endsWith(".jsonl"))
    expect(plans.length).toBeGreaterThan(5)
    for (const file of plans) {
      const figures = [...readFileSync(new URL(file, scenarios), "utf8").matchAll(/"onOrderThs":(\d+)/g)].map((m) => Number(m[1]))
      expect([file, figures]).toEqual([file, [roundedThs]])
    }
  })

  it("are nothing when hashprice never exceeds the best machine's all-in cost at any power price", () => {
    // The all-in cost at $0.035/kWh is $30.62/PH/day (docs/MARKET.md): at $30 nobody orders, whatever the network.
    expect(startingOrdersThs(DEFAULTS, Array.from({ length: 120 }, () => ({ hashpriceUsdPerPhDay: 30, othersThs: 7e8 })))).toBe(0)
  })

  it("are one day's orders by hand: each entrant orders its third of (revenue / all-in - what runs below it) x dt / 0.5 y", () => {
    // At $47.80/PH/day and 700 EH/s of others (classes 25/20/35/20% at 17.5/21.5/29.5/38 J/TH, a third at each of
    // $0.035/$0.045/$0.06/kWh): all-in costs $30.62, $34.43, $40.14. Classes at or under each (24 x J/TH x $/kWh):
    // under 30.62: 17.5 x3, 21.5 at .035/.045, 29.5 at .035 -> 25 + 13.33 + 11.67 = 50%;
    // under 34.43 and 40.14: also 21.5 at .06 (30.96), 29.5 at .045 (31.86), 38 at .035 (31.92) -> 75%.
    const h = 47.8
    const others = 7e8
    const allIn = [30.62, 34.43, 40.14]
    const committed = [0.5, 0.75, 0.75]
    let byHand = 0
    for (let i = 0; i < 3; i++) byHand += ((others * h) / allIn[i]! - committed[i]! * others * Math.exp(-0)) / 3
    byHand *= 1 / 365.25 / 0.5
    const ordered = startingOrdersThs(DEFAULTS, [{ hashpriceUsdPerPhDay: h, othersThs: others }])
    // The all-in costs are quoted to the cent and a day's retirement (at most 1/365 of a class) comes first.
    expect(Math.abs(ordered / byHand - 1)).toBeLessThan(0.005)
  })
})
