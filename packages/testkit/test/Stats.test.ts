// The statistical helpers against published tables and closed forms, so the sampler tests stand on tested ground.
import { describe, expect, it } from "vitest"
import {
  betaCdf,
  binomialPmf,
  chiSquareCritical,
  chiSquareSf,
  chiSquareTwoSample,
  gammaCdf,
  kolmogorovCritical,
  kolmogorovSf,
  ksTest,
  ksTwoSample,
  logGamma,
  normalCdf,
  normalCriticalTwoSided,
  poissonPmf,
  regularizedGammaP,
  regularizedGammaQ
} from "../src/index.ts"

describe("special functions", () => {
  it("logGamma matches log((n-1)!) and Gamma(1/2) = sqrt(pi)", () => {
    let logFact = 0
    for (let n = 1; n < 170; n++) {
      expect(logGamma(n)).toBeCloseTo(logFact, 10)
      logFact += Math.log(n)
    }
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13)
    expect(logGamma(1e9)).toBeCloseTo((1e9 - 0.5) * Math.log(1e9) - 1e9 + 0.5 * Math.log(2 * Math.PI) + 1 / 12e9, 3)
  })

  it("incomplete gamma: P(1, x) = 1 - e^-x, P(2, x) = 1 - (1+x) e^-x, P + Q = 1", () => {
    for (const x of [0.01, 0.5, 1, 2, 5, 20]) {
      expect(regularizedGammaP(1, x)).toBeCloseTo(-Math.expm1(-x), 14)
      expect(regularizedGammaP(2, x)).toBeCloseTo(1 - (1 + x) * Math.exp(-x), 14)
      expect(regularizedGammaP(3.7, x) + regularizedGammaQ(3.7, x)).toBeCloseTo(1, 14)
    }
  })

  it("normal distribution function at table values", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 15)
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14)
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15)
    expect(normalCdf(-8) / 6.22096057427178e-16).toBeCloseTo(1, 10)
  })

  it("beta and gamma distribution functions against closed forms", () => {
    for (const x of [0.1, 0.3, 0.7]) {
      expect(betaCdf(x, 2, 3)).toBeCloseTo(12 * x ** 2 * (1 / 2 - (2 * x) / 3 + x ** 2 / 4), 13) // I_x(2,3) = 12 int t(1-t)^2
      expect(betaCdf(x, 1, 144)).toBeCloseTo(1 - (1 - x) ** 144, 13)
      expect(betaCdf(x, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(x)), 12)
    }
    expect(gammaCdf(2, 2, 1)).toBeCloseTo(1 - 3 * Math.exp(-2), 14)
  })

  it("pmfs sum to 1 and have their means", () => {
    for (const [mean] of [[0.5], [144], [1e5]] as const) {
      let s = 0
      let m = 0
      for (let k = 0; k < mean + 50 * Math.sqrt(mean) + 50; k++) {
        const p = poissonPmf(k, mean)
        s += p
        m += k * p
      }
      expect(s).toBeCloseTo(1, 9)
      expect(m / mean).toBeCloseTo(1, 9)
    }
    let s = 0
    for (let k = 0; k <= 2016; k++) s += binomialPmf(k, 2016, 0.066)
    expect(s).toBeCloseTo(1, 10)
  })
})

describe("critical values (published tables)", () => {
  it("chi-square", () => {
    expect(chiSquareCritical(1, 0.05)).toBeCloseTo(3.8415, 4)
    expect(chiSquareCritical(10, 0.001)).toBeCloseTo(29.588, 3)
    expect(chiSquareCritical(100, 0.001)).toBeCloseTo(149.449, 3)
    expect(chiSquareSf(29.588, 10)).toBeCloseTo(0.001, 6)
  })

  it("Kolmogorov: lambda 1.3581 at 0.05, 1.9495 at 0.001", () => {
    expect(kolmogorovCritical(0.05)).toBeCloseTo(1.3581, 4)
    expect(kolmogorovCritical(0.001)).toBeCloseTo(1.9495, 4)
    expect(kolmogorovSf(1.3581)).toBeCloseTo(0.05, 4)
  })

  it("normal: 3.2905 two-sided at 0.001", () => {
    expect(normalCriticalTwoSided(0.001)).toBeCloseTo(3.2905, 4)
  })
})

describe("tests on known data", () => {
  it("KS: an evenly spread sample fits the uniform, a squeezed one does not", () => {
    const even = Array.from({ length: 1000 }, (_, i) => (i + 0.5) / 1000)
    expect(ksTest(even, (x) => x, 0.001).statistic).toBeCloseTo(0.0005, 12)
    expect(ksTest(even, (x) => x, 0.001).reject).toBe(false)
    expect(ksTest(even.map((x) => x * 0.9), (x) => Math.min(1, x), 0.001).reject).toBe(true)
  })

  it("two-sample KS and chi-square: identical samples are not rejected, shifted ones are", () => {
    const a = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 5000) / 5000)
    expect(ksTwoSample(a, a, 0.001).statistic).toBe(0)
    expect(ksTwoSample(a, a.map((x) => x + 0.1), 0.001).reject).toBe(true)
    const counts = Array.from({ length: 5000 }, (_, i) => i % 20)
    expect(chiSquareTwoSample(counts, counts, 0.001).statistic).toBeCloseTo(0, 12)
    expect(chiSquareTwoSample(counts, counts.map((k) => (k < 10 ? k : k + 1)), 0.001).reject).toBe(true)
  })

  it("two-sample chi-square of two constant samples: one bin, no degrees of freedom, nothing to reject", () => {
    const zeros = new Array<number>(100).fill(0)
    const result = chiSquareTwoSample(zeros, zeros, 0.001)
    expect(result).toMatchObject({ bins: 1, df: 0, pValue: 1, reject: false })
  })

  it("two-sample KS with ties (integer data) compares the empirical distribution functions after each value", () => {
    expect(ksTwoSample([1, 1, 2, 2], [1, 2, 2, 2], 0.001).statistic).toBeCloseTo(0.25, 12)
  })
})
