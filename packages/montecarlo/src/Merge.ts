// `merge`: joins the folders of `mc --shard` runs into exactly the bytes one unsharded run writes. Every shard is
// read through BatchFolder (manifest decoded, seals checked, every row's path, seed and cells rechecked); the shards
// must be of one batch (scenario, seed, path count, engine, versions, columns) and tile 0..paths-1 without gaps or
// overlaps. Rows are copied in path order (verbatim into outcomes.csv, as values into outcomes.parquet) and
// summary.json is computed from the values they hold. The table is written in the shards' format unless told.
import { join } from "node:path"
import { Data, Effect, Exit } from "effect"
import { OutputPathInvalidError } from "@hashsim/ledger"
import {
  beginFolderWrite, BatchFolderInvalidError, openBatchFolder, OutputFolderBusyError, outcomesFileOf, outcomesFormatOf, readOutcomeRows,
  summaryFileName, type BatchFolderView, type OutcomesFormat
} from "./BatchFolder.ts"
import type { BatchManifest, FileSeal } from "./BatchManifest.ts"
import { OutcomesParquetWriter } from "./OutcomesParquet.ts"
import { pathSeeds } from "./PathSeed.ts"
import { outcomesHeader } from "./OutcomesText.ts"
import { SealedFileWriter, writeSealedText } from "./SealedFile.ts"
import { formatShard } from "./Shard.ts"
import { ColumnSpill, renderSummaryJson, type BatchIdentity, type Summary } from "./Summary.ts"

/** The shard folders given to merge are not the complete set of one batch's shards, or one is damaged. */
export class ShardSetInvalidError extends Data.TaggedError("ShardSetInvalidError")<{ readonly message: string }> {}

/** Reading or writing files failed during a merge. */
export class MergeFailedError extends Data.TaggedError("MergeFailedError")<{ readonly message: string }> {}

interface ShardFolder {
  readonly dir: string
  readonly manifest: BatchManifest
}

const identityFields = ["scenarioSha256", "masterSeed", "paths", "engine", "hashsimVersion", "modelVersion"] as const

/** Checks that the shards are of one batch and cover its paths exactly once; returns them in path order. */
export const checkShardSet = (shards: ReadonlyArray<ShardFolder>): Array<ShardFolder> => {
  const fail = (text: string): never => { throw new ShardSetInvalidError({ message: text }) }
  const first = shards[0]
  if (first === undefined) return fail("merge needs at least one shard folder")
  for (const other of shards.slice(1)) {
    for (const field of identityFields) {
      if (other.manifest[field] !== first.manifest[field]) {
        fail(`${other.dir} is a shard of another batch: its ${field} is ${String(other.manifest[field])}, but ${first.dir} has ${String(first.manifest[field])}`)
      }
    }
    const a = JSON.stringify(first.manifest.columns)
    if (JSON.stringify(other.manifest.columns) !== a) fail(`${other.dir} and ${first.dir} list different outcome columns`)
  }
  const sorted = [...shards].sort((a, b) => a.manifest.pathStart - b.manifest.pathStart || a.manifest.pathEnd - b.manifest.pathEnd)
  const paths = first.manifest.paths
  let covered = 0
  let previous: ShardFolder | undefined
  for (const shard of sorted) {
    const { pathStart, pathEnd } = shard.manifest
    if (pathStart > covered) fail(`paths ${covered}..${pathStart - 1} are in no shard given (a gap${previous ? ` after ${previous.dir}` : " at the start"}; is a shard missing?)`)
    if (pathStart < covered) fail(`${shard.dir} (shard ${shard.manifest.shard === undefined ? "?" : formatShard(shard.manifest.shard)}, paths ${pathStart}..${pathEnd - 1}) overlaps ${previous?.dir ?? "another shard"}: paths ${pathStart}..${Math.min(covered, pathEnd) - 1} would appear twice`)
    covered = pathEnd
    previous = shard
  }
  if (covered !== paths) fail(`paths ${covered}..${paths - 1} are in no shard given (a gap at the end; is a shard missing?)`)
  return sorted
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error))

export interface MergeResult {
  readonly summary: Summary
  /** The outcome table written: outcomes.csv or outcomes.parquet. */
  readonly tableFile: string
}

/**
 * Merges shard folders into `outDir` (the outcome table + summary.json, byte-identical to an unsharded run in that
 * format). The table is in `format`, or else in the shards' own format (shards in both need `format`).
 */
