// Over 450 lines on purpose: the special functions and the tests built on them belong together (tests only).
// Statistical helpers for tests of random quantities: special functions, distribution functions, chi-square
// and Kolmogorov-Smirnov goodness of fit (one and two samples) with p-values and critical values computed.
// Written independently of the samplers (Lanczos log-gamma, Numerical Recipes incomplete gamma and beta) so a
// sampler and its test do not share a formula. Shared by every package's tests through @hashsim/testkit.

// ---------------------------------------------------------------- special functions

const LANCZOS_G = 7
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
]

/** log Gamma(x) for x > 0 (Lanczos, g = 7, about 15 significant digits). */
export const logGamma = (x: number): number => {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x)
  const z = x - 1
  let s = LANCZOS[0]!
  for (let i = 1; i < LANCZOS.length; i++) s += LANCZOS[i]! / (z + i)
  const t = z + LANCZOS_G + 0.5
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s)
}

const MAX_ITERATIONS = 1_000_000
const EPS = 1e-15
const TINY = 1e-300

/** Regularized lower incomplete gamma P(a, x) by its series (use when x < a + 1). */
const gammaPSeries = (a: number, x: number): number => {
  let ap = a
  let sum = 1 / a
  let del = sum
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    ap += 1
    del *= x / ap
    sum += del
    if (Math.abs(del) < Math.abs(sum) * EPS) break
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a))
}

/** Regularized upper incomplete gamma Q(a, x) by its continued fraction (Lentz; use when x >= a + 1). */
const gammaQFraction = (a: number, x: number): number => {
  let b = x + 1 - a
  let c = 1 / TINY
  let d = 1 / b
  let h = d
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < TINY) d = TINY
    c = b + an / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    const del = d * c
    h *= del
    if (Math.abs(del - 1) < EPS) break
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h
}

/** Regularized lower incomplete gamma P(a, x) = gamma(a, x) / Gamma(a). */
export const regularizedGammaP = (a: number, x: number): number => {
  if (x <= 0) return 0
  return x < a + 1 ? gammaPSeries(a, x) : 1 - gammaQFraction(a, x)
}

/** Regularized upper incomplete gamma Q(a, x) = 1 - P(a, x), accurate in the upper tail. */
export const regularizedGammaQ = (a: number, x: number): number => {
  if (x <= 0) return 1
  return x < a + 1 ? 1 - gammaPSeries(a, x) : gammaQFraction(a, x)
}

/** Continued fraction of the incomplete beta (Numerical Recipes betacf, modified Lentz). */
const betaFraction = (a: number, b: number, x: number): number => {
  const qab = a + b
  const qap = a + 1
  const qam = a - 1
  let c = 1
  let d = 1 - (qab * x) / qap
  if (Math.abs(d) < TINY) d = TINY
  d = 1 / d
  let h = d
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2))
    d = 1 + aa * d
    if (Math.abs(d) < TINY) d = TINY
    c = 1 + aa / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    h *= d * c
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2))
    d = 1 + aa * d
    if (Math.abs(d) < TINY) d = TINY
    c = 1 + aa / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    const del = d * c
    h *= del
    if (Math.abs(del - 1) < EPS) break
  }
  return h
}

/** Regularized incomplete beta I_x(a, b): the Beta(a, b) distribution function at x. */
export const regularizedBeta = (x: number, a: number, b: number): number => {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x)
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaFraction(a, b, x)) / a
  return 1 - (Math.exp(logFront) * betaFraction(b, a, 1 - x)) / b
}

// ---------------------------------------------------------------- distributions

/** erfc(z) via Q(1/2, z^2) for z >= 0, reflected for z < 0. */
export const erfc = (z: number): number => (z >= 0 ? regularizedGammaQ(0.5, z * z) : 2 - regularizedGammaQ(0.5, z * z))

/** Standard normal distribution function. */
export const normalCdf = (x: number): number => 0.5 * erfc(-x / Math.SQRT2)

export const exponentialCdf = (x: number, rate: number): number => (x <= 0 ? 0 : -Math.expm1(-rate * x))

export const gammaCdf = (x: number, shape: number, scale: number): number => regularizedGammaP(shape, x / scale)

export const betaCdf = (x: number, a: number, b: number): number => regularizedBeta(x, a, b)

export const lognormalCdf = (x: number, mu: number, sigma: number): number =>
  x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma)

/** Poisson pmf, from logs (fine for means up to 1e9 at the precision a chi-square test needs). */
export const poissonPmf = (k: number, mean: number): number =>
  k < 0 ? 0 : mean === 0 ? (k === 0 ? 1 : 0) : Math.exp(k * Math.log(mean) - mean - logGamma(k + 1))

