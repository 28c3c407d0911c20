// `merge`: joins the folders of `mc --shard` runs into exactly the bytes one unsharded run writes. Every shard is
// read through BatchFolder (manifest decoded, seals checked, every row's path, seed and cells rechecked); the shards
// must be of one batch (scenario, seed, path count, engine, versions, columns) and tile 0..paths-1 without gaps or
// overlaps. Rows are copied in path order verbatim and summary.json is computed from the values they hold.
import { join } from "node:path"
import { Data, Effect, Exit } from "effect"
import { OutputPathInvalidError } from "@hashsim/ledger"
import {
  beginFolderWrite, BatchFolderInvalidError, openBatchFolder, OutputFolderBusyError, outcomesFileName, readOutcomeRows, summaryFileName,
  type BatchFolderView
} from "./BatchFolder.ts"
import type { BatchManifest, FileSeal } from "./BatchManifest.ts"
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

/** Merges shard folders into `outDir` (outcomes.csv + summary.json, byte-identical to an unsharded run). */
export const mergeShards = (dirs: ReadonlyArray<string>, outDir: string): Effect.Effect<Summary, ShardSetInvalidError | OutputFolderBusyError | MergeFailedError> =>
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
      const csvPath = join(folder.staging, outcomesFileName)
      const out = yield* Effect.acquireRelease(
        Effect.try({ try: () => new SealedFileWriter(csvPath), catch: failed }),
        (w, exit) => (Exit.isSuccess(exit) ? Effect.void : Effect.sync(() => w.destroy()))
      )
      const files: Record<string, FileSeal> = {}
      files[outcomesFileName] = yield* Effect.tryPromise({
        try: async () => {
          await out.write(`${outcomesHeader(columns).join(",")}\n`)
          for (const view of sorted) {
            await readOutcomeRows(view, async (text, values) => {
              for (let j = 0; j < values.length; j++) spill.set(j, values[j] as number)
              spill.endRow()
              await out.write(`${text}\n`)
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
      return summary
    }))
  })
