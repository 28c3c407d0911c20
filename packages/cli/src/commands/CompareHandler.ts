// `hashsim compare A B [C...]`: every scenario on the same path seeds (common random numbers), paired differences
// per path of every outcome column (A against each other scenario), the probability that A beats B on NPV, payback
// and all-in cost per BTC, and where they differ (months, inputs). A table on stdout; with --out a sealed folder:
// one mc folder per scenario, differences-<A>-vs-<B>.csv (or .parquet) and compare.json.
// The work of the command described in CompareCommand.ts (its arguments typed by that descriptor's config).
import { readFileSync } from "node:fs"
import { join } from "node:path"
import {
  columnBlock, OutcomesParquetWriter, OutcomesWriter, outcomesText, pairedDifferences, pathSeeds,
  sealOfText, writeSealedText, type FileSeal, type OutcomeColumn, type OutcomeTable
} from "@hashsim/montecarlo"
import { Effect, Option } from "effect"
import type { Command } from "effect/cli"
import { parseMasterSeed, parseWhole, usage, workersOf } from "../BatchFlags.ts"
import { headlineOf, pairOf, renderCompareTable, type PairResult } from "../decide/Compare.ts"
import { acquireDecisionFolder, renderDecisionManifest, uniqueLabel } from "../decide/DecisionFolder.ts"
import { inputDifferences } from "../decide/InputDiff.ts"
import { runScenarioBatch, type BatchSettings } from "../decide/ScenarioBatch.ts"
import { InputRejectedError, UsageError } from "../ExitCode.ts"
import { hashsimVersion } from "../Version.ts"
import { readScenarioOrFail } from "./ValidateHandler.ts"

export const compareFolderFormat = "hashsim-compare-folder/1"
export const compareJsonFileName = "compare.json"

/** The paired differences as an outcome table file (every column a number: a payback date's difference is in paybackDays). */
const writeDifferences = async (path: string, d: OutcomeTable, seeds: Float64Array, format: "csv" | "parquet"): Promise<FileSeal> => {
  const names = d.names.filter((n) => n !== "paybackDate")
  const idx = names.map((n) => d.names.indexOf(n))
  const columns: Array<OutcomeColumn> = names.map((name) => ({ name, kind: "number" }))
  const writer = format === "parquet" ? new OutcomesParquetWriter(path, columns) : new OutcomesWriter(path, columns)
  const width = columns.length + 2
  const chunk = 1024
  const n = seeds.length
  for (let start = 0; start < n; start += chunk) {
    const end = Math.min(n, start + chunk)
    const rows = new Float64Array((end - start) * width)
    for (let i = start; i < end; i++) {
      const at = (i - start) * width
      rows[at] = i
      rows[at + 1] = seeds[i] as number
      idx.forEach((j, k) => { rows[at + 2 + k] = (d.values[j] as Float64Array)[i] as number })
    }
    if (writer instanceof OutcomesParquetWriter) await writer.writeColumns(columnBlock(rows, width, columns.map((c) => c.kind)), end - start)
    else await writer.writeChunk(Buffer.from(outcomesText(rows, width, columns), "utf8"))
  }
  return await writer.close()
}

import type { compareConfig } from "./CompareCommand.ts"

export const compareHandler = (args: Command.Command.Config.Infer<typeof compareConfig>) =>
    Effect.gen(function* () {
      const paths = yield* usage(() => parseWhole("--paths", args.paths, 1))
      const masterSeed = yield* usage(() => parseMasterSeed(args.seed))
      const workers = yield* workersOf(args.workers)
      const settings: BatchSettings = { paths, masterSeed, engine: args.engine, workers, format: args.format }
      const taken = new Set<string>()
      const inputs: Array<{ file: string; label: string; bytes: Buffer }> = []
      for (const file of args.scenarios) {
        const input = yield* readScenarioOrFail(file)
        inputs.push({ file, label: uniqueLabel(file, taken), bytes: input.bytes })
      }
      const outDir = Option.getOrUndefined(args.out)
      yield* Effect.scoped(Effect.gen(function* () {
        const folder = yield* acquireDecisionFolder(outDir, compareFolderFormat, "compare")
        const results = []
        for (const input of inputs) {
          const r = yield* runScenarioBatch(input.bytes, input.file, `compare ${input.label}`, settings, join(folder.staging, input.label))
          results.push({ ...input, ...r })
        }
        const first = results[0]!
        // The seed column of the differences: the path seed both batches' rows carry.
        const seedOf = pathSeeds(masterSeed)
        const seedValues = Float64Array.from({ length: paths }, (_, i) => seedOf(i))
        const files: Record<string, FileSeal> = {}
        const pairs: Array<PairResult> = []
        for (const other of results.slice(1)) {
          const d = pairedDifferences(first.table, other.table)
          const name = `differences-${first.label}-vs-${other.label}.${args.format}`
          files[name] = yield* Effect.tryPromise({
            try: () => writeDifferences(join(folder.staging, name), d, seedValues, args.format),
            catch: (error) => new InputRejectedError({ message: `cannot write ${name}: ${(error as Error).message}` })
          })
          pairs.push(pairOf(first.label, other.label, first.table, other.table, d, name, inputDifferences(first.bytes.toString("utf8"), other.bytes.toString("utf8"))))
        }
        const headlines = results.map((r) => headlineOf(r.label, r.file, r.scenarioSha256, r.table))
        const identity = {
          hashsimVersion, masterSeed, paths, engine: args.engine,
          commonRandomNumbers: "path i of every scenario runs with the seed derived from (masterSeed, i); each random stream is keyed by that seed and the stream's name",
          scenarios: results.map((r) => ({ label: r.label, file: r.file, scenarioSha256: r.scenarioSha256, folder: r.label }))
        }
        const compareJson = `${JSON.stringify({ format: "hashsim-compare/1", ...identity, headlines, pairs }, null, 2)}\n`
        if (outDir !== undefined) {
          files[compareJsonFileName] = yield* Effect.try({
            try: () => writeSealedText(join(folder.staging, compareJsonFileName), compareJson),
            catch: (error) => new InputRejectedError({ message: `cannot write ${compareJsonFileName}: ${(error as Error).message}` })
          })
          for (const r of results) files[`${r.label}/manifest.json`] = sealOfText(readFileSync(join(folder.staging, r.label, "manifest.json"), "utf8"))
          yield* Effect.try({
            try: () => folder.publish(renderDecisionManifest(compareFolderFormat, identity, files)),
            catch: (error) => new InputRejectedError({ message: `cannot publish ${outDir}: ${(error as Error).message}` })
          })
        }
        yield* Effect.sync(() => process.stdout.write(renderCompareTable(headlines, pairs, paths, masterSeed, args.engine)))
      }))
    })
