// What a Monte Carlo output folder holds and whether a batch may write into it. A whole batch writes
// outcomes.csv + summary.json; a shard writes outcomes.csv + shard.json (its manifest). Files are written under
// temporary names and renamed at the very end, so a folder never holds a complete-looking file from a run that
// did not finish. A folder that holds another batch (or another shard) is refused before any work starts.
import { existsSync, readFileSync, rmSync, statSync } from "node:fs"
import { join } from "node:path"
import { Data } from "effect"
import type { OutcomeColumn } from "./PathRunner.ts"
import { formatShard, type Shard } from "./Shard.ts"
import { summaryFormat, type BatchIdentity } from "./Summary.ts"

export const outcomesFileName = "outcomes.csv"
export const summaryFileName = "summary.json"
export const manifestFileName = "shard.json"
export const shardManifestFormat = "hashsim-mc-shard/1"

/** The output folder holds files of a different batch, or something that is not a folder. */
export class OutputFolderBusyError extends Data.TaggedError("OutputFolderBusyError")<{ readonly message: string }> {}

/** shard.json: what a shard folder holds, enough for `merge` to check and join shards without re-running them. */
export interface ShardManifest extends BatchIdentity {
  readonly shard: Shard
  readonly pathStart: number
  readonly pathEnd: number
  readonly columns: ReadonlyArray<OutcomeColumn>
}

export const renderManifestJson = (manifest: ShardManifest): string =>
  `${JSON.stringify({
    format: shardManifestFormat,
    hashsimVersion: manifest.hashsimVersion,
    scenarioSha256: manifest.scenarioSha256,
    engine: manifest.engine,
    masterSeed: manifest.masterSeed,
    paths: manifest.paths,
    shard: formatShard(manifest.shard),
    pathStart: manifest.pathStart,
    pathEnd: manifest.pathEnd,
    columns: manifest.columns.map((column) => ({ name: column.name, kind: column.kind }))
  }, null, 2)}\n`

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x)

const identityOf = (json: Record<string, unknown>): BatchIdentity | undefined => {
  const { hashsimVersion, scenarioSha256, engine, masterSeed, paths } = json
  if (typeof hashsimVersion !== "string" || typeof scenarioSha256 !== "string" || typeof engine !== "string") return undefined
  if (typeof masterSeed !== "number" || typeof paths !== "number") return undefined
  return { hashsimVersion, scenarioSha256, engine, masterSeed, paths }
}

/** Reads and checks a shard folder's manifest; throws a message naming the file and field on any problem. */
export const readManifest = (dir: string): ShardManifest => {
  const file = join(dir, manifestFileName)
  if (!existsSync(file)) throw new Error(`${dir}: not a shard output folder (no ${manifestFileName}; run \`hashsim mc --shard k/N --out ${dir}\`)`)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, "utf8"))
  } catch (error) {
    throw new Error(`${file}:1: not valid JSON: ${(error as Error).message}`)
  }
  if (!isObject(json) || json["format"] !== shardManifestFormat) throw new Error(`${file}:1: format: expected "${shardManifestFormat}"`)
  const identity = identityOf(json)
  if (identity === undefined) throw new Error(`${file}:1: a batch field (hashsimVersion, scenarioSha256, engine, masterSeed, paths) is missing`)
  const { shard, pathStart, pathEnd, columns } = json
  const shardMatch = typeof shard === "string" ? /^([0-9]+)\/([0-9]+)$/.exec(shard) : null
  if (shardMatch === null) throw new Error(`${file}:1: shard: expected "k/N"`)
  if (typeof pathStart !== "number" || typeof pathEnd !== "number" || !(pathStart <= pathEnd)) throw new Error(`${file}:1: pathStart/pathEnd: expected a range`)
  if (!Array.isArray(columns) || !columns.every((c) => isObject(c) && typeof c["name"] === "string" && (c["kind"] === "number" || c["kind"] === "date"))) {
    throw new Error(`${file}:1: columns: expected a list of {name, kind}`)
  }
  return {
    ...identity,
    shard: { index: Number(shardMatch[1]), count: Number(shardMatch[2]) },
    pathStart,
    pathEnd,
    columns: columns as ReadonlyArray<OutcomeColumn>
  }
}

const sameIdentity = (a: BatchIdentity, b: BatchIdentity): boolean =>
  a.hashsimVersion === b.hashsimVersion && a.scenarioSha256 === b.scenarioSha256 && a.engine === b.engine &&
  a.masterSeed === b.masterSeed && a.paths === b.paths

const describeIdentity = (id: BatchIdentity): string =>
  `scenario ${id.scenarioSha256.slice(0, 12)}…, seed ${id.masterSeed}, ${id.paths} paths, engine ${id.engine}, hashsim ${id.hashsimVersion}`

/**
 * Checks that `dir` may receive the outputs of this batch (or of this shard of it): it does not exist, is empty
 * of batch files, or holds an earlier run of exactly the same batch and shard (whose files are then removed, so
 * an interrupted re-run leaves nothing complete-looking behind). Throws OutputFolderBusyError otherwise.
 */
export const claimOutputFolder = (dir: string, identity: BatchIdentity, shard: Shard | undefined): void => {
  if (!existsSync(dir)) return
  if (!statSync(dir).isDirectory()) throw new OutputFolderBusyError({ message: `--out ${dir} exists and is not a folder` })
  const outcomes = join(dir, outcomesFileName)
  const summary = join(dir, summaryFileName)
  const manifest = join(dir, manifestFileName)
  const wanted = shard === undefined ? `this batch (${describeIdentity(identity)})` : `shard ${formatShard(shard)} of this batch (${describeIdentity(identity)})`
  const busy = (what: string): OutputFolderBusyError =>
    new OutputFolderBusyError({ message: `--out ${dir} already holds ${what}, not ${wanted}; choose another folder or remove its files` })
  const readJson = (file: string): Record<string, unknown> | undefined => {
    try {
      const json: unknown = JSON.parse(readFileSync(file, "utf8"))
      return isObject(json) ? json : undefined
    } catch {
      return undefined
    }
  }
  if (existsSync(summary)) {
    const json = readJson(summary)
    const held = json?.["format"] === summaryFormat ? identityOf(json) : undefined
    if (held === undefined) throw busy(`a ${summaryFileName} that is not a hashsim summary`)
    if (shard !== undefined || !sameIdentity(held, identity)) throw busy(`the outputs of another batch (${describeIdentity(held)})`)
  }
  if (existsSync(manifest)) {
    let held: ShardManifest
    try {
      held = readManifest(dir)
    } catch {
      throw busy(`a ${manifestFileName} that is not a hashsim shard manifest`)
    }
    if (shard === undefined || !sameIdentity(held, identity) || held.shard.index !== shard.index || held.shard.count !== shard.count) {
      throw busy(`shard ${formatShard(held.shard)} of a batch (${describeIdentity(held)})`)
    }
  }
  if (existsSync(outcomes) && !existsSync(summary) && !existsSync(manifest)) throw busy(`an ${outcomesFileName} of an unknown batch`)
  for (const file of [summary, manifest, outcomes]) rmSync(file, { force: true })
}

/** Temporary names for the files of one run, next to their final names (same folder, so rename is atomic). */
export const temporaryName = (dir: string, fileName: string): string => join(dir, `.${fileName}.${process.pid}.tmp`)
