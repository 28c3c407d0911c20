// The view models of a `compare` folder and a `sweep` folder: read from the folders themselves (their manifest's
// seals checked, each scenario's mc folder through the montecarlo package's one reader), so a report shows only
// what the command wrote.
import { createHash } from "node:crypto"
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { parseStrictJson } from "@hashsim/ledger"
import { numericValue } from "@hashsim/plan"
import { fanOf, openBatch, readOutcomes, valueHistogram } from "./BatchModel.ts"
import { ReportInputError } from "./CompleteLog.ts"
import { formatPercent, formatUsd } from "./ReportFormat.ts"
import type { FanSeries, Histogram, SummaryTable } from "./ReportModel.ts"

export const compareFolderFormat = "hashsim-compare-folder/1"
export const sweepFolderFormat = "hashsim-sweep-folder/1"

/** What a report needs to know of a decision folder: its format, from its manifest. */
export const decisionFolderFormat = (dir: string): string | undefined => {
  const file = join(dir, "manifest.json")
  if (!existsSync(file)) return undefined
  const parsed = parseStrictJson(readFileSync(file, "utf8"))
  if (!("value" in parsed) || typeof parsed.value !== "object" || parsed.value === null) return undefined
  const format = (parsed.value as Record<string, unknown>)["format"]
  return typeof format === "string" ? format : undefined
}

/** Reads a sealed JSON file of a decision folder, checking its size and SHA-256 against the folder's manifest. */
const sealedJson = (dir: string, name: string): Record<string, unknown> => {
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { files: Record<string, { bytes: number; sha256: string }> }
  const seal = manifest.files[name]
  const file = join(dir, name)
  if (seal === undefined) throw new ReportInputError(`${join(dir, "manifest.json")}:1: files: ${name} is not listed`)
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    throw new ReportInputError(`${file}: missing (manifest.json lists it)`)
  }
  if (bytes.length !== seal.bytes || createHash("sha256").update(bytes).digest("hex") !== seal.sha256) {
    throw new ReportInputError(`${file}: its size or SHA-256 is not the one manifest.json records (edited)`)
  }
  const parsed = parseStrictJson(bytes.toString("utf8"))
  if (!("value" in parsed)) throw new ReportInputError(`${file}:1: ${parsed.field}: ${parsed.message}`)
  return parsed.value as Record<string, unknown>
}

export interface CompareReportModel {
  readonly kind: "compare"
  readonly input: string
  readonly paths: number
  readonly masterSeed: number
  readonly engine: string
  readonly hashsimVersion: string
  readonly labels: ReadonlyArray<string>
  /** Cumulative net margin fans, one per scenario, in US cents. */
  readonly marginFans: ReadonlyArray<{ readonly label: string; readonly fan: FanSeries }>
  /** NPV of A minus B, path by path (the first pair), in US cents. */
  readonly differenceHistogram: Histogram
  readonly pairLabel: string
  readonly scenarioTable: SummaryTable
  readonly pairTable: SummaryTable
  readonly inputsDiffering: ReadonlyArray<string>
}

interface Stats { readonly quantiles: ReadonlyArray<readonly [string, number | null]>; readonly mean: number | null }
const q = (s: Stats, key: string): number | null => s.quantiles.find(([k]) => k === key)?.[1] ?? null
const usdOrDash = (x: number | null): string => (x === null ? "-" : formatUsd(x))

