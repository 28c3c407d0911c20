// The jump-diffusion price and the mean-reverting fee level against their closed forms: moments of the exact
// transitions at alpha = 0.001 with fixed seeds (statistics helpers from test/random/stats.ts).
import { describe, expect, it } from "vitest"
import { rngFor, standardNormal } from "../../src/random/index.ts"
import {
  JUMP_DIFFUSION_REFERENCE,
  JumpDiffusionPrice,
  type JumpDiffusionParams,
  logReturnMean,
  logReturnVariance
} from "../../src/market/JumpDiffusionPrice.ts"
import {
  MEAN_REVERTING_FEES_REFERENCE,
  MeanRevertingFees,
  reversionPerYear,
  stationaryLogMean,
  stationaryLogVariance
} from "../../src/market/MeanRevertingFees.ts"
import { MarketParameterInvalidError } from "../../src/market/MarketParameterInvalidError.ts"
import { meanCheck, varianceCheck } from "@hashsim/testkit"

const ALPHA = 0.001

const expectMoments = (xs: Float64Array, mean: number, variance: number, fourthCentral: number, what: string): void => {
  const m = meanCheck(xs, mean, variance, ALPHA)
  expect(m.reject, `${what} mean ${m.estimate} vs ${mean}: z = ${m.z.toFixed(2)}`).toBe(false)
  const v = varianceCheck(xs, mean, variance, fourthCentral, ALPHA)
  expect(v.reject, `${what} variance: z = ${v.z.toFixed(2)}`).toBe(false)
}

/** E[exp(u X)] of the log-return over dt: exp(u a + u^2 sigma^2 dt / 2 + lambda dt (E[e^(u J)] - 1)). */
const mgf = (p: JumpDiffusionParams, dt: number, u: number): number => {
  const kappa = Math.expm1(p.jumpLogMean + 0.5 * p.jumpLogSd ** 2)
  const a = (p.driftPerYear - p.jumpsPerYear * kappa - 0.5 * p.volatilityPerYear ** 2) * dt
  const jump = Math.exp(u * p.jumpLogMean + 0.5 * u * u * p.jumpLogSd ** 2) - 1
  return Math.exp(u * a + 0.5 * u * u * p.volatilityPerYear ** 2 * dt + p.jumpsPerYear * dt * jump)
}

describe("JumpDiffusionPrice", () => {
  const cases: Array<[string, JumpDiffusionParams, number]> = [
    ["the reference set, daily steps", JUMP_DIFFUSION_REFERENCE, 1 / 365.25],
    ["frequent large jumps, monthly steps", { driftPerYear: 0.2, volatilityPerYear: 0.3, jumpsPerYear: 24, jumpLogMean: -0.1, jumpLogSd: 0.2 }, 1 / 12]
  ]
  for (const [name, p, dt] of cases) {
    it(`${name}: log-return mean and variance, and E[S'/S] = exp(mu dt), match the closed forms`, () => {
      const model = new JumpDiffusionPrice(p)
      const rng = rngFor(13, `test-jump-${name}`)
      const n = 200_000
      const xs = new Float64Array(n)
      const ratios = new Float64Array(n)
      for (let i = 0; i < n; i++) {
        xs[i] = model.logReturn(rng, dt)
        ratios[i] = Math.exp(xs[i]!)
      }
      const mean = logReturnMean(p, dt)
      const variance = logReturnVariance(p, dt)
      // Fourth central moment: kappa4 + 3 kappa2^2, kappa4 = lambda dt (muJ^4 + 6 muJ^2 sJ^2 + 3 sJ^4).
      const k4 = p.jumpsPerYear * dt * (p.jumpLogMean ** 4 + 6 * p.jumpLogMean ** 2 * p.jumpLogSd ** 2 + 3 * p.jumpLogSd ** 4)
      expectMoments(xs, mean, variance, k4 + 3 * variance * variance, "log-return")
      expect(mgf(p, dt, 1)).toBeCloseTo(Math.exp(p.driftPerYear * dt), 12) // the compensator's job
      const m1 = mgf(p, dt, 1)
      const r = meanCheck(ratios, m1, mgf(p, dt, 2) - m1 * m1, ALPHA)
      expect(r.reject, `E[S'/S] ${r.estimate} vs ${m1}: z = ${r.z.toFixed(2)}`).toBe(false)
      // Heavy tails: the jumps' fourth cumulant makes the kurtosis exceed a normal's 3.
      expect(k4).toBeGreaterThan(0)
    })
  }

  it("with no jumps it is the GBM: the same log-return as PathSimulator's step from the same normal", () => {
    const p = { driftPerYear: 0.1, volatilityPerYear: 0.55, jumpsPerYear: 0, jumpLogMean: 0, jumpLogSd: 0 }
    const a = rngFor(5, "gbm")
    const b = rngFor(5, "gbm")
    const model = new JumpDiffusionPrice(p)
    const dt = 1 / 365.25
    for (let i = 0; i < 100; i++) {
      const gbm = (0.1 - 0.5 * 0.55 * 0.55) * dt + 0.55 * Math.sqrt(dt) * standardNormal(b)
      expect(model.logReturn(a, dt)).toBe(gbm)
    }
  })

  it("rejects a negative volatility", () => {
    expect(() => new JumpDiffusionPrice({ ...JUMP_DIFFUSION_REFERENCE, volatilityPerYear: -0.1 })).toThrow(MarketParameterInvalidError)
  })
})

