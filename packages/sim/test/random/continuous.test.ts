// Continuous samplers against their distributions: Kolmogorov-Smirnov (and chi-square where a region of the
// algorithm needs its own look, like the ziggurat's tail), moments with their standard errors, all at
// alpha = 0.001 with fixed seeds; and the same tests shown to reject plausible wrong variants.
import { describe, expect, it } from "vitest"
import {
  beta,
  exponential,
  exponentialMean,
  gamma,
  lognormal,
  normal,
  rngFor,
  SamplerParameterInvalidError,
  standardExponential,
  standardGamma,
  standardNormal,
  type Rng
} from "../../src/random/index.ts"
import {
  betaCdf,
  binnedChiSquare,
  edgesBetween,
  exponentialCdf,
  gammaCdf,
  ksTest,
  ksTwoSample,
  lognormalCdf,
  meanCheck,
  normalCdf,
  varianceCheck
} from "@hashsim/testkit"

const ALPHA = 0.001
const N = 100_000

const draw = (n: number, f: () => number): Float64Array => {
  const out = new Float64Array(n)
  for (let i = 0; i < n; i++) out[i] = f()
  return out
}

const expectFits = (samples: Float64Array, cdf: (x: number) => number): void => {
  const result = ksTest(samples, cdf, ALPHA)
  expect(result.reject, `KS D = ${result.statistic.toExponential(3)} > critical ${result.critical.toExponential(3)} (p = ${result.pValue.toExponential(2)})`).toBe(false)
}

const expectMean = (samples: Float64Array, mean: number, variance: number): void => {
  const m = meanCheck(samples, mean, variance, ALPHA)
  expect(m.reject, `mean ${m.estimate} vs ${mean}: z = ${m.z.toFixed(2)} (SE ${m.standardError.toExponential(2)})`).toBe(false)
}

describe("exponential", () => {
  it("rate 1/600 (block intervals in seconds): KS, and the mean 600 within its SE 600/sqrt(n)", () => {
    const rng = rngFor(1, "test-exponential")
    const xs = draw(N, () => exponential(rng, 1 / 600))
    expectFits(xs, (x) => exponentialCdf(x, 1 / 600))
    expectMean(xs, 600, 600 * 600)
    const v = varianceCheck(xs, 600, 600 ** 2, 9 * 600 ** 4, ALPHA) // central 4th moment of Exp: 9 / rate^4
    expect(v.reject, `variance z = ${v.z}`).toBe(false)
  })

  it("by mean, and standard: KS", () => {
    const rng = rngFor(2, "test-exponential")
    expectFits(draw(N, () => exponentialMean(rng, 3.5)), (x) => exponentialCdf(x, 1 / 3.5))
    expectFits(draw(N, () => standardExponential(rng)), (x) => exponentialCdf(x, 1))
  })

  it("the far tail: chi-square on bins out to 14 means, 10^6 draws (the open uniform makes -log U finite)", () => {
    const rng = rngFor(3, "test-exponential")
    const xs = draw(1_000_000, () => standardExponential(rng))
    expect(xs.every((x) => Number.isFinite(x) && x > 0)).toBe(true)
    const result = binnedChiSquare(xs, (x) => exponentialCdf(x, 1), edgesBetween(0.25, 14, 0.25), ALPHA)
    expect(result.reject, `chi2 ${result.statistic} > ${result.critical}`).toBe(false)
  })
})

describe("normal (ziggurat)", () => {
  const xs = (() => {
    const rng = rngFor(4, "test-normal")
    return draw(1_000_000, () => standardNormal(rng))
  })()

  it("KS against the standard normal, 10^6 draws", () => {
    expectFits(xs, normalCdf)
  })

  it("chi-square on 0.05-wide bins over +/- 6, tails included (the ziggurat's wedges and its tail beyond 3.654)", () => {
    const result = binnedChiSquare(xs, normalCdf, edgesBetween(-6, 6, 0.05), ALPHA)
    expect(result.reject, `chi2 ${result.statistic} > ${result.critical} (df ${result.df})`).toBe(false)
  })

  it("the tail beyond R = 3.654 alone: counts in [3.654, 4), [4, 4.5), [4.5, inf) and their mirror images", () => {
    const tail = Float64Array.from(xs.filter((x) => Math.abs(x) >= 3.6541528853610088))
    const pTail = 2 * normalCdf(-3.6541528853610088)
    // Conditional distribution of |X| given |X| >= R.
    const conditional = (x: number): number => 1 - (2 * normalCdf(-x)) / pTail
    const result = binnedChiSquare(tail.map(Math.abs), conditional, [4, 4.5], ALPHA)
    expect(result.bins).toBe(3)
    expect(result.reject, `chi2 ${result.statistic}`).toBe(false)
    const signs = tail.filter((x) => x > 0).length
    expect(Math.abs(signs - tail.length / 2) / Math.sqrt(tail.length / 4)).toBeLessThan(3.29)
  })

  it("moments: mean 0 (SE 1/sqrt n), variance 1 (SE sqrt(2/n))", () => {
    expectMean(xs, 0, 1)
    const v = varianceCheck(xs, 0, 1, 3, ALPHA)
    expect(v.reject, `variance ${v.estimate}, z = ${v.z}`).toBe(false)
  })

  it("normal(mean, sd) and lognormal(mu, sigma): KS", () => {
    const rng = rngFor(5, "test-normal")
    expectFits(draw(N, () => normal(rng, -2, 3)), (x) => normalCdf((x + 2) / 3))
    expectFits(draw(N, () => lognormal(rng, 0.3, 0.8)), (x) => lognormalCdf(x, 0.3, 0.8))
    const ln = draw(N, () => lognormal(rng, 0, 0.25))
    expectMean(ln, Math.exp(0.25 ** 2 / 2), (Math.exp(0.25 ** 2) - 1) * Math.exp(0.25 ** 2))
  })
})

