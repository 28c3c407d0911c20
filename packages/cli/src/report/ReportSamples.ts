// Small, deterministic report models with the shape of a real run, for the generator's tests and the browser
// check when no simulator output is at hand. The numbers are made up (smooth curves), never presented as results.
import type { BatchReportModel, ReportMeta, SingleRunReportModel } from "./ReportModel.ts"
import { dayOf } from "./ReportFormat.ts"

const msPerDay = 86_400_000

const sampleMeta = (seeds: string, engine: string): ReportMeta => ({
  scenarioName: "sample (made-up numbers)",
  scenarioSha256: null,
  seeds,
  engine,
  hashsimVersion: "0.0.0-sample",
  modelVersion: null,
  input: "(built-in sample)",
  fromDay: "2024-11-07",
  untilDay: "2025-03-01",
  assumptions: [
    { title: "Lots", headers: ["lot", "TH/s", "J/TH", "price"], rows: [["A", "32,000,000", "16.0", "$256.0M"], ["B", "18,000,000", "17.5", "$144.0M"]] },
    { title: "Pool", headers: ["mode", "fee"], rows: [["fpps", "2.0%"]] }
  ],
  notes: ["Sample data: the curves are synthetic and only exercise the page."]
})

const days = (from: string, count: number): Array<string> => {
  const start = Date.parse(`${from}T00:00:00Z`)
  return Array.from({ length: count }, (_, i) => dayOf(start + i * msPerDay))
}

/** A single-run model over 114 days with two retargets a month and three plan events. */
export const sampleSingleRunModel = (): SingleRunReportModel => {
  const dayList = days("2024-11-07", 114)
  const onlineThs = dayList.map((_, i) => (i < 20 ? 32e6 : 50e6) * (0.95 + 0.02 * Math.sin(i / 3)))
  const networkThs = dayList.map((_, i) => 753e6 * (1 + i * 0.002))
  const minedPerDay = onlineThs.map((x, i) => (x / (networkThs[i] as number)) * 144 * 3.2e8 * (1 + 0.3 * Math.sin(i * 1.7)))
  const expectedPerDay = onlineThs.map((x, i) => (x / (networkThs[i] as number)) * 144 * 3.2e8)
  const cumulative = (xs: ReadonlyArray<number>): Array<number> => {
    let sum = 0
    return xs.map((x) => Math.round((sum += x)))
  }
  const cumulativeMinedSats = cumulative(minedPerDay)
  const difficulty = dayList.map((_, i) => 1.02e14 * (1 + 0.03 * Math.floor(i / 14)))
  const retargets = dayList.flatMap((day, i) => (i > 0 && i % 14 === 0 ? [{ day, height: 870_912 + 2016 * (i / 14), difficulty: difficulty[i] as number, change: 0.03 / (1 + 0.03 * (i / 14 - 1)) }] : []))
  const months = ["2024-11", "2024-12", "2025-01", "2025-02"]
  const minedSats = months.map((month) => dayList.reduce((sum, day, i) => (day.startsWith(month) ? sum + (minedPerDay[i] as number) : sum), 0)).map(Math.round)
  const hostingCostUsdCents = months.map((_, i) => 1_400_000_000 + 150_000_000 * i)
  const creditsUsdCents = months.map((_, i) => 20_000_000 + 5_000_000 * (i % 2))
  const price = dayList.map((_, i) => Math.round(9_500_000 * (1 + 0.1 * Math.sin(i / 10))))
  const revenueUsdCents = minedSats.map((s) => Math.round((s / 1e8) * 9_500_000))
  return {
    kind: "single",
    meta: sampleMeta("path seed 42", "block"),
    headlines: [
      { label: "BTC mined", value: "1,234.56 BTC", detail: "expected 1,200.00 BTC" },
      { label: "payback", value: "not within horizon" }
    ],
    daily: {
      days: dayList,
      cumulativeMinedSats,
      cumulativeExpectedSats: cumulative(expectedPerDay),
      onlineThs,
      networkThs,
      networkShare: onlineThs.map((x, i) => x / (networkThs[i] as number)),
      difficulty,
      btcHeldSats: cumulativeMinedSats.map((x) => Math.round(x * 0.98)),
      btcHeldValueUsdCents: cumulativeMinedSats.map((x, i) => Math.round(((x * 0.98) / 1e8) * price[i]!)),
      priceUsdCents: price,
      cumulativeNetMarginUsdCents: cumulativeMinedSats.map((x, i) => Math.round((x / 1e8) * price[i]! * 0.6)),
      cumulativeCapexUsdCents: dayList.map((_, i) => (i < 20 ? 25_600_000_000 : 40_000_000_000))
    },
    monthly: {
      months,
      minedSats,
      cashCostPerBtcUsdCents: minedSats.map((s, i) => ((hostingCostUsdCents[i] as number) - (creditsUsdCents[i] as number)) / (s / 1e8)).map(Math.round),
      allInCostPerBtcUsdCents: minedSats.map((s, i) => ((hostingCostUsdCents[i] as number) + 1_100_000_000) / (s / 1e8)).map(Math.round),
      hostingCostUsdCents,
      creditsUsdCents,
      revenueUsdCents,
      netMarginUsdCents: revenueUsdCents.map((r, i) => r - hostingCostUsdCents[i]! + creditsUsdCents[i]!),
      capexUsdCents: months.map((_, i) => (i === 0 ? 40_000_000_000 : 0)),
      priceUsdCents: months.map((_, i) => 9_000_000 + 400_000 * i),
      btcHeldSats: minedSats.map((_, i) => minedSats.slice(0, i + 1).reduce((a, b) => a + b, 0))
    },
    paybackDate: null,
    monthlyTable: { months, columns: [{ header: "BTC mined", unit: "sats", values: minedSats }, { header: "hosting (USD)", unit: "usdCents", values: hostingCostUsdCents }] },
    retargets,
    planEvents: [
      { day: "2024-11-07", label: "buy A 32 EH/s" },
      { day: "2024-11-07", label: "deploy A 32 EH/s" },
      { day: "2024-11-27", label: "deploy B 18 EH/s" }
    ]
  }
}

