// The economics words of DESIGN.md, checked on days with a known state: the FPPS credit, the hosting fee on
// energy drawn, the SLA credit below the uptime SLA, the curtailment credit, and the monthly sales policy.
import { workForBits } from "@hashsim/chain"
import { roundHalfEven } from "@hashsim/ledger"
import { describe, expect, it } from "vitest"
import { PathSimulator } from "../src/PathSimulator.ts"
import { scenarioOfText } from "../src/scenario/Scenario.ts"
import { NullSink, testScenarioText } from "./support/TestScenario.ts"

const line = (at: string, type: string, data: unknown): string => JSON.stringify({ at, type, v: 1, data })
const { text, fleetThs } = testScenarioText({
  until: "2024-02-03T00:00:00Z",
  pool: { mode: "fpps", feeFraction: 0.02 },
  uptime: { meanFraction: 0.9, sdFraction: 0 },
  feePerBlock: { meanSats: 10_000_000, shape: 2 },
  extraLines: [
    line("2024-01-01T00:00:00Z", "SalesPolicySet", { policy: { kind: "sellShareMonthly", fraction: 0.5 } }),
    line("2024-01-03T00:00:00Z", "CurtailmentStarted", { siteId: "s", fraction: 0.5 }),
    line("2024-01-04T00:00:00Z", "CurtailmentEnded", { siteId: "s" })
  ]
})
const plan = scenarioOfText(text)
const DAY = 86_400
const powerW = fleetThs * 17.5
const kwh = (joules: number): number => Math.round(joules / 3600) / 1000

class Books extends NullSink {
  readonly credits: Array<[number, number, number]> = []
  readonly fees = new Map<number, [number, number]>()
  readonly sla = new Map<number, [number, number]>()
  readonly curtailed = new Map<number, [number, number]>()
  readonly sales: Array<[number, number]> = []
  override rewardCredited(tS: number, amountSats: number, poolFeeSats: number): void {
    this.credits.push([tS, amountSats, poolFeeSats])
  }
  override hostingFeeCharged(_t: number, _c: number, day: number, energyKwh: number, amount: number): void {
    this.fees.set(day, [energyKwh, amount])
  }
  override slaCredited(_t: number, _c: number, day: number, shortfallKwh: number, amount: number): void {
    this.sla.set(day, [shortfallKwh, amount])
  }
  override curtailmentCredited(_t: number, _c: number, day: number, curtailedKwh: number, amount: number): void {
    this.curtailed.set(day, [curtailedKwh, amount])
  }
  override btcSold(tS: number, amountSats: number): void {
    this.sales.push([tS, amountSats])
  }
}

describe("hosting economics and payouts", () => {
  const books = new Books()
  new PathSimulator(plan).run(3, "aggregate", books)

  it("FPPS: the fleet's hashes of the day over the work per block, times subsidy + mean fee, less the pool fee, floored", () => {
    // Day 1 (2024-01-02): no retarget yet (2015 blocks to go from the tip), constant online hashrate.
    const expected = ((fleetThs * 0.9 * 1e12 * DAY) / Number(workForBits(0x1702c4de))) * (312_500_000 + 10_000_000)
    const [, net, fee] = books.credits[1]!
    expect(net).toBe(Math.floor(expected * 0.98))
    expect(net + fee).toBe(Math.floor(expected))
  })

  it("hosting: online TH/s x J/TH over the day at the contract's rate, half-even to the cent", () => {
    const [energy, amount] = books.fees.get(1)!
    expect(energy).toBe(kwh(powerW * 0.9 * DAY))
    expect(amount).toBe(roundHalfEven((energy * 7000) / 1000))
  })

  it("SLA: uptime 90% under a 95% SLA credits the shortfall's energy", () => {
    const [shortfall, amount] = books.sla.get(1)!
    expect(shortfall).toBe(kwh(powerW * 0.05 * DAY))
    expect(amount).toBe(roundHalfEven((shortfall * 7000) / 1000))
  })

  it("curtailment: half the site off for a day halves the bill and credits the energy not drawn", () => {
    const [energy] = books.fees.get(2)!
    expect(energy).toBe(kwh(powerW * 0.5 * 0.9 * DAY))
    const [curtailed, amount] = books.curtailed.get(2)!
    expect(curtailed).toBe(kwh(powerW * 0.5 * 0.9 * DAY))
    expect(amount).toBe(roundHalfEven((curtailed * 5000) / 1000))
    expect(books.curtailed.has(1)).toBe(false)
  })

  it("sells half of each month's credited BTC at the month's end", () => {
    const january = books.credits.filter(([t]) => t < Date.parse("2024-02-01T00:00:00Z") / 1000).reduce((s, [, n]) => s + n, 0)
    expect(books.sales[0]).toEqual([Date.parse("2024-01-31T23:59:59Z") / 1000, Math.floor(0.5 * january)])
  })
})

describe("the halving", () => {
  it.each(["block", "aggregate"] as const)("%s engine: the subsidy halves at height 1,050,000, once", (engine) => {
    const halvingPlan = scenarioOfText(testScenarioText({ until: "2024-01-11T00:00:00Z", height: 1_049_000 }).text)
    const halvings: Array<[number, number]> = []
    const subsidies = new Set<string>()
    class Recorder extends NullSink {
      override halvingReached(_t: number, height: number, subsidySats: number): void {
        halvings.push([height, subsidySats])
      }
      override blockFound(_t: number, height: number, _fleet: boolean, subsidySats: number): void {
        subsidies.add(`${height >= 1_050_000}:${subsidySats}`)
      }
      override blocksMined(_t: number, first: number, last: number, fleetBlocks: number, subsidySats: number): void {
        if (fleetBlocks > 0) subsidies.add(`${first >= 1_050_000}:${subsidySats / fleetBlocks}`)
        expect(first < 1_050_000 && last >= 1_050_000).toBe(false)
      }
    }
    new PathSimulator(halvingPlan).run(1, engine, new Recorder())
    expect(halvings).toEqual([[1_050_000, 156_250_000]])
    expect([...subsidies].sort()).toEqual(["false:312500000", "true:156250000"])
  })
})
