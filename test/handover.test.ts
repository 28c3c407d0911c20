// The hand-over from observed to generated history (docs/EVENTS.md, "Observed stretches"), under every model of
// everyone else's hashrate and of the price in the registry, on both engines: what the first hours, days and weeks
// after the last observed retarget must mine, derived here from the observations and Bitcoin's rules alone.
//
// The scenario: the start's epoch and the next are observed (two retargets), mined at about 1.35x the hashrate the
// start states, so a generated network that did not start from the observations would be a third too slow. The last
// observed retarget, at t0 (a minute into a day), hands over; the fleet (5% of the start's network, solo, always on,
// uptime 1) then runs four weeks. Notation: F the fleet's online TH/s; W(bits) the work per block (@hashsim/chain's
// workForBits, 2^256 / (target + 1)); bits1 -> bits2 the last observed retarget, epoch B its closed epoch.
//
// (a) The generated network starts at the hashrate the observations imply. Epoch B's 2016 blocks took
//     (last - first) seconds over its 2015 intervals at W(bits1): H0 = W(bits1) x 2015 / (last - first) hashes a
//     second, the whole network's (the fleet's share of it is drawn inside the stretch as F / H0). The network's
//     hashrate changes only at a market step (a day's start), so from t0 to the day's end (D1 = 86,340 s) the
//     network's blocks are a Poisson process at H0 / W(bits2): N1 ~ Poisson(H0 x D1 / W(bits2)) (about 144: the
//     difficulty bits2 was set for this pace). A network re-started anywhere else moves this mean.
// (d) The days after, for the models whose step has a mean in closed form: a table (flat here) re-based through
//     H0 - F holds it, so days 2-7 (from the day after t0 to t0's day + 7) mine N2 ~ Poisson(H0 x 6 d / W(bits2));
//     a GBM (drift mu a year) steps day k after t0's from H0 - F with E = (H0 - F) exp(mu k dt), dt a day in years
//     (365.25 days), so E[N2] = sum over k = 1..6 of ((H0 - F) exp(mu k dt) + F) x 1 d / W(bits2) (tested with the
//     sample variance: the network itself is random). The hashprice network's day is a response to prices with
//     lags and no closed form; (a) and (c) cover it.
// (b) The fleet's first week. Each block is the fleet's with probability F / H(t) and blocks come at H(t) / W, so
//     the fleet's blocks are Poisson at F / W(bits2) a second whatever the network does, until the first generated
//     retarget. That needs the new epoch's 2016 blocks: at H0, 2016 x W(bits2) / H0 ~ 14 days. Over the first
//     7 days (the test checks no path retargets in them): fleet blocks ~ Poisson(F x 7 d / W(bits2)).
// (c) The first four weeks span that retarget, whose time and bits depend on the path's network. The fleet's
//     count minus its compensator, F x integral dt / W(t) over the path's own difficulty W(t), is a martingale
//     (W and F are known just before each block), so E[fleet blocks] = E[F x integral dt / W(t)] exactly, under any
//     model. Each path's generated retarget is checked against Core's rule (@hashsim/chain's nextWorkRequired on
//     its reported first and last block times) and its integral computed here. The unconditional mean is below
//     F x 4 weeks / W(bits2) by Jensen: the blocks after a retarget at s (days after t0) are F (28 - s) s /
//     (14 W(bits2)), concave in s, so a network spread at the hand-over (s spread) mines less on average. That is
//     why a solo month partly generated cannot be tested against one path's closed form (test/hindcast.test.ts).
//
// Each case (3 network models x 3 price models x 2 engines x (a, b, c) + 2 x 3 x 2 x (d) = 66 tests) is a
// two-sided z-test at a family-wise significance of 0.01 (Bonferroni: each at 0.01 / 66, |z| < 3.80), over PATHS
// paths with fixed seeds 1..PATHS; (a), (b) and the table's (d) use the Poisson variance (the mean), (c) and the
// GBM's (d) the sample variance. Normal by the CLT (means of ~144, ~50, ~200 and ~860 over 400 paths).
import { describe, expect, it } from "vitest"
import { nextWorkRequired, workForBits } from "../packages/chain/src/index.ts"
import { NullSink, PathSimulator, scenarioOfText } from "../packages/sim/src/index.ts"
import { normalCdf, testScenarioText } from "@hashsim/testkit"

