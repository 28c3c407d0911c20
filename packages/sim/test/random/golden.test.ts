// Reproducibility lock: the first draws of every sampler from a fixed stream. A change here changes every
// complete log a seed produces, so it must be deliberate (and noted), never a side effect of tuning.
// The samplers use only + - * /, Math.floor/sqrt/log/log1p/exp/expm1/pow/abs; V8 computes the transcendental
// ones in software (its port of fdlibm), so the values are the same on every machine running the same Node.
import { describe, expect, it } from "vitest"
import * as R from "../../src/random/index.ts"

const cases: ReadonlyArray<[string, (rng: R.Rng) => number]> = [
  ["nextDouble", (r) => r.nextDouble()],
  ["exponential(1/600)", (r) => R.exponential(r, 1 / 600)],
  ["standardNormal", (r) => R.standardNormal(r)],
  ["lognormal(0, 0.5)", (r) => R.lognormal(r, 0, 0.5)],
  ["gamma(0.5, 2)", (r) => R.gamma(r, 0.5, 2)],
  ["gamma(144, 1)", (r) => R.gamma(r, 144, 1)],
  ["beta(1, 144)", (r) => R.beta(r, 1, 144)],
  ["beta(0.5, 0.5)", (r) => R.beta(r, 0.5, 0.5)],
  ["beta(2016, 98001)", (r) => R.beta(r, 2016, 98001)],
  ["poisson(3)", (r) => R.poisson(r, 3)],
  ["poisson(144)", (r) => R.poisson(r, 144)],
  ["poisson(1e9)", (r) => R.poisson(r, 1e9)],
  ["binomial(144, 0.066)", (r) => R.binomial(r, 144, 0.066)],
  ["binomial(2016, 0.066)", (r) => R.binomial(r, 2016, 0.066)],
  ["binomial(1e9, 0.9)", (r) => R.binomial(r, 1e9, 0.9)]
]

const expected: Record<string, ReadonlyArray<number>> = Object.fromEntries([
  ["nextDouble", [0.7434488526742333, 0.5142041409962864, 0.25904070316867156, 0.4461775404154473]],
  ["exponential(1/600)", [470.40608134205024, 533.1947344758656, 904.8818139159995, 3030.8793151799346]],
  ["standardNormal", [-0.05003572289683281, -0.4402899870446923, 0.39923974299706083, -0.9181468919228418]],
  ["lognormal(0, 0.5)", [0.7490776999062702, 0.8079769086418125, 0.8788167388414238, 0.8749394411724096]],
  ["gamma(0.5, 2)", [2.7557548248004986, 0.2585308630518084, 1.2467021975103176, 0.00957899017075592]],
  ["gamma(144, 1)", [155.82128922806183, 123.29818942454062, 141.9246719154217, 146.46852441003168]],
  ["beta(1, 144)", [0.009199411814921798, 0.003827445737941641, 0.005158524210578174, 0.004763701537229737]],
  ["beta(0.5, 0.5)", [0.45000445935374084, 0.9729454649560879, 0.07506521024538092, 0.6729877538490546]],
  ["beta(2016, 98001)", [0.019835912583360725, 0.020433818137092028, 0.02030790596614696, 0.020219249231101855]],
  ["poisson(3)", [4, 2, 2, 1]],
  ["poisson(144)", [145, 135, 168, 138]],
  ["poisson(1e9)", [999936064, 1000017658, 1000023381, 999994617]],
  ["binomial(144, 0.066)", [7, 9, 7, 12]],
  ["binomial(2016, 0.066)", [124, 112, 134, 133]],
  ["binomial(1e9, 0.9)", [899997640, 900002297, 899990399, 900000252]],
])

describe("golden draws (stream `golden:<sampler>` of seed 2024)", () => {
  it.each(cases)("%s", (name, draw) => {
    const rng = R.rngFor(2024, `golden:${name}`)
    expect(Array.from({ length: 4 }, () => draw(rng))).toEqual(expected[name])
  })
})
