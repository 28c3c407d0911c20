// Not the model: the floor of a path-day of the numpy peer's model in V8 on this machine. The same random draws
// (three normals, a gamma at each retarget), exps, divisions and half-even roundings that the engine's day takes on
// cango-2024 with the peer's market (PeerModel.ts), written as one function over locals, with no calls between
// parts, no fields and no outcome columns beyond the monthly ones: what the engine's day would cost if nothing but
// its arithmetic were left. docs/PERFORMANCE.md compares it with the engine. Run:
//   node_modules/.bin/esbuild packages/montecarlo/bench/DayFloor.ts --bundle --platform=node --format=esm \
//     --outfile=/tmp/day-floor.mjs && node /tmp/day-floor.mjs
import { centsOfSats, kwhOfJoules, rngFor, roundHalfEven, standardGamma, standardNormal } from "@hashsim/sim"
const days = 1461
const dt = new Float64Array(days).fill(1 / 365.25)
const sq = dt.map(Math.sqrt)
const disc = new Float64Array(days).map((_, d) => Math.pow(1.1, d / 365.25))
const closes = new Uint8Array(days).map((_, d) => (d % 30 === 29 ? 1 : 0))
const month = new Int32Array(days).map((_, d) => Math.floor(d / 30))
const minedByMonth = new Float64Array(60), marginByMonth = new Float64Array(60), hpByMonth = new Float64Array(60)
const run = (paths: number) => {
  let acc = 0
  for (let p = 0; p < paths; p++) {
    const r1 = rngFor(p + 1, "a"), r2 = rngFor(p + 1, "b"), r3 = rngFor(p + 1, "c"), r4 = rngFor(p + 1, "d")
    let price = 7e6, other = 7e8, up = 0, work = 3e21, toBound = standardGamma(r4, 2016), held = 0, npv = 0, cumM = 0, hpSum = 0, nDays = 0
    let energy = 0, short = 0
    const ths = 32e6, w = 32e6 * 17.5
    minedByMonth.fill(0); marginByMonth.fill(0); hpByMonth.fill(0)
    for (let d = 1; d < days; d++) {
      let u = 0.95 + 0.02 * standardNormal(r1)
      up = u < 0 ? 0 : u > 1 ? 1 : u
      const pv = price * Math.exp(-0.15 * dt[d]! + 0.55 * sq[d]! * standardNormal(r2))
      price = roundHalfEven(pv)
      const reward = 312500000 + 7e6
      const hashprice = reward / 1e8 * price / 100 / (work / 1e15 / 86400)
      other *= Math.exp(0.34 * dt[d]! + 0.15 * sq[d]! * standardNormal(r3))
      const online = ths * up
      const net = other + online
      const pFleet = online / net
      const lambda = net * 1e12 / work
      const len = lambda * 86400
      if (toBound > len) toBound -= len
      else { work *= 1.01; toBound = standardGamma(r4, 2016) }
      energy += w * up * 86400
      const s = 0.93 - up
      if (s > 0) short += w * s * 86400
      const blocks = online * 1e12 * 86400 / work
      const gross = blocks * reward
      const netS = gross * (1 - 0.025)
      const g = Math.floor(gross), n = Math.floor(netS)
      const rev = centsOfSats(n, price)
      held += n
      const kwh = kwhOfJoules(energy)
      const fee = roundHalfEven((kwh * 7500) / 1000)
      let credits = 0
      if (short > 0) credits = roundHalfEven(kwhOfJoules(short) * 7500 / 1000)
      energy = 0; short = 0
      const margin = rev - fee + credits
      const m = month[d]!
      minedByMonth[m] = minedByMonth[m]! + n
      marginByMonth[m] = marginByMonth[m]! + margin
      cumM += margin
      npv += (credits - fee) / disc[d]!
      hpSum += hashprice; nDays++
      if (closes[d] === 1) { hpByMonth[month[d]!] = hpSum / nDays; hpSum = 0; nDays = 0 }
      acc += g - n + pFleet
    }
    acc += npv + cumM + held
  }
  return acc
}
run(200)
for (let r = 0; r < 3; r++) {
  const c0 = process.cpuUsage(); const x = run(2000); const c = process.cpuUsage(c0)
  console.log("floor day", ((c.user + c.system) * 1000 / (2000 * days)).toFixed(1), "ns/path-day", x > 0)
}