export const mergeShards = (
  dirs: ReadonlyArray<string>,
  outDir: string,
  format?: OutcomesFormat
): Effect.Effect<MergeResult, ShardSetInvalidError | OutputFolderBusyError | MergeFailedError> =>
  Effect.gen(function* () {
    const views = yield* Effect.try({
      try: () => dirs.map((dir) => openBatchFolder(dir, "shard")),
      catch: (error) => new ShardSetInvalidError({ message: message(error) })
    })
    const sorted = yield* Effect.try({
      try: () => checkShardSet(views) as Array<BatchFolderView>,
      catch: (error) => (error instanceof ShardSetInvalidError ? error : new ShardSetInvalidError({ message: String(error) }))
    })
    const manifest = (sorted[0] as BatchFolderView).manifest
    const formats = [...new Set(sorted.map((v) => outcomesFormatOf(v.manifest)))]
    if (format === undefined && formats.length > 1) {
      return yield* Effect.fail(new ShardSetInvalidError({ message: "the shards' outcome tables are in both formats (outcomes.csv and outcomes.parquet): pass --format csv or --format parquet for the merged one" }))
    }
    const tableFormat: OutcomesFormat = format ?? formats[0] ?? "csv"
    const tableFile = outcomesFileOf(tableFormat)
    const identity: BatchIdentity = {
      hashsimVersion: manifest.hashsimVersion, scenarioSha256: manifest.scenarioSha256, engine: manifest.engine,
      masterSeed: manifest.masterSeed, paths: manifest.paths, modelVersion: manifest.modelVersion
    }
    const columns = manifest.columns
    const failed = (error: unknown) =>
      error instanceof ShardSetInvalidError ? error
      : error instanceof BatchFolderInvalidError ? new ShardSetInvalidError({ message: error.message })
      : new MergeFailedError({ message: message(error) })
    return yield* Effect.scoped(Effect.gen(function* () {
      const folder = yield* Effect.acquireRelease(
        Effect.try({
          try: () => beginFolderWrite(outDir, identity, undefined),
          catch: (error) =>
            error instanceof OutputFolderBusyError ? error
            : error instanceof OutputPathInvalidError ? new OutputFolderBusyError({ message: error.message })
            : new MergeFailedError({ message: `cannot write --out ${outDir}: ${message(error)}` })
        }),
        (f) => Effect.sync(() => f.abandon())
      )
      const spill = yield* Effect.acquireRelease(
        Effect.try({ try: () => new ColumnSpill(folder.staging, columns.length), catch: failed }),
        (s) => Effect.sync(() => s.dispose())
      )
      const tablePath = join(folder.staging, tableFile)
      const seedOf = pathSeeds(manifest.masterSeed)
      // CSV rows are copied as their text; Parquet takes the values the reader checked (a row's seed is its path's).
      const out = yield* Effect.acquireRelease(
        Effect.try({
          try: () => {
            if (tableFormat === "parquet") {
              const writer = new OutcomesParquetWriter(tablePath, columns)
              return { begin: async () => undefined, row: (_text: string, values: Float64Array, path: number) => writer.writeRow(path, seedOf(path), values), close: () => writer.close(), destroy: () => writer.destroy() }
            }
            const writer = new SealedFileWriter(tablePath)
            return { begin: () => writer.write(`${outcomesHeader(columns).join(",")}\n`), row: (text: string) => writer.write(`${text}\n`), close: () => writer.close(), destroy: () => writer.destroy() }
          },
          catch: failed
        }),
        (w, exit) => (Exit.isSuccess(exit) ? Effect.void : Effect.sync(() => w.destroy()))
      )
      const files: Record<string, FileSeal> = {}
      files[tableFile] = yield* Effect.tryPromise({
        try: async () => {
          await out.begin()
          for (const view of sorted) {
            await readOutcomeRows(view, async (text, values, path) => {
              for (let j = 0; j < values.length; j++) spill.set(j, values[j] as number)
              spill.endRow()
              await out.row(text, values, path)
            })
          }
          return await out.close()
        },
        catch: failed
      })
      const stats = yield* Effect.try({ try: () => spill.stats(), catch: failed })
      spill.dispose()
      const summary: Summary = { ...identity, columns, stats }
      files[summaryFileName] = yield* Effect.try({ try: () => writeSealedText(join(folder.staging, summaryFileName), renderSummaryJson(summary)), catch: failed })
      yield* Effect.try({
        try: () => folder.publish({ ...identity, shard: undefined, pathStart: 0, pathEnd: identity.paths, columns }, files),
        catch: failed
      })
      return { summary, tableFile }
    }))
  })