/** A batch model of 200 made-up paths over 16 months. */
export const sampleBatchModel = (): BatchReportModel => {
  const months = Array.from({ length: 16 }, (_, i) => `${2024 + Math.floor((10 + i) / 12)}-${String(((10 + i) % 12) + 1).padStart(2, "0")}`)
  const fan = (perMonth: number, spread: number) => {
    const mid = months.map((_, i) => perMonth * (i + 1))
    const at = (z: number) => mid.map((x, i) => Math.round(x + z * spread * Math.sqrt(i + 1)))
    return { months, p05: at(-1.645), p25: at(-0.674), p50: at(0), p75: at(0.674), p95: at(1.645) }
  }
  return {
    kind: "batch",
    meta: sampleMeta("master seed 7 (paths 0-199)", "aggregate"),
    paths: 200,
    headlines: [{ label: "paths", value: "200" }],
    cumulativeMinedSats: fan(45_000_000_000, 1_000_000_000),
    cumulativeNetMarginUsdCents: fan(2_500_000_000, 600_000_000),
    priceUsdCents: fan(9_000_000, 1_500_000),
    cumulativeCapexUsdCents: months.map(() => 30_000_000_000),
    cumulativePositionUsdCents: (() => {
      const f = fan(2_500_000_000, 600_000_000)
      const less = (xs: ReadonlyArray<number>) => xs.map((x) => x - 30_000_000_000)
      return { months, p05: less(f.p05), p25: less(f.p25), p50: less(f.p50), p75: less(f.p75), p95: less(f.p95) }
    })(),
    paidBackShare: months.map((_, i) => Math.min(1, Math.max(0, (i - 10) / 10))),
    monthlyTable: { months, columns: [{ header: "paths paid back by the month's end", unit: "fraction", values: months.map((_, i) => Math.min(1, Math.max(0, (i - 10) / 10))) }] },
    paybackHistogram: { binLabels: ["2026-01", "2026-02", "2026-03", "2026-04"], counts: [12, 40, 55, 30], missing: 63, missingLabel: "none by 2026-03" },
    npvHistogram: { binLabels: ["-$120M", "-$80M", "-$40M", "$0", "$40M"], counts: [10, 45, 80, 50, 15], missing: 0, missingLabel: "no value" },
    summary: {
      headers: ["column", "count", "missing", "mean", "P5", "P50", "P95"],
      rows: [
        ["minedSats", "200", "0", "720,000,000,000", "690,000,000,000", "720,000,000,000", "750,000,000,000"],
        ["paybackDate", "137", "63", "2026-02-20", "2026-01-09", "2026-02-18", "2026-04-02"]
      ]
    }
  }
}