describe("MeanRevertingFees", () => {
  const p = MEAN_REVERTING_FEES_REFERENCE
  const m = stationaryLogMean(p)
  const v = stationaryLogVariance(p)
  const chains = 20_000
  const dt = 1 / 365.25

  it("from a start 1.0 above the long-run log mean, a year of daily steps gives the exact transient mean and variance", () => {
    const fees = new MeanRevertingFees(p)
    const rng = rngFor(21, "test-ou-transient")
    const xs = new Float64Array(chains)
    for (let c = 0; c < chains; c++) {
      fees.reset(Math.exp(m + 1))
      for (let d = 0; d < 365; d++) fees.step(rng, dt)
      xs[c] = fees.logSats
    }
    const theta = reversionPerYear(p)
    const t = 365 * dt
    const mean = m + Math.exp(-theta * t)
    const variance = v * -Math.expm1(-2 * theta * t)
    expectMoments(xs, mean, variance, 3 * variance * variance, "log fees after a year")
  })

  it("the stationary law is kept: mean and variance of log fees, and the mean of fees equals meanSats", () => {
    const fees = new MeanRevertingFees(p)
    const rng = rngFor(22, "test-ou-stationary")
    const xs = new Float64Array(chains)
    const sats = new Float64Array(chains)
    for (let c = 0; c < chains; c++) {
      fees.resetStationary(rng)
      for (let d = 0; d < 200; d++) fees.step(rng, dt)
      xs[c] = fees.logSats
      sats[c] = fees.sats
    }
    expectMoments(xs, m, v, 3 * v * v, "stationary log fees")
    const r = meanCheck(sats, p.meanSats, Math.expm1(v) * Math.exp(2 * m + v), ALPHA)
    expect(r.reject, `mean fees ${r.estimate} vs ${p.meanSats}: z = ${r.z.toFixed(2)}`).toBe(false)
  })

  it("one step of any length is the exact transition (one two-year step equals 730 daily ones in law)", () => {
    const fees = new MeanRevertingFees(p)
    const rng = rngFor(23, "test-ou-long-step")
    const xs = new Float64Array(chains)
    const t = 730 * dt
    for (let c = 0; c < chains; c++) {
      fees.reset(Math.exp(m - 0.5))
      fees.step(rng, t)
      xs[c] = fees.logSats
    }
    const theta = reversionPerYear(p)
    const variance = v * -Math.expm1(-2 * theta * t)
    expectMoments(xs, m - 0.5 * Math.exp(-theta * t), variance, 3 * variance * variance, "log fees after one two-year step")
  })
})
