// `merge`: joins the folders of `mc --shard` runs into exactly the bytes one unsharded run writes. It checks the
// shards belong to one batch (scenario, seed, path count, engine, version, columns) and tile 0..paths-1 without
// gaps or overlaps, copies their rows in path order verbatim, and computes summary.json from the joined CSV.
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs"
import { once } from "node:events"
import { join } from "node:path"
import { createInterface } from "node:readline"
import { Data, Effect, Exit } from "effect"
import { claimOutputFolder, OutputFolderBusyError, outcomesFileName, readManifest, summaryFileName, temporaryName, type ShardManifest } from "./BatchFolder.ts"
import { outcomesHeader } from "./OutcomesFile.ts"
import { formatShard } from "./Shard.ts"
import { renderSummaryJson, summarizeOutcomes, type BatchIdentity, type Summary } from "./Summary.ts"

/** The shard folders given to merge are not the complete set of one batch's shards. */
export class ShardSetInvalidError extends Data.TaggedError("ShardSetInvalidError")<{ readonly message: string }> {}

/** Reading or writing files failed during a merge. */
export class MergeFailedError extends Data.TaggedError("MergeFailedError")<{ readonly message: string }> {}

interface ShardFolder {
  readonly dir: string
  readonly manifest: ShardManifest
}

const identityFields = ["scenarioSha256", "masterSeed", "paths", "engine", "hashsimVersion"] as const

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
    if (pathStart < covered) fail(`${shard.dir} (shard ${formatShard(shard.manifest.shard)}, paths ${pathStart}..${pathEnd - 1}) overlaps ${previous?.dir ?? "another shard"}: paths ${pathStart}..${Math.min(covered, pathEnd) - 1} would appear twice`)
    covered = pathEnd
    previous = shard
  }
  if (covered !== paths) fail(`paths ${covered}..${paths - 1} are in no shard given (a gap at the end; is a shard missing?)`)
  return sorted
}

/** Merges shard folders into `outDir` (outcomes.csv + summary.json, byte-identical to an unsharded run). */
export const mergeShards = (dirs: ReadonlyArray<string>, outDir: string): Effect.Effect<Summary, ShardSetInvalidError | OutputFolderBusyError | MergeFailedError> =>
  Effect.gen(function* () {
    const folders = yield* Effect.try({
      try: () => dirs.map((dir) => ({ dir, manifest: readManifest(dir) })),
      catch: (error) => new ShardSetInvalidError({ message: (error as Error).message })
    })
    const sorted = yield* Effect.try({
      try: () => checkShardSet(folders),
      catch: (error) => (error instanceof ShardSetInvalidError ? error : new ShardSetInvalidError({ message: String(error) }))
    })
    const manifest = (sorted[0] as ShardFolder).manifest
    const identity: BatchIdentity = {
      hashsimVersion: manifest.hashsimVersion, scenarioSha256: manifest.scenarioSha256, engine: manifest.engine,
      masterSeed: manifest.masterSeed, paths: manifest.paths
    }
    const columns = manifest.columns
    yield* Effect.try({
      try: () => {
        claimOutputFolder(outDir, identity, undefined)
        mkdirSync(outDir, { recursive: true })
      },
      catch: (error) => (error instanceof OutputFolderBusyError ? error : new MergeFailedError({ message: String(error) }))
    })
    const csvTemp = temporaryName(outDir, outcomesFileName)
    const summaryTemp = temporaryName(outDir, summaryFileName)
    const failed = (error: unknown) => (error instanceof ShardSetInvalidError ? error : new MergeFailedError({ message: error instanceof Error ? error.message : String(error) }))
    return yield* Effect.gen(function* () {
      yield* Effect.tryPromise({ try: () => joinOutcomes(sorted, outcomesHeader(columns).join(","), csvTemp), catch: failed })
      const stats = yield* Effect.tryPromise({ try: () => summarizeOutcomes(csvTemp, columns, outDir), catch: failed })
      const summary: Summary = { ...identity, columns, stats }
      yield* Effect.try({
        try: () => {
          writeFileSync(summaryTemp, renderSummaryJson(summary))
          renameSync(csvTemp, join(outDir, outcomesFileName))
          renameSync(summaryTemp, join(outDir, summaryFileName))
        },
        catch: failed
      })
      return summary
    }).pipe(Effect.onExit((exit) => Exit.isSuccess(exit) ? Effect.void : Effect.sync(() => {
      rmSync(csvTemp, { force: true })
      rmSync(summaryTemp, { force: true })
    })))
  })

/** Copies the header once and every shard's rows verbatim, checking each shard holds exactly its paths. */
const joinOutcomes = async (shards: ReadonlyArray<ShardFolder>, header: string, target: string): Promise<void> => {
  const out = createWriteStream(target)
  const closed = new Promise<void>((resolve, reject) => { out.on("finish", resolve); out.on("error", reject) })
  closed.catch(() => undefined)
  try {
    out.write(`${header}\n`)
    for (const { dir, manifest } of shards) {
      const file = join(dir, outcomesFileName)
      const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity })
      let line = 0
      let expected = manifest.pathStart
      for await (const text of lines) {
        line++
        if (line === 1) {
          if (text !== header) throw new ShardSetInvalidError({ message: `${file}:1: header does not match the shard manifest's columns` })
          continue
        }
        const comma = text.indexOf(",")
        if (text.slice(0, comma) !== String(expected)) {
          throw new ShardSetInvalidError({ message: `${file}:${line}: path: expected ${expected}, found ${text.slice(0, comma)} (is the shard's outcomes.csv damaged?)` })
        }
        expected++
        if (!out.write(`${text}\n`)) await once(out, "drain")
      }
      if (line === 0) throw new ShardSetInvalidError({ message: `${file}: missing or empty` })
      if (expected !== manifest.pathEnd) {
        throw new ShardSetInvalidError({ message: `${file}:${line}: ends at path ${expected - 1}, but its manifest says the shard holds paths ${manifest.pathStart}..${manifest.pathEnd - 1} (truncated?)` })
      }
    }
    out.end()
    await closed
  } catch (error) {
    out.destroy()
    throw error
  }
}
