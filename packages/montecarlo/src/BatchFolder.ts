// The one writer and reader of a Monte Carlo output folder. A folder is a sealed unit: outcomes.csv, summary.json
// (a whole batch) and manifest.json, whose seals (size, SHA-256) and batch fields every reader checks.
// Writing: the folder is locked (FolderLock), new outputs are built in a staging folder beside it, fsynced (files
// and folder), and swapped in only when complete; an interrupted run leaves the previous outputs as they were.
// Reading: the manifest and summary are schema-decoded and every row is rechecked (path sequence, the seed derived
// from the master seed, every cell as its column's kind); problems name folder, file, line and field.
import { createHash } from "node:crypto"
import { createReadStream, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs"
import { basename, dirname, join } from "node:path"
import { createInterface } from "node:readline"
import { Data } from "effect"
import { checkOutputPath, fsyncPathSync, OutputPathInvalidError } from "@hashsim/ledger"
import {
  decodeManifest, manifestFileName, outcomesFileName, renderManifestJson, summaryFileName, type BatchManifest, type FileSeal
} from "./BatchManifest.ts"
import { lockOutputFolder, OutputFolderLockedError, type FolderLock } from "./FolderLock.ts"
import { isoToEpochDay } from "./OutcomeCell.ts"
import { outcomesHeader } from "./OutcomesText.ts"
import { outcomesParquetFileName, readOutcomesParquet } from "./OutcomesParquet.ts"
import { formatCell } from "./OutcomeCell.ts"
import { pathSeeds } from "./PathSeed.ts"
import { writeSealedText } from "./SealedFile.ts"
import { formatShard, type Shard } from "./Shard.ts"
import { decodeSummary, type BatchIdentity, type SummaryDocument } from "./Summary.ts"

export { manifestFileName, outcomesFileName, summaryFileName } from "./BatchManifest.ts"

/** The output folder cannot take this batch: it holds something else, is not a folder, or is being written. */
export class OutputFolderBusyError extends Data.TaggedError("OutputFolderBusyError")<{ readonly message: string }> {}

/** A folder read as a Monte Carlo output is not a complete, unedited one. */
export class BatchFolderInvalidError extends Data.TaggedError("BatchFolderInvalidError")<{ readonly message: string }> {}

const describeIdentity = (id: BatchIdentity): string =>
  `scenario ${id.scenarioSha256.slice(0, 12)}…, seed ${id.masterSeed}, ${id.paths} paths, engine ${id.engine}, hashsim ${id.hashsimVersion}`

const sameBatch = (a: BatchIdentity, b: BatchIdentity): boolean =>
  a.hashsimVersion === b.hashsimVersion && a.scenarioSha256 === b.scenarioSha256 && a.engine === b.engine &&
  a.masterSeed === b.masterSeed && a.paths === b.paths

const sameShard = (a: Shard | undefined, b: Shard | undefined): boolean =>
  a === undefined || b === undefined ? a === b : a.index === b.index && a.count === b.count

const stagingPrefix = (dir: string): string => `.${basename(dir)}.new-`
const previousPrefix = (dir: string): string => `.${basename(dir)}.old-`

/** Undoes what a killed writer left beside `dir` (we hold its lock): staging folders go, a swapped-out folder comes back. */
const recoverLeftovers = (dir: string): void => {
  const parent = dirname(dir)
  for (const name of readdirSync(parent)) {
    const path = join(parent, name)
    if (name.startsWith(stagingPrefix(dir))) rmSync(path, { recursive: true, force: true })
    else if (name.startsWith(previousPrefix(dir))) {
      if (existsSync(dir)) rmSync(path, { recursive: true, force: true })
      else renameSync(path, dir)
    }
  }
}

const ourFiles = new Set([manifestFileName, outcomesFileName, outcomesParquetFileName, summaryFileName])

/** Checks that an existing `dir` may be replaced by this batch's outputs; throws OutputFolderBusyError if not. */
const claim = (dir: string, identity: BatchIdentity, shard: Shard | undefined): void => {
  if (!existsSync(dir)) return
  const names = readdirSync(dir)
  if (names.length === 0) return
  const wanted = shard === undefined ? `this batch (${describeIdentity(identity)})` : `shard ${formatShard(shard)} of this batch (${describeIdentity(identity)})`
  const busy = (what: string): OutputFolderBusyError =>
    new OutputFolderBusyError({ message: `--out ${dir}: already holds ${what}, not ${wanted}; choose another folder or remove its files` })
  const foreign = names.filter((name) => !ourFiles.has(name))
  if (foreign.length > 0) throw busy(`files that are not a hashsim batch's (${foreign.slice(0, 3).join(", ")}${foreign.length > 3 ? ", …" : ""})`)
  if (!names.includes(manifestFileName)) throw busy(`outputs without a ${manifestFileName} (an interrupted or older run)`)
  const decoded = decodeManifest(readFileSync(join(dir, manifestFileName), "utf8"))
  if ("problem" in decoded) throw busy(`a ${manifestFileName} that does not decode (${decoded.problem})`)
  const held = decoded.manifest
  if (!sameBatch(held, identity) || !sameShard(held.shard, shard)) {
    throw busy(held.shard === undefined ? `the outputs of another batch (${describeIdentity(held)})` : `shard ${formatShard(held.shard)} of a batch (${describeIdentity(held)})`)
  }
}

/** A folder being written: files go into `staging`; `publish` seals and swaps them in, `abandon` drops them. */
export interface FolderWrite {
  readonly staging: string
  /** Writes manifest.json over `files` (already written and fsynced in staging), then swaps the folder in. */
  readonly publish: (manifest: Omit<BatchManifest, "files">, files: Readonly<Record<string, FileSeal>>) => void
  /** Removes the staging folder and releases the lock (after publish, only the lock). */
  readonly abandon: () => void
}

/**
 * Opens `dir` for writing a batch (or a shard of one): checks the path, takes the lock, cleans up after a killed
 * writer, checks the folder may be replaced, and makes the staging folder. Throws OutputPathInvalidError,
 * OutputFolderBusyError (also for a held lock) or a file-system error.
 */
export const beginFolderWrite = (dir: string, identity: BatchIdentity, shard: Shard | undefined): FolderWrite => {
  const sealed = beginSealedFolderWrite(dir, () => claim(dir, identity, shard))
  return {
    staging: sealed.staging,
    publish: (manifest, files) => sealed.publish(renderManifestJson({ ...manifest, files })),
    abandon: sealed.abandon
  }
}

/** A sealed folder of another kind being written (`compare`, `sweep`): `publish` takes the manifest's text. */
export interface SealedFolderWrite {
  readonly staging: string
  /** Writes manifest.json (whose text seals the other files, already written and fsynced in staging), then swaps the folder in. */
  readonly publish: (manifestText: string) => void
  readonly abandon: () => void
}

/**
 * The folder writer every sealed output folder shares: checks the path, takes the lock, cleans up after a killed
 * writer, lets `claim` refuse a folder that may not be replaced (throwing OutputFolderBusyError), makes the staging
 * folder; `publish` writes manifest.json, fsyncs and swaps the staging folder in.
 */
export const beginSealedFolderWrite = (dir: string, claimFolder: () => void): SealedFolderWrite => {
  checkOutputPath(dir, "folder")
  mkdirSync(dirname(dir), { recursive: true })
  let lock: FolderLock
  try {
    lock = lockOutputFolder(dir)
  } catch (error) {
    if (error instanceof OutputFolderLockedError) throw new OutputFolderBusyError({ message: error.message })
    throw error
  }
  let staging = ""
  try {
    recoverLeftovers(dir)
    checkOutputPath(dir, "folder")
    claimFolder()
    staging = join(dirname(dir), `${stagingPrefix(dir)}${process.pid}`)
    mkdirSync(staging)
  } catch (error) {
    if (staging !== "") rmSync(staging, { recursive: true, force: true })
    lock.release()
    throw error
  }
  let published = false
  return {
    staging,
    publish: (manifestText) => {
      writeSealedText(join(staging, manifestFileName), manifestText)
      fsyncPathSync(staging)
      const previous = join(dirname(dir), `${previousPrefix(dir)}${process.pid}`)
      const hadPrevious = existsSync(dir)
      if (hadPrevious) renameSync(dir, previous)
      renameSync(staging, dir)
      fsyncPathSync(dirname(dir))
      published = true
      if (hadPrevious) rmSync(previous, { recursive: true, force: true })
    },
    abandon: () => {
      if (!published) rmSync(staging, { recursive: true, force: true })
      lock.release()
    }
  }
}

/** An outcome table's format: outcomes.csv or outcomes.parquet. */
export type OutcomesFormat = "csv" | "parquet"

/** The format a folder's outcome table is written in (what its manifest seals). */
export const outcomesFormatOf = (manifest: BatchManifest): OutcomesFormat => (manifest.files[outcomesParquetFileName] !== undefined ? "parquet" : "csv")

/** The file name of an outcome table in this format. */
export const outcomesFileOf = (format: OutcomesFormat): string => (format === "parquet" ? outcomesParquetFileName : outcomesFileName)

/** A sealed folder whose manifest (and summary, for a whole batch) decoded and whose small files matched their seals. */
export interface BatchFolderView {
  readonly dir: string
  readonly manifest: BatchManifest
  /** summary.json, for a whole batch. */
  readonly summary: SummaryDocument | undefined
}

const invalid = (message: string): BatchFolderInvalidError => new BatchFolderInvalidError({ message })

const sha256Of = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex")

/**
 * Opens a Monte Carlo output folder for reading: decodes manifest.json, checks the folder holds exactly the files
 * it lists, their sizes, summary.json's digest and that summary.json and the manifest describe the same batch.
 * outcomes.csv's digest is checked by `readOutcomeRows`, in the one pass that reads it.
 */
export const openBatchFolder = (dir: string, expect: "batch" | "shard"): BatchFolderView => {
  let st
  try {
    st = lstatSync(dir)
  } catch {
    throw invalid(`${dir}: no such folder`)
  }
  if (!st.isDirectory()) throw invalid(`${dir}: not a folder`)
  const manifestFile = join(dir, manifestFileName)
  if (!existsSync(manifestFile)) {
    const hint = expect === "shard" ? `run \`hashsim mc --shard k/N --out ${dir}\`` : "run `hashsim mc` or `hashsim merge` into it"
    throw invalid(`${dir}: not a Monte Carlo output folder (no ${manifestFileName}; ${hint})`)
  }
  const decoded = decodeManifest(readFileSync(manifestFile, "utf8"))
  if ("problem" in decoded) throw invalid(`${manifestFile}:1: ${decoded.problem}`)
  const manifest = decoded.manifest
  if (expect === "shard" && manifest.shard === undefined) throw invalid(`${manifestFile}:1: shard: ${dir} holds a whole batch, not a shard (nothing to merge)`)
  if (expect === "batch" && manifest.shard !== undefined) {
    throw invalid(`${manifestFile}:1: shard: ${dir} holds shard ${formatShard(manifest.shard)} only; join the shards with \`hashsim merge\` first`)
  }
  const table = outcomesFileOf(outcomesFormatOf(manifest))
  const wantedFiles = expect === "batch" ? [table, summaryFileName] : [table]
  const listed = Object.keys(manifest.files).sort()
  if (listed.join(",") !== [...wantedFiles].sort().join(",")) throw invalid(`${manifestFile}:1: files: expected ${wantedFiles.join(" and ")}, found ${listed.join(", ") || "none"}`)
  for (const name of readdirSync(dir)) {
    if (name !== manifestFileName && !wantedFiles.includes(name)) throw invalid(`${join(dir, name)}: not part of the batch (the manifest does not list it)`)
  }
  for (const name of wantedFiles) {
    const file = join(dir, name)
    const seal = manifest.files[name] as FileSeal
    let size: number
    try {
      size = lstatSync(file).size
    } catch {
      throw invalid(`${file}: missing (${manifestFile} lists it)`)
    }
    if (size !== seal.bytes) throw invalid(`${file}: ${size} bytes, but ${manifestFileName} records ${seal.bytes} (truncated or edited)`)
  }
  let summary: SummaryDocument | undefined
  if (expect === "batch") {
    const file = join(dir, summaryFileName)
    const bytes = readFileSync(file)
    const seal = manifest.files[summaryFileName] as FileSeal
    if (sha256Of(bytes) !== seal.sha256) throw invalid(`${file}: its SHA-256 is not the one ${manifestFileName} records (edited)`)
    const s = decodeSummary(bytes.toString("utf8"))
    if ("problem" in s) throw invalid(`${file}:1: ${s.problem}`)
    summary = s.summary
    for (const field of ["hashsimVersion", "scenarioSha256", "engine", "masterSeed", "paths"] as const) {
      if (summary[field] !== manifest[field]) throw invalid(`${file}:1: ${field}: ${JSON.stringify(summary[field])}, but ${manifestFileName} records ${JSON.stringify(manifest[field])}`)
    }
    const names = Object.keys(summary.columns)
    if (names.join(",") !== manifest.columns.map((c) => c.name).join(",")) throw invalid(`${file}:1: columns: not the columns ${manifestFileName} lists`)
  }
  return { dir, manifest, summary }
}

const canonicalNumber = (cell: string): number => {
  const value = Number(cell)
  if (!Number.isFinite(value) || String(value) !== cell) throw new Error(`"${cell}" is not a finite number in its shortest form`)
  return value
}

/** The value of a checked cell: NaN for empty, a canonical finite number, or a real YYYY-MM-DD date (days since 1970). */
const checkedCell = (cell: string, kind: "number" | "date"): number => {
  if (cell === "") return Number.NaN
  if (kind === "number") return canonicalNumber(cell)
  const day = isoToEpochDay(cell)
  if (new Date(day * 86_400_000).toISOString().slice(0, 10) !== cell) throw new Error(`"${cell}" is not a calendar date`)
  return day
}

/**
 * Reads outcomes.csv of an opened folder in one streamed pass, rechecking every row (the path sequence of the
 * manifest's range, each seed derived again from the master seed and path, every cell as its column's kind) and,
 * at the end, the file's SHA-256. `onRow` gets the row's text (LF excluded) and its column values (NaN = empty;
 * the array is reused). Throws BatchFolderInvalidError naming file, line and field.
 */
export const readOutcomeRows = async (
  view: BatchFolderView,
  onRow: (text: string, values: Float64Array, path: number) => void | Promise<void>
): Promise<void> => {
  const { manifest } = view
  if (outcomesFormatOf(manifest) === "parquet") return await readParquetRows(view, onRow)
  const file = join(view.dir, outcomesFileName)
  const header = outcomesHeader(manifest.columns).join(",")
  const kinds = manifest.columns.map((c) => c.kind)
  const names = manifest.columns.map((c) => c.name)
  const seedOf = pathSeeds(manifest.masterSeed)
  const values = new Float64Array(kinds.length)
  const hash = createHash("sha256")
  const input = createReadStream(file)
  input.on("data", (chunk) => hash.update(chunk))
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  let line = 0
  let path = manifest.pathStart
  try {
    for await (const text of lines) {
      line++
      if (line === 1) {
        if (text !== header) throw invalid(`${file}:1: header: not the columns ${manifestFileName} lists`)
        continue
      }
      const at = `${file}:${line}`
      if (path >= manifest.pathEnd) throw invalid(`${at}: path: more rows than the paths ${manifest.pathStart}..${manifest.pathEnd - 1} of ${manifestFileName}`)
      const cells = text.split(",")
      if (cells.length !== kinds.length + 2) throw invalid(`${at}: line: ${cells.length} cells, expected ${kinds.length + 2}`)
      if (cells[0] !== String(path)) throw invalid(`${at}: path: expected ${path}, found "${cells[0]}"`)
      const seed = seedOf(path)
      if (cells[1] !== String(seed)) throw invalid(`${at}: seed: expected ${seed} (master seed ${manifest.masterSeed}, path ${path}), found "${cells[1]}"`)
      for (let j = 0; j < kinds.length; j++) {
        try {
          values[j] = checkedCell(cells[j + 2] as string, kinds[j] as "number" | "date")
        } catch (error) {
          throw invalid(`${at}: ${names[j]}: ${(error as Error).message}`)
        }
      }
      await onRow(text, values, path)
      path++
    }
  } catch (error) {
    input.destroy()
    if (error instanceof BatchFolderInvalidError) throw error
    throw invalid(`${file}: cannot read: ${(error as Error).message}`)
  }
  if (line === 0) throw invalid(`${file}:1: header: empty file`)
  if (path !== manifest.pathEnd) throw invalid(`${file}:${line}: path: ends at path ${path - 1}, but ${manifestFileName} records paths ${manifest.pathStart}..${manifest.pathEnd - 1} (truncated?)`)
  const seal = manifest.files[outcomesFileName] as FileSeal
  if (hash.digest("hex") !== seal.sha256) throw invalid(`${file}: its SHA-256 is not the one ${manifestFileName} records (edited)`)
}

/** readOutcomeRows over outcomes.parquet: the same checks; each row's text is the line outcomes.csv would hold. */
const readParquetRows = async (
  view: BatchFolderView,
  onRow: (text: string, values: Float64Array, path: number) => void | Promise<void>
): Promise<void> => {
  const { manifest } = view
  const file = join(view.dir, outcomesParquetFileName)
  const bytes = readFileSync(file)
  const seal = manifest.files[outcomesParquetFileName] as FileSeal
  if (sha256Of(bytes) !== seal.sha256) throw invalid(`${file}: its SHA-256 is not the one ${manifestFileName} records (edited)`)
  let rows
  try {
    rows = await readOutcomesParquet(bytes, manifest.columns)
  } catch (error) {
    throw invalid(`${file}: cannot read: ${(error as Error).message}`)
  }
  const seedOf = pathSeeds(manifest.masterSeed)
  const kinds = manifest.columns.map((c) => c.kind)
  const values = new Float64Array(kinds.length)
  if (rows.length !== manifest.pathEnd - manifest.pathStart) {
    throw invalid(`${file}: path: ${rows.length} rows, but ${manifestFileName} records paths ${manifest.pathStart}..${manifest.pathEnd - 1}`)
  }
  let path = manifest.pathStart
  for (const [i, row] of rows.entries()) {
    const at = `${file}: row ${i + 1}`
    if (row[0] !== path) throw invalid(`${at}: path: expected ${path}, found ${row[0]}`)
    const seed = seedOf(path)
    if (row[1] !== seed) throw invalid(`${at}: seed: expected ${seed} (master seed ${manifest.masterSeed}, path ${path}), found ${row[1]}`)
    const cells = [String(path), String(seed)]
    for (let j = 0; j < kinds.length; j++) {
      values[j] = row[j + 2] as number
      cells.push(formatCell(values[j] as number, kinds[j] as "number" | "date"))
    }
    await onRow(cells.join(","), values, path)
    path++
  }
}

/** Reads and rechecks a whole folder (all rows and seals); throws BatchFolderInvalidError on the first problem. */
export const verifyBatchFolder = async (dir: string, expect: "batch" | "shard"): Promise<BatchFolderView> => {
  const view = openBatchFolder(dir, expect)
  await readOutcomeRows(view, () => undefined)
  return view
}

export { OutputPathInvalidError }