/** Binomial pmf, from logs. */
export const binomialPmf = (k: number, n: number, p: number): number => {
  if (k < 0 || k > n) return 0
  if (p === 0) return k === 0 ? 1 : 0
  if (p === 1) return k === n ? 1 : 0
  return Math.exp(
    logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p)
  )
}

// ---------------------------------------------------------------- chi-square

/** Upper tail of the chi-square distribution with df degrees of freedom: P(X >= x). */
export const chiSquareSf = (x: number, df: number): number => regularizedGammaQ(df / 2, x / 2)

/** The value c with P(X >= c) = alpha for chi-square(df), by bisection on chiSquareSf. */
export const chiSquareCritical = (df: number, alpha: number): number => {
  let lo = 0
  let hi = df + 10 * Math.sqrt(2 * df) + 50
  while (chiSquareSf(hi, df) > alpha) hi *= 2
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2
    if (chiSquareSf(mid, df) > alpha) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

export interface ChiSquareResult {
  readonly statistic: number
  readonly df: number
  readonly pValue: number
  /** The critical value at the alpha the test was asked for; reject when statistic > critical. */
  readonly critical: number
  readonly alpha: number
  readonly reject: boolean
  readonly bins: number
}

/**
 * Pearson's chi-square of observed counts against expected probabilities (which must sum to 1), with
 * df = bins - 1 - fittedParameters.
 */
export const chiSquareTest = (
  observed: ReadonlyArray<number>,
  probabilities: ReadonlyArray<number>,
  alpha: number,
  fittedParameters = 0
): ChiSquareResult => {
  const n = observed.reduce((s, x) => s + x, 0)
  let statistic = 0
  for (let i = 0; i < observed.length; i++) {
    const e = n * probabilities[i]!
    const d = observed[i]! - e
    statistic += (d * d) / e
  }
  const df = observed.length - 1 - fittedParameters
  return chiSquareResult(statistic, df, alpha, observed.length)
}

/** Packs a chi-square statistic with its p-value and critical value; no degrees of freedom = nothing to reject. */
const chiSquareResult = (statistic: number, df: number, alpha: number, bins: number): ChiSquareResult => {
  if (df < 1) return { statistic, df, pValue: 1, critical: Number.POSITIVE_INFINITY, alpha, reject: false, bins }
  const critical = chiSquareCritical(df, alpha)
  return { statistic, df, pValue: chiSquareSf(statistic, df), critical, alpha, reject: statistic > critical, bins }
}

/**
 * Bins integer samples for a chi-square test against a pmf: consecutive values are merged until each bin
 * expects at least `minExpected` counts; everything below the first bin and above the last folds into them.
 * `center` is a value of high probability (the mean) from which the support is explored.
 */
export const discreteChiSquare = (
  samples: ArrayLike<number>,
  pmf: (k: number) => number,
  center: number,
  alpha: number,
  minExpected = 5
): ChiSquareResult => {
  const n = samples.length
  const negligible = 1e-4 / n
  let lo = Math.floor(center)
  while (lo > 0 && pmf(lo - 1) > negligible) lo--
  let hi = Math.floor(center)
  while (pmf(hi + 1) > negligible) hi++
  // Bin edges: bins[j] = first value of bin j; merge until each bin's probability reaches minExpected / n.
  const starts: Array<number> = []
  const probabilities: Array<number> = []
  let acc = 0
  let start = lo
  for (let k = lo; k <= hi; k++) {
    acc += pmf(k)
    if (acc * n >= minExpected) {
      starts.push(start)
      probabilities.push(acc)
      acc = 0
      start = k + 1
    }
  }
  if (probabilities.length === 0) throw new Error("discreteChiSquare: too few samples for one bin")
  // What is left at the top joins the last bin, and the last bin takes all the mass above it (so sum = 1).
  const interior = probabilities.slice(0, -1).reduce((s, p) => s + p, 0)
  probabilities[probabilities.length - 1] = 1 - interior
  const observed = new Array<number>(starts.length).fill(0)
  for (let i = 0; i < n; i++) {
    const x = samples[i]!
    // The bin is the last start <= x (values below lo go to bin 0).
    let a = 0
    let b = starts.length - 1
    while (a < b) {
      const mid = (a + b + 1) >> 1
      if (starts[mid]! <= x) a = mid
      else b = mid - 1
    }
    observed[a]!++
  }
  return chiSquareTest(observed, probabilities, alpha)
}

/**
 * Chi-square test of homogeneity for two samples of integers (e.g. fleet blocks per epoch from two engines):
 * values are binned so that each bin holds at least `minCount` of the pooled sample.
 */
export const chiSquareTwoSample = (
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  alpha: number,
  minCount = 10
): ChiSquareResult => {
  const pooled = [...Array.from(a), ...Array.from(b)].sort((x, y) => x - y)
  const starts: Array<number> = []
  let count = 0
  for (let i = 0; i < pooled.length; i++) {
    if (count === 0) starts.push(pooled[i]!)
    count++
    if (count >= minCount && (i + 1 === pooled.length || pooled[i + 1]! !== pooled[i]!)) count = 0
  }
  if (count > 0 && count < minCount && starts.length > 1) starts.pop()
  const binOf = (x: number): number => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= x) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  const oa = new Array<number>(starts.length).fill(0)
  const ob = new Array<number>(starts.length).fill(0)
  for (let i = 0; i < a.length; i++) oa[binOf(a[i]!)]!++
  for (let i = 0; i < b.length; i++) ob[binOf(b[i]!)]!++
  const na = a.length
  const nb = b.length
  let statistic = 0
  for (let j = 0; j < starts.length; j++) {
    const total = oa[j]! + ob[j]!
    const ea = (total * na) / (na + nb)
    const eb = (total * nb) / (na + nb)
    statistic += (oa[j]! - ea) ** 2 / ea + (ob[j]! - eb) ** 2 / eb
  }
  return chiSquareResult(statistic, starts.length - 1, alpha, starts.length)
}