export const compareModel = async (dir: string): Promise<CompareReportModel> => {
  const doc = sealedJson(dir, "compare.json") as {
    paths: number; masterSeed: number; engine: string; hashsimVersion: string
    scenarios: Array<{ label: string; folder: string }>
    headlines: Array<{ label: string; npvUsdCents: Stats; allInCostPerBtcUsdCents: Stats; paybackProbability: number }>
    pairs: Array<{ a: string; b: string; differences: Record<string, Stats>; aBeatsB: Record<string, { probability: number; standardError: number }>; inputsDiffering: Array<string> }>
  }
  const outcomes = []
  for (const s of doc.scenarios) outcomes.push({ label: s.label, outcomes: await readOutcomes(openBatch(join(dir, s.folder))) })
  const [a, b] = outcomes
  const npvA = a!.outcomes.npvUsdCents
  const npvB = b!.outcomes.npvUsdCents
  const difference = npvA.map((x, i) => x - (npvB[i] as number))
  const pair = doc.pairs[0]!
  const beat = (key: string) => {
    const p = pair.aBeatsB[key]!
    return `${formatPercent(p.probability)} ± ${formatPercent(p.standardError)}`
  }
  const npvDiff = pair.differences["npvUsdCents"]!
  return {
    kind: "compare",
    input: dir,
    paths: doc.paths,
    masterSeed: doc.masterSeed,
    engine: doc.engine,
    hashsimVersion: doc.hashsimVersion,
    labels: doc.scenarios.map((s) => s.label),
    marginFans: outcomes.map((o) => ({ label: o.label, fan: fanOf(o.outcomes.marginMonths, o.outcomes.marginCumulative) })),
    differenceHistogram: valueHistogram(difference, formatUsd),
    pairLabel: `${pair.a} - ${pair.b}`,
    scenarioTable: {
      headers: ["scenario", "NPV P5", "NPV median", "NPV P95", "P(payback by the horizon)", "all-in cost per BTC, median"],
      rows: doc.headlines.map((h) => [
        h.label, usdOrDash(q(h.npvUsdCents, "p05")), usdOrDash(q(h.npvUsdCents, "p50")), usdOrDash(q(h.npvUsdCents, "p95")),
        formatPercent(h.paybackProbability), usdOrDash(q(h.allInCostPerBtcUsdCents, "p50"))
      ])
    },
    pairTable: {
      headers: ["A - B", "NPV difference, median", "P5 .. P95", "P(A beats B): NPV", "payback", "all-in cost per BTC"],
      rows: doc.pairs.map((p) => {
        const d = p.differences["npvUsdCents"]!
        const pb = (key: string) => `${formatPercent(p.aBeatsB[key]!.probability)} ± ${formatPercent(p.aBeatsB[key]!.standardError)}`
        return [`${p.a} - ${p.b}`, usdOrDash(q(d, "p50")), `${usdOrDash(q(d, "p05"))} .. ${usdOrDash(q(d, "p95"))}`, pb("npv"), pb("payback"), pb("allInCostPerBtc")]
      })
    },
    inputsDiffering: pair.inputsDiffering.length > 0 ? pair.inputsDiffering : [`none (NPV difference median ${usdOrDash(q(npvDiff, "p50"))}; P(A beats B) on NPV ${beat("npv")})`]
  }
}

export interface SweepReportModel {
  readonly kind: "sweep"
  readonly input: string
  readonly plan: string
  readonly paths: number
  readonly masterSeed: number
  readonly parameters: ReadonlyArray<{ readonly name: string; readonly values: ReadonlyArray<string> }>
  readonly columns: ReadonlyArray<string>
  /** One row per point: the parameters' values as written, then the statistics (numbers; NaN as null). */
  readonly rows: ReadonlyArray<ReadonlyArray<string | number | null>>
}

export const sweepModel = (dir: string): SweepReportModel => {
  const doc = sealedJson(dir, "sweep.json") as {
    plan: string; paths: number; masterSeed: number
    parameters: Array<{ name: string; values: Array<string> }>
    columns: Array<{ name: string }>
    rows: Array<Array<string | number | null>>
  }
  return {
    kind: "sweep", input: dir, plan: doc.plan, paths: doc.paths, masterSeed: doc.masterSeed,
    parameters: doc.parameters, columns: doc.columns.map((c) => c.name), rows: doc.rows
  }
}

/** The number a parameter value stands for (`$0.045/kWh` -> 0.045, `-20%` -> -20), or its position when it has none. */
export const parameterNumber = (value: string, index: number): number => numericValue(value)?.value ?? index