describe("gamma (Marsaglia-Tsang, boosted below shape 1)", () => {
  it.each([0.05, 0.3, 0.5, 0.999, 1, 2.5, 7.3, 150, 10_000])("shape %s, scale 2: KS and the mean within its SE", (shape) => {
    const rng = rngFor(6, `test-gamma-${shape}`)
    const xs = draw(N, () => gamma(rng, shape, 2))
    expectFits(xs, (x) => gammaCdf(x, shape, 2))
    expectMean(xs, 2 * shape, 4 * shape)
  })

  it("standardGamma(shape) is gamma(shape, 1)", () => {
    const rng = rngFor(7, "test-gamma")
    expectFits(draw(N, () => standardGamma(rng, 3)), (x) => gammaCdf(x, 3, 1))
  })
})

describe("beta", () => {
  it.each([
    [0.5, 0.5],
    [0.2, 0.7],
    [1, 1],
    [0.5, 3],
    [2, 3],
    [1, 144],
    [144, 1],
    [3, 0.4],
    [2016, 98_001]
  ])("Beta(%s, %s): KS and the mean within its SE", (a, b) => {
    const rng = rngFor(8, `test-beta-${a}-${b}`)
    const xs = draw(N, () => beta(rng, a, b))
    expectFits(xs, (x) => betaCdf(x, a, b))
    const mean = a / (a + b)
    expectMean(xs, mean, (a * b) / ((a + b) ** 2 * (a + b + 1)))
  })

  it("Beta(r, N-r+1) is the r-th smallest of N uniforms (the aggregate engine's boundary block): two-sample KS", () => {
    const rng = rngFor(9, "test-beta-order")
    const r = 3
    const n = 12
    const viaBeta = draw(50_000, () => beta(rng, r, n - r + 1))
    const sorted = new Float64Array(n)
    const viaSorting = draw(50_000, () => {
      for (let i = 0; i < n; i++) sorted[i] = rng.nextDouble()
      sorted.sort()
      return sorted[r - 1]!
    })
    const result = ksTwoSample(viaBeta, viaSorting, ALPHA)
    expect(result.reject, `D ${result.statistic} > ${result.critical}`).toBe(false)
  })

  it("Beta(1, N) keeps its precision for large N (the first of N points): N * X is Exp(1) in the limit", () => {
    const rng = rngFor(10, "test-beta-min")
    const big = 1e9
    const xs = draw(N, () => big * beta(rng, 1, big))
    expectFits(xs, (x) => exponentialCdf(x, 1))
  })
})

describe("the tests have power: the same KS at alpha = 0.001 rejects plausible wrong variants", () => {
  const rejects = (samples: Float64Array, cdf: (x: number) => number): boolean => ksTest(samples, cdf, ALPHA).reject

  it("an exponential with its rate 2% off (D expected ~ 0.02/e = 0.0074 against a critical 0.0062)", () => {
    const rng = rngFor(11, "power")
    expect(rejects(draw(N, () => exponential(rng, 1.02 / 600)), (x) => exponentialCdf(x, 1 / 600))).toBe(true)
  })

  it("a normal with its mean shifted by 0.02 sd", () => {
    const rng = rngFor(12, "power")
    expect(rejects(draw(N, () => 0.02 + standardNormal(rng)), normalCdf)).toBe(true)
  })

  it("a normal whose sign is lost in 1% of draws (a plausible sign bug in the ziggurat) fails the chi-square", () => {
    const rng = rngFor(13, "power")
    const xs = draw(1_000_000, () => {
      const z = standardNormal(rng)
      return rng.nextDouble() < 0.51 ? Math.abs(z) : z // 1% too many positive values
    })
    expect(binnedChiSquare(xs, normalCdf, edgesBetween(-6, 6, 0.05), ALPHA).reject).toBe(true)
  })

  it("gamma with shape 2% off (2.55 for 2.5), and the Marsaglia-Tsang path used without the boost below shape 1", () => {
    const rng = rngFor(14, "power")
    expect(rejects(draw(N, () => gamma(rng, 2.55, 2)), (x) => gammaCdf(x, 2.5, 2))).toBe(true)
    // Without the boost, shape 0.5 would be drawn as if it were shape 1 (the sampler's domain starts there).
    expect(rejects(draw(N, () => gamma(rng, 1, 1)), (x) => gammaCdf(x, 0.5, 1))).toBe(true)
  })

  it("Beta(r, N-r+1) with an off-by-one order statistic (Beta(r, N-r))", () => {
    const rng = rngFor(15, "power")
    expect(rejects(draw(N, () => beta(rng, 3, 9)), (x) => betaCdf(x, 3, 10))).toBe(true)
  })
})

describe("parameters outside the domain are refused", () => {
  const rng: Rng = rngFor(0, "test-domain")
  it.each([
    ["exponential rate 0", () => exponential(rng, 0)],
    ["exponential rate NaN", () => exponential(rng, Number.NaN)],
    ["exponentialMean -1", () => exponentialMean(rng, -1)],
    ["normal sd -1", () => normal(rng, 0, -1)],
    ["lognormal sigma Infinity", () => lognormal(rng, 0, Number.POSITIVE_INFINITY)],
    ["gamma shape 0", () => gamma(rng, 0, 1)],
    ["gamma scale 0", () => gamma(rng, 1, 0)],
    ["beta a 0", () => beta(rng, 0, 1)],
    ["beta b NaN", () => beta(rng, 1, Number.NaN)]
  ])("%s", (_name, f) => {
    expect(f).toThrow(SamplerParameterInvalidError)
  })
})
