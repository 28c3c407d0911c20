// Poisson and binomial samplers against their exact pmfs: chi-square on bins merged to at least 5 expected,
// alpha = 0.001, fixed seeds, small and large parameters on both sides of each algorithm switch; moments with
// their standard errors; and the same tests shown to reject a 1% error and a normal approximation.
import { describe, expect, it } from "vitest"
import {
  binomial,
  BINOMIAL_INVERSION_BELOW,
  poisson,
  POISSON_INVERSION_BELOW,
  rngFor,
  SamplerParameterInvalidError,
  standardNormal
} from "../../src/random/index.ts"
import { binomialPmf, discreteChiSquare, meanCheck, poissonPmf, varianceCheck } from "@hashsim/testkit"

const ALPHA = 0.001
const N = 200_000

const draw = (n: number, f: () => number): Float64Array => {
  const out = new Float64Array(n)
  for (let i = 0; i < n; i++) out[i] = f()
  return out
}

const expectPmf = (samples: Float64Array, pmf: (k: number) => number, center: number): void => {
  const r = discreteChiSquare(samples, pmf, center, ALPHA)
  expect(r.reject, `chi2 ${r.statistic.toFixed(1)} > critical ${r.critical.toFixed(1)} (df ${r.df}, p = ${r.pValue.toExponential(2)})`).toBe(false)
}

const expectMoments = (samples: Float64Array, mean: number, variance: number, mu4: number): void => {
  const m = meanCheck(samples, mean, variance, ALPHA)
  expect(m.reject, `mean ${m.estimate} vs ${mean}: z = ${m.z.toFixed(2)} (SE ${m.standardError.toExponential(2)})`).toBe(false)
  const v = varianceCheck(samples, mean, variance, mu4, ALPHA)
  expect(v.reject, `variance ${v.estimate} vs ${variance}: z = ${v.z.toFixed(2)} (SE ${v.standardError.toExponential(2)})`).toBe(false)
}

describe("poisson: inversion below mean 10, PTRS from 10 (pmf from the log-factorial table for k < 16384)", () => {
  expect(POISSON_INVERSION_BELOW).toBe(10)

  it.each([0.01, 0.5, 3, 9.999, 10, 30, 144, 16_300, 1e5, 1e9])("mean %s: chi-square on the exact pmf; mean and variance within their SEs", (mean) => {
    const rng = rngFor(20, `test-poisson-${mean}`)
    const xs = draw(N, () => poisson(rng, mean))
    expect(xs.every((k) => Number.isInteger(k) && k >= 0)).toBe(true)
    expectPmf(xs, (k) => poissonPmf(k, mean), mean)
    // Central 4th moment of Poisson(m): m + 3 m^2.
    expectMoments(xs, mean, mean, mean + 3 * mean * mean)
  })

  it("mean 0 gives 0", () => {
    const rng = rngFor(21, "test-poisson")
    for (let i = 0; i < 100; i++) expect(poisson(rng, 0)).toBe(0)
  })

  it("thinning: Binomial(Poisson(m), p) is Poisson(m p) (how the aggregate engine splits the fleet's blocks)", () => {
    const rng = rngFor(22, "test-thinning")
    const xs = draw(N, () => binomial(rng, poisson(rng, 144), 0.066))
    expectPmf(xs, (k) => poissonPmf(k, 144 * 0.066), 144 * 0.066)
  })

  it("refuses a negative, NaN or infinite mean", () => {
    const rng = rngFor(23, "test-poisson")
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => poisson(rng, bad)).toThrow(SamplerParameterInvalidError)
  })
})