// ---------------------------------------------------------------- Kolmogorov-Smirnov

/** Survival function of the Kolmogorov distribution: P(K > lambda) = 2 sum (-1)^(j-1) exp(-2 j^2 lambda^2). */
export const kolmogorovSf = (lambda: number): number => {
  if (lambda <= 0) return 1
  if (lambda < 0.2) return 1 // the series converges slowly there and the value is 1 to double precision
  let sum = 0
  for (let j = 1; j < 200; j++) {
    const term = Math.exp(-2 * j * j * lambda * lambda)
    sum += j % 2 === 1 ? term : -term
    if (term < 1e-18) break
  }
  return Math.min(1, Math.max(0, 2 * sum))
}

/** Stephens' (1970) scaling of D for sample size n: lambda = (sqrt n + 0.12 + 0.11 / sqrt n) D. */
const stephens = (n: number): number => Math.sqrt(n) + 0.12 + 0.11 / Math.sqrt(n)

/** The lambda with kolmogorovSf(lambda) = alpha (1.9495 for alpha = 0.001). */
export const kolmogorovCritical = (alpha: number): number => {
  let lo = 0.2
  let hi = 5
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2
    if (kolmogorovSf(mid) > alpha) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

export interface KsResult {
  /** sup |F_n - F|. */
  readonly statistic: number
  readonly n: number
  readonly pValue: number
  /** Critical D at alpha; reject when statistic > critical. */
  readonly critical: number
  readonly alpha: number
  readonly reject: boolean
}

/** One-sample Kolmogorov-Smirnov test of samples against a continuous distribution function. */
export const ksTest = (samples: ArrayLike<number>, cdf: (x: number) => number, alpha: number): KsResult => {
  const xs = Float64Array.from(samples).sort()
  const n = xs.length
  let d = 0
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i]!)
    const above = (i + 1) / n - f
    const below = f - i / n
    if (above > d) d = above
    if (below > d) d = below
  }
  const scale = stephens(n)
  const critical = kolmogorovCritical(alpha) / scale
  return { statistic: d, n, pValue: kolmogorovSf(scale * d), critical, alpha, reject: d > critical }
}

/** Two-sample Kolmogorov-Smirnov test (asymptotic, effective n = n m / (n + m); continuous data). */
export const ksTwoSample = (a: ArrayLike<number>, b: ArrayLike<number>, alpha: number): KsResult => {
  const xa = Float64Array.from(a).sort()
  const xb = Float64Array.from(b).sort()
  const na = xa.length
  const nb = xb.length
  let i = 0
  let j = 0
  let d = 0
  while (i < na && j < nb) {
    const x = Math.min(xa[i]!, xb[j]!)
    while (i < na && xa[i]! <= x) i++
    while (j < nb && xb[j]! <= x) j++
    const diff = Math.abs(i / na - j / nb)
    if (diff > d) d = diff
  }
  const n = (na * nb) / (na + nb)
  const scale = stephens(n)
  const critical = kolmogorovCritical(alpha) / scale
  return { statistic: d, n, pValue: kolmogorovSf(scale * d), critical, alpha, reject: d > critical }
}

// ---------------------------------------------------------------- moments