const PATHS = 400
const CASES = 3 * 3 * 2 * 3 + 2 * 3 * 2
const ALPHA = 0.01
const DAY_S = 86_400

const isoOf = (s: number): string => new Date(s * 1000).toISOString().replace(".000Z", "Z")
const hex = (bits: number): string => bits.toString(16).padStart(8, "0")
const work = (bits: number): number => Number(workForBits(bits))

// ---- the observed history ----
const START = "2025-01-01T00:00:00Z"
const START_S = Date.parse(START) / 1000
const HEIGHT = 2016 * 430 // the tip is the start epoch's first block
const BITS0 = 0x1702c4de
/** Seconds a block in the observed epochs: the start's network takes 600 x 2016 / 2015; the real one is faster. */
const OBSERVED_SPACING_S = 400
const firstA = START_S - 600
const lastA = firstA + 2015 * OBSERVED_SPACING_S
const bits1 = nextWorkRequired({ bits: BITS0, firstBlockTime: firstA, lastBlockTime: lastA })
const firstB = lastA + OBSERVED_SPACING_S
/** The hand-over: epoch B's last block a minute into the day after its paced end. */
const DAY1_S = Math.ceil((firstB + 2015 * OBSERVED_SPACING_S) / DAY_S) * DAY_S
const T0 = DAY1_S + 60
const bits2 = nextWorkRequired({ bits: bits1, firstBlockTime: firstB, lastBlockTime: T0 })
const UNTIL_S = DAY1_S + 28 * DAY_S
const WEEK1_END_S = DAY1_S + 7 * DAY_S
const H0_HS = (work(bits1) * 2015) / (T0 - firstB)

const retarget = (height: number, oldBits: number, newBits: number, first: number, last: number): string =>
  JSON.stringify({ at: isoOf(last), type: "DifficultyAdjusted", v: 1, data: { height, oldBits: hex(oldBits), newBits: hex(newBits), firstBlockTimeS: first, lastBlockTimeS: last } })

// ---- the market models (the registry's: everyone else's hashrate table | gbm | hashprice; price table | gbm | jumpDiffusion) ----
const PRICE_USD_CENTS = 9_000_000
const GBM_DRIFT_PER_YEAR = 0.3
const networkModels = (otherThs: number): Record<string, unknown> => ({
  table: { model: "table", points: [{ at: START, hashrateThs: otherThs }] },
  gbm: { model: "gbm", driftPerYear: GBM_DRIFT_PER_YEAR, volatilityPerYear: 0.4 },
  // The reference scenarios' network (scenarios/cango-2024.jsonl, sources in scenarios/README.md), nothing on order.
  hashprice: {
    model: "hashprice",
    classes: [
      { efficiencyJth: 17.5, powerUsdPerKwh: 0.045, shareOfHashrate: 0.3, meanRemainingLifeYears: 3 },
      { efficiencyJth: 21.5, powerUsdPerKwh: 0.045, shareOfHashrate: 0.3, meanRemainingLifeYears: 2 },
      { efficiencyJth: 29.5, powerUsdPerKwh: 0.06, shareOfHashrate: 0.25, meanRemainingLifeYears: 1.5 },
      { efficiencyJth: 38, powerUsdPerKwh: 0.06, shareOfHashrate: 0.15, meanRemainingLifeYears: 1 }
    ],
    entrants: [{ powerUsdPerKwh: 0.035, shareOfOrders: 0.5 }, { powerUsdPerKwh: 0.06, shareOfOrders: 0.5 }],
    frontierEfficiencyJth: 13.5, frontierImprovementPerYear: 0.178, machinePriceUsdPerTh: 20, machinePriceChangePerYear: 0,
    machineLifeYears: 4, hurdleRatePerYear: 0.1, nonPowerOpexFraction: 0.15, orderLagDays: 120, orderResponseYears: 0.5,
    switchOffLagDays: 7, switchOnLagDays: 3, cohortYears: 0.25
  }
})
const priceModels: Record<string, unknown> = {
  table: { model: "table", points: [{ at: START, priceUsdCents: PRICE_USD_CENTS }] },
  gbm: { model: "gbm", driftPerYear: 0, volatilityPerYear: 0.5 },
  jumpDiffusion: { model: "jumpDiffusion", driftPerYear: 0, volatilityPerYear: 0.45, jumpsPerYear: 6, jumpLogMean: -0.05, jumpLogSd: 0.12 }
}

