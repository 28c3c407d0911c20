// Always / never properties of the samplers over their whole parameter domains (fast-check, seeded globally):
// results in the support, finite, integer where they must be, and a draw depends only on the stream's state.
import { describe, it } from "vitest"
import fc from "fast-check"
import { beta, binomial, exponential, gamma, lognormal, normal, poisson, rngFor, Sfc32, standardNormal } from "../../src/random/index.ts"

const seed = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })
/** Positive doubles spread over many orders of magnitude. */
const magnitude = (minExp: number, maxExp: number) =>
  fc.tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: minExp, max: maxExp })).map(([m, e]) => m * 10 ** e)

describe("samplers stay in their support", () => {
  it("poisson(mean) is a non-negative integer for means from 1e-6 to 1e12", () => {
    fc.assert(
      fc.property(seed, magnitude(-6, 11), (s, mean) => {
        const rng = rngFor(s, "prop")
        for (let i = 0; i < 20; i++) {
          const k = poisson(rng, mean)
          if (!(Number.isSafeInteger(k) && k >= 0)) return false
        }
        return true
      })
    )
  })

  it("binomial(n, p) is an integer in [0, n] for n up to 2^40 and any p in [0, 1]", () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: 0, max: 2 ** 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (s, n, p) => {
        const rng = rngFor(s, "prop")
        for (let i = 0; i < 20; i++) {
          const k = binomial(rng, n, p)
          if (!(Number.isSafeInteger(k) && k >= 0 && k <= n)) return false
        }
        return true
      })
    )
  })

  it("gamma(shape, scale) is finite and >= 0 (> 0 for shape >= 1) for shapes from 1e-3 to 1e9", () => {
    fc.assert(
      fc.property(seed, magnitude(-3, 8), magnitude(-3, 3), (s, shape, scale) => {
        const rng = rngFor(s, "prop")
        for (let i = 0; i < 20; i++) {
          const x = gamma(rng, shape, scale)
          if (!(Number.isFinite(x) && x >= 0 && (shape < 1 || x > 0))) return false
        }
        return true
      })
    )
  })

  it("beta(a, b) is in [0, 1] and never NaN for shapes from 1e-3 to 1e7", () => {
    fc.assert(
      fc.property(seed, magnitude(-3, 6), magnitude(-3, 6), (s, a, b) => {
        const rng = rngFor(s, "prop")
        for (let i = 0; i < 20; i++) {
          const x = beta(rng, a, b)
          if (!(x >= 0 && x <= 1)) return false
        }
        return true
      })
    )
  })

  it("exponential is finite and > 0; normal and lognormal are finite", () => {
    fc.assert(
      fc.property(seed, magnitude(-9, 9), (s, rate) => {
        const rng = rngFor(s, "prop")
        for (let i = 0; i < 50; i++) {
          const e = exponential(rng, rate)
          const z = normal(rng, 0, rate)
          const l = lognormal(rng, 0, 1)
          if (!(Number.isFinite(e) && e > 0 && Number.isFinite(z) && Number.isFinite(l) && l > 0)) return false
        }
        return true
      })
    )
  })
})

describe("a draw depends only on the stream's state", () => {
  it("a clone taken at any point replays the same mixed sequence of draws", () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: 0, max: 200 }), (s, skip) => {
        const rng: Sfc32 = rngFor(s, "prop")
        for (let i = 0; i < skip; i++) standardNormal(rng)
        const copy = rng.clone()
        const mixed = (r: Sfc32): Array<number> => [
          poisson(r, 144),
          binomial(r, 2016, 0.066),
          gamma(r, 0.4, 1),
          beta(r, 3, 2014),
          standardNormal(r),
          poisson(r, 3.3),
          binomial(r, 144, 0.07)
        ]
        const a = mixed(rng)
        const b = mixed(copy)
        return a.every((x, i) => Object.is(x, b[i]))
      })
    )
  })
})