/** The two-sided standard-normal quantile for alpha (3.2905 for 0.001), by bisection on normalCdf. */
export const normalCriticalTwoSided = (alpha: number): number => {
  let lo = 0
  let hi = 40
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2
    if (2 * (1 - normalCdf(mid)) > alpha) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

export interface MomentCheck {
  readonly estimate: number
  readonly expected: number
  readonly standardError: number
  readonly z: number
  readonly critical: number
  readonly reject: boolean
}

/** z-test of the sample mean against `mean`, with the standard error from the known variance. */
export const meanCheck = (samples: ArrayLike<number>, mean: number, variance: number, alpha: number): MomentCheck => {
  const n = samples.length
  let s = 0
  for (let i = 0; i < n; i++) s += samples[i]!
  const estimate = s / n
  const standardError = Math.sqrt(variance / n)
  const z = (estimate - mean) / standardError
  const critical = normalCriticalTwoSided(alpha)
  return { estimate, expected: mean, standardError, z, critical, reject: Math.abs(z) > critical }
}

/**
 * z-test of the sample variance (mean known) against `variance`; its standard error needs the fourth central
 * moment mu4: Var(s^2) ~ (mu4 - variance^2) / n.
 */
export const varianceCheck = (
  samples: ArrayLike<number>,
  mean: number,
  variance: number,
  mu4: number,
  alpha: number
): MomentCheck => {
  const n = samples.length
  let s = 0
  for (let i = 0; i < n; i++) {
    const d = samples[i]! - mean
    s += d * d
  }
  const estimate = s / n
  const standardError = Math.sqrt((mu4 - variance * variance) / n)
  const z = (estimate - variance) / standardError
  const critical = normalCriticalTwoSided(alpha)
  return { estimate, expected: variance, standardError, z, critical, reject: Math.abs(z) > critical }
}

// ---------------------------------------------------------------- binned continuous data

/**
 * Chi-square of continuous samples in the bins (-inf, e0), [e0, e1), ..., [e_last, inf) against a distribution
 * function; bins expecting fewer than `minExpected` are merged into their right neighbour (the last into its left).
 */
export const binnedChiSquare = (
  samples: ArrayLike<number>,
  cdf: (x: number) => number,
  edges: ReadonlyArray<number>,
  alpha: number,
  minExpected = 5
): ChiSquareResult => {
  const n = samples.length
  const rawProbabilities: Array<number> = []
  let previous = 0
  for (const e of edges) {
    const f = cdf(e)
    rawProbabilities.push(f - previous)
    previous = f
  }
  rawProbabilities.push(1 - previous)
  const sorted = Float64Array.from(samples).sort()
  const rawObserved: Array<number> = []
  let i = 0
  for (const e of edges) {
    let c = 0
    while (i < n && sorted[i]! < e) {
      i++
      c++
    }
    rawObserved.push(c)
  }
  rawObserved.push(n - i)
  const observed: Array<number> = []
  const probabilities: Array<number> = []
  let accP = 0
  let accO = 0
  for (let j = 0; j < rawProbabilities.length; j++) {
    accP += rawProbabilities[j]!
    accO += rawObserved[j]!
    if (accP * n >= minExpected) {
      probabilities.push(accP)
      observed.push(accO)
      accP = 0
      accO = 0
    }
  }
  if (accO > 0 || accP > 0) {
    probabilities[probabilities.length - 1]! += accP
    observed[observed.length - 1]! += accO
  }
  return chiSquareTest(observed, probabilities, alpha)
}

/** Equally spaced edges from `from` to `to` (inclusive) with the given step. */
export const edgesBetween = (from: number, to: number, step: number): Array<number> => {
  const out: Array<number> = []
  const count = Math.round((to - from) / step)
  for (let j = 0; j <= count; j++) out.push(from + j * step)
  return out
}

/** Linear complexity of a bit sequence over GF(2) (Berlekamp-Massey): the shortest LFSR that generates it. */
export const linearComplexity = (bits: ArrayLike<number>): number => {
  const n = bits.length
  const c = new Uint8Array(n + 1)
  let b = new Uint8Array(n + 1)
  c[0] = 1
  b[0] = 1
  let l = 0
  let m = -1
  for (let i = 0; i < n; i++) {
    let d = bits[i]! & 1
    for (let j = 1; j <= l; j++) d ^= c[j]! & bits[i - j]!
    if (d === 1) {
      const t = c.slice()
      for (let j = 0; j + i - m <= n; j++) c[j + i - m]! ^= b[j]!
      if (2 * l <= i) {
        l = i + 1 - l
        m = i
        b = t
      }
    }
  }
  return l
}

/**
 * P(linear complexity outside [N/2 - band, N/2 + band]) for N truly random bits (N even), from Rueppel's count
 * of sequences of each linear complexity: 2^(2l-1) for 1 <= l <= N/2, 2^(2(N-l)) above, 1 for l = 0.
 */
export const linearComplexityTailProbability = (n: number, band: number): number => {
  let p = 0
  for (let l = 0; l <= n; l++) {
    if (Math.abs(l - n / 2) <= band) continue
    const log2Count = l === 0 ? 0 : l <= n / 2 ? 2 * l - 1 : 2 * (n - l)
    p += 2 ** (log2Count - n)
  }
  return p
}