const scenarioFor = (network: string, price: string) => {
  const t = testScenarioText({
    start: START,
    until: isoOf(UNTIL_S),
    height: HEIGHT,
    bits: hex(BITS0),
    fleetShare: 0.05,
    extraLines: [retarget(HEIGHT + 2016, BITS0, bits1, firstA, lastA), retarget(HEIGHT + 2 * 2016, bits1, bits2, firstB, T0)]
  })
  const [first, ...rest] = t.text.trimEnd().split("\n")
  const started = JSON.parse(first!) as { data: { priceUsdCents: number; market: Record<string, unknown> } }
  started.data.priceUsdCents = PRICE_USD_CENTS
  started.data.market = { ...started.data.market, otherHashrate: networkModels(t.totalThs - t.fleetThs)[network], price: priceModels[price] }
  return { plan: scenarioOfText([JSON.stringify(started), ...rest].join("\n") + "\n"), fleetThs: t.fleetThs }
}

/** What one path mined after the hand-over, read from the simulator's reports (every network block on the block engine). */
class HandOverSink extends NullSink {
  tipBeforeDayEnd = 0
  tipBeforeWeek1End = 0
  fleetWeek1 = 0
  fleetAll = 0
  retargets: Array<{ tS: number; oldBits: number; newBits: number; first: number; last: number }> = []
  reset(): void {
    this.tipBeforeDayEnd = 0
    this.tipBeforeWeek1End = 0
    this.fleetWeek1 = 0
    this.fleetAll = 0
    this.retargets = []
  }
  private blocks(tS: number, lastHeight: number, fleet: number): void {
    if (tS < DAY1_S + DAY_S && lastHeight > this.tipBeforeDayEnd) this.tipBeforeDayEnd = lastHeight
    if (tS < WEEK1_END_S && lastHeight > this.tipBeforeWeek1End) this.tipBeforeWeek1End = lastHeight
    if (tS <= T0) return // the observed stretch, up to and including its last block
    if (tS < WEEK1_END_S) this.fleetWeek1 += fleet
    this.fleetAll += fleet
  }
  override blockFound(tS: number, height: number, fleet: boolean): void {
    this.blocks(tS, height, fleet ? 1 : 0)
  }
  override blocksMined(tS: number, _firstHeight: number, lastHeight: number, fleetBlocks: number): void {
    this.blocks(tS, lastHeight, fleetBlocks)
  }
  override difficultyAdjusted(tS: number, _height: number, oldBits: number, newBits: number, first: number, last: number): void {
    this.retargets.push({ tS, oldBits, newBits, first, last })
  }
}

const zOfPoisson = (xs: ReadonlyArray<number>, mean: number): number => {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length
  return (m - mean) / Math.sqrt(mean / xs.length)
}
const zOfMean = (xs: ReadonlyArray<number>, mean: number): number => {
  const n = xs.length
  const m = xs.reduce((s, x) => s + x, 0) / n
  const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1)
  return (m - mean) / Math.sqrt(v / n)
}
const rejects = (z: number): boolean => 2 * (1 - normalCdf(Math.abs(z))) < ALPHA / CASES

