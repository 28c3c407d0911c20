// How fast the log tools are on a large log: writing (encode + chain), validating a file as a stream (with the
// peak heap it needs) and folding the monthly report. Prints lines per second; `LEDGER_BENCH_LINES` sets the size.
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { event, formatAtS, LogWriter, type PlannedEntry, replayLogFile, validateLogFile, writeFileAtomic } from "../src/index.ts"

const lines = Number(process.env.LEDGER_BENCH_LINES ?? 1_000_000)
const t0 = 1_730_937_600

function* entries(): Generator<PlannedEntry> {
  yield {
    at: formatAtS(t0),
    ...event("ScenarioStarted", {
      name: "bench", network: { height: 870_000, bits: "17030ecd", epochFirstBlockTimeS: 1_730_000_000, hashrateThs: 753_110_000 },
      priceUsdCents: 7_500_000, until: formatAtS(t0 + 30 * 365 * 86_400), discountRatePerYear: 0.1,
      market: {
        otherHashrate: { model: "gbm", driftPerYear: 0.3, volatilityPerYear: 0.2 }, price: { model: "gbm", driftPerYear: 0, volatilityPerYear: 0.5 },
        feePerBlock: { meanSats: 10_000_000, shape: 2 }, uptime: { meanFraction: 0.95, sdFraction: 0.02 }
      }
    })
  }
  yield { at: formatAtS(t0), ...event("HashratePurchased", { lotId: "a", vendor: "Bitmain", hashrateThs: 32e6, machineModel: "S21", efficiencyJth: 17.5, priceUsdCents: 25_600_000_000, lifeYears: 4, payment: { kind: "cash" } }) }
  yield { at: formatAtS(t0), ...event("HostingContractSigned", { contractId: "c1", host: "Bitmain", siteId: "tx", ratePerMwhUsdCents: 7_500, endsAt: formatAtS(t0 + 40 * 365 * 86_400), uptimeSlaFraction: 0.95, slaCreditPerMwhUsdCents: 7_500, curtailmentCreditPerMwhUsdCents: 5_000 }) }
  yield { at: formatAtS(t0), ...event("MachinesDeployed", { lotId: "a", siteId: "tx", hashrateThs: 32e6 }) }
  // Then the daily rhythm of a run: a market step, a credit and an invoice, in 1-hour steps to spread the time.
  for (let i = 4; i < lines; i += 3) {
    const s = t0 + i * 1200
    yield { at: formatAtS(s), ...event("MarketStepped", { priceUsdCents: 7_500_000 + (i % 1000), otherHashrateThs: 721_110_000 + i, uptimeFraction: 0.95 }) }
    yield { at: formatAtS(s), ...event("RewardCredited", { amountSats: 320_000_000 + (i % 97), poolFeeSats: 0, basis: "fpps" }) }
    yield { at: formatAtS(s), ...event("HostingFeeCharged", { contractId: "c1", day: formatAtS(s).slice(0, 10), energyKwh: 532_000, amountUsdCents: 3_990_000 }) }
  }
}

const dir = await mkdtemp(join(tmpdir(), "hashsim-ledger-bench-"))
try {
  const path = join(dir, "big.jsonl")
  let start = process.hrtime.bigint()
  const w = new LogWriter()
  for (const e of entries()) w.append(e)
  w.seal()
  const writeS = Number(process.hrtime.bigint() - start) / 1e9
  await writeFileAtomic(path, w.text())
  const n = w.lineCount
  global.gc?.()
  let peak = 0
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().heapUsed) }, 20)
  const before = process.memoryUsage().heapUsed
  start = process.hrtime.bigint()
  let problems = 0
  await validateLogFile(path, { onProblem: () => { problems++ } })
  const validateS = Number(process.hrtime.bigint() - start) / 1e9
  start = process.hrtime.bigint()
  const replay = await replayLogFile(path)
  const replayS = Number(process.hrtime.bigint() - start) / 1e9
  clearInterval(timer)
  console.log(`ledger: ${n} lines; LogWriter ${(n / writeS / 1e3).toFixed(0)}k lines/s; validate ${(n / validateS / 1e3).toFixed(0)}k lines/s` +
    ` (${problems} problems); replay ${(n / replayS / 1e3).toFixed(0)}k lines/s (${replay.report.months.length} months);` +
    ` heap during validate+replay peaked ${((peak - before) / 1e6).toFixed(0)} MB above the start (the written text is still held)`)
} finally {
  await rm(dir, { recursive: true, force: true })
}