describe("binomial: inversion when n min(p, 1-p) < 10, BTRS otherwise (table below n = 16384), symmetry for p > 1/2", () => {
  expect(BINOMIAL_INVERSION_BELOW).toBe(10)

  it.each([
    [10, 0.3],
    [20, 0.5],
    [100, 0.95],
    [144, 0.066],
    [2016, 0.004],
    [2016, 0.066],
    [2016, 0.999],
    [16_383, 0.3],
    [16_384, 0.3],
    [1e6, 0.5],
    [1e9, 0.9],
    [1e9, 5e-9],
    [1e9, 2e-8]
  ])("n %s, p %s: chi-square on the exact pmf; mean and variance within their SEs", (n, p) => {
    const rng = rngFor(24, `test-binomial-${n}-${p}`)
    const xs = draw(N, () => binomial(rng, n, p))
    expect(xs.every((k) => Number.isInteger(k) && k >= 0 && k <= n)).toBe(true)
    expectPmf(xs, (k) => binomialPmf(k, n, p), n * p)
    const q = 1 - p
    // Central 4th moment of Binomial(n, p): n p q (1 + 3 (n - 2) p q).
    expectMoments(xs, n * p, n * p * q, n * p * q * (1 + 3 * (n - 2) * p * q))
  })

  it("edges: p = 0 gives 0, p = 1 gives n, n = 0 gives 0, n = 1 is a Bernoulli", () => {
    const rng = rngFor(25, "test-binomial")
    expect(binomial(rng, 2016, 0)).toBe(0)
    expect(binomial(rng, 2016, 1)).toBe(2016)
    expect(binomial(rng, 0, 0.3)).toBe(0)
    const xs = draw(N, () => binomial(rng, 1, 0.25))
    expectPmf(xs, (k) => binomialPmf(k, 1, 0.25), 0)
  })

  it("refuses n that is negative or not an integer, and p outside [0, 1]", () => {
    const rng = rngFor(26, "test-binomial")
    for (const [n, p] of [[-1, 0.5], [2.5, 0.5], [10, -0.1], [10, 1.1], [10, Number.NaN]] as const) {
      expect(() => binomial(rng, n, p)).toThrow(SamplerParameterInvalidError)
    }
  })
})

describe("the tests have power: the same chi-square at alpha = 0.001 rejects plausible wrong variants", () => {
  const rejects = (samples: Float64Array, pmf: (k: number) => number, center: number): boolean =>
    discreteChiSquare(samples, pmf, center, ALPHA).reject

  it("a Poisson with its mean 1% high (145.44 for 144)", () => {
    const rng = rngFor(27, "power")
    expect(rejects(draw(N, () => poisson(rng, 144 * 1.01)), (k) => poissonPmf(k, 144), 144)).toBe(true)
  })

  it("a Poisson at mean 1e5 with its mean 0.1% high (100 = 0.32 sd)", () => {
    const rng = rngFor(28, "power")
    expect(rejects(draw(N, () => poisson(rng, 1e5 * 1.001)), (k) => poissonPmf(k, 1e5), 1e5)).toBe(true)
  })

  it("a rounded normal approximation to the Poisson at mean 10 (right mean and variance, wrong shape)", () => {
    const rng = rngFor(29, "power")
    const xs = draw(N, () => Math.max(0, Math.round(10 + Math.sqrt(10) * standardNormal(rng))))
    expect(rejects(xs, (k) => poissonPmf(k, 10), 10)).toBe(true)
  })

  it("a rounded normal approximation to the Poisson at mean 144", () => {
    const rng = rngFor(30, "power")
    const xs = draw(N, () => Math.round(144 + 12 * standardNormal(rng)))
    expect(rejects(xs, (k) => poissonPmf(k, 144), 144)).toBe(true)
  })

  it("a binomial with p 1% high (2016, 0.06666 for 0.066)", () => {
    const rng = rngFor(31, "power")
    expect(rejects(draw(N, () => binomial(rng, 2016, 0.066 * 1.01)), (k) => binomialPmf(k, 2016, 0.066), 2016 * 0.066)).toBe(true)
  })

  it("a Poisson standing in for a binomial with large p (Poisson(n p) for Binomial(2016, 0.3): variance off)", () => {
    const rng = rngFor(32, "power")
    expect(rejects(draw(N, () => poisson(rng, 2016 * 0.3)), (k) => binomialPmf(k, 2016, 0.3), 2016 * 0.3)).toBe(true)
  })
})