/** The three statistics of one market and engine over seeds 1..PATHS (and the checks each path must pass). */
const handOver = (network: string, price: string, engine: "block" | "aggregate") => {
  const { plan, fleetThs } = scenarioFor(network, price)
  const fleetHs = fleetThs * 1e12
  const sim = new PathSimulator(plan, { everyBlock: true })
  const sink = new HandOverSink()
  const lastObserved = HEIGHT + 2 * 2016 - 1
  const n1: Array<number> = []
  const n2: Array<number> = []
  const week1: Array<number> = []
  const weeks: Array<number> = []
  for (let seed = 1; seed <= PATHS; seed++) {
    sink.reset()
    sim.run(seed, engine, sink)
    n1.push(sink.tipBeforeDayEnd - lastObserved)
    n2.push(sink.tipBeforeWeek1End - sink.tipBeforeDayEnd)
    week1.push(sink.fleetWeek1)
    // The path's difficulty after t0: bits2, then each generated retarget's (Core's rule on its reported times).
    let bits = bits2
    let from = T0
    let compensator = 0
    for (const r of sink.retargets) {
      expect(r.oldBits).toBe(bits)
      expect(r.newBits).toBe(nextWorkRequired({ bits: r.oldBits, firstBlockTime: r.first, lastBlockTime: r.last }))
      expect(r.tS).toBeGreaterThanOrEqual(WEEK1_END_S)
      compensator += (fleetHs * (r.tS - from)) / work(bits)
      bits = r.newBits
      from = r.tS
    }
    compensator += (fleetHs * (UNTIL_S - from)) / work(bits)
    weeks.push(sink.fleetAll - compensator)
  }
  // (d): everyone else's mean a day k = 1..6 after t0's, over H0 - F at the hand-over (1: a flat table).
  const othersHs = H0_HS - fleetHs
  let meanN2 = 0
  for (let k = 1; k <= 6; k++) {
    const growth = network === "gbm" ? Math.exp((GBM_DRIFT_PER_YEAR * k) / 365.25) : 1
    meanN2 += ((othersHs * growth + fleetHs) * DAY_S) / work(bits2)
  }
  return {
    a: zOfPoisson(n1, (H0_HS * (DAY1_S + DAY_S - T0)) / work(bits2)),
    b: zOfPoisson(week1, (fleetHs * (WEEK1_END_S - T0)) / work(bits2)),
    c: zOfMean(weeks, 0),
    d: network === "table" ? zOfPoisson(n2, meanN2) : network === "gbm" ? zOfMean(n2, meanN2) : Number.NaN,
    meanN1: n1.reduce((s, x) => s + x, 0) / PATHS
  }
}

describe("the hand-over from observed to generated history", () => {
  for (const network of ["table", "gbm", "hashprice"]) {
    for (const price of Object.keys(priceModels)) {
      for (const engine of ["block", "aggregate"] as const) {
        it(`network ${network}, price ${price}, ${engine} engine: (a) the network's pace, (b) the fleet's first week, (c) its first four weeks${network === "hashprice" ? "" : ", (d) the network's next days"}`, () => {
          const r = handOver(network, price, engine)
          const summary = `z: (a) ${r.a.toFixed(2)} (network blocks ${r.meanN1.toFixed(1)} a path), (b) ${r.b.toFixed(2)}, (c) ${r.c.toFixed(2)}, (d) ${r.d.toFixed(2)}`
          expect(rejects(r.a), summary).toBe(false)
          expect(rejects(r.b), summary).toBe(false)
          expect(rejects(r.c), summary).toBe(false)
          if (network !== "hashprice") expect(rejects(r.d), summary).toBe(false)
        }, 120_000)
      }
    }
  }
})
