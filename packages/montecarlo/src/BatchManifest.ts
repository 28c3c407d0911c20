// manifest.json: the seal of a Monte Carlo output folder. It says how the rows were made (hashsim and model version,
// scenario digest, engine, master seed, path range, columns) and the size and SHA-256 of every other file, so a
// reader can tell a complete folder from an edited, truncated or mixed one. Decoded with Effect Schema; problems
// name the file, the line (1: the manifest is written as one JSON document) and the field.
import { Schema, SchemaIssue } from "effect"
import { parseStrictJson } from "@hashsim/ledger"
import type { OutcomeColumn } from "./PathRunner.ts"
import { formatShard, parseShard, type Shard } from "./Shard.ts"
import type { BatchIdentity } from "./Summary.ts"

export const manifestFileName = "manifest.json"
export const outcomesFileName = "outcomes.csv"
export const summaryFileName = "summary.json"
export const manifestFormat = "hashsim-mc-folder/1"

/** A file of the folder as the manifest records it. */
export interface FileSeal {
  readonly bytes: number
  readonly sha256: string
}

export interface BatchManifest extends BatchIdentity {
  /** The shard this folder holds, or undefined for a whole batch (which then holds summary.json). */
  readonly shard: Shard | undefined
  readonly pathStart: number
  readonly pathEnd: number
  readonly columns: ReadonlyArray<OutcomeColumn>
  /** Every file of the folder but the manifest, by name. */
  readonly files: Readonly<Record<string, FileSeal>>
}

const SafeInt = Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0), Schema.isLessThanOrEqualTo(Number.MAX_SAFE_INTEGER))
const Sha256 = Schema.String.check(Schema.isPattern(/^[0-9a-f]{64}$/))
const ShardText = Schema.String.check(Schema.isPattern(/^[1-9][0-9]*\/[1-9][0-9]*$/))

const ManifestJson = Schema.Struct({
  format: Schema.Literal(manifestFormat),
  hashsimVersion: Schema.String,
  modelVersion: Schema.NullOr(SafeInt),
  scenarioSha256: Sha256,
  engine: Schema.String.check(Schema.isPattern(/^[a-z][a-z0-9-]{0,31}$/)),
  masterSeed: SafeInt,
  paths: SafeInt,
  shard: Schema.NullOr(ShardText),
  pathStart: SafeInt,
  pathEnd: SafeInt,
  seedDerivation: Schema.String,
  columns: Schema.Array(Schema.Struct({ name: Schema.String, kind: Schema.Literals(["number", "date"]) })),
  files: Schema.Record(Schema.String, Schema.Struct({ bytes: SafeInt, sha256: Sha256 }))
})

/** How path seeds were derived (PathSeed.ts); a reader rechecks every row's seed with it. */
export const seedDerivation = "splitmix64(splitmix64(masterSeed) + (path + 1) * 0x9E3779B97F4A7C15) >> 11"

/** The bytes of manifest.json: fixed key order, two-space indent, a final newline. */
export const renderManifestJson = (manifest: BatchManifest): string =>
  `${JSON.stringify({
    format: manifestFormat,
    hashsimVersion: manifest.hashsimVersion,
    modelVersion: manifest.modelVersion ?? null,
    scenarioSha256: manifest.scenarioSha256,
    engine: manifest.engine,
    masterSeed: manifest.masterSeed,
    paths: manifest.paths,
    shard: manifest.shard === undefined ? null : formatShard(manifest.shard),
    pathStart: manifest.pathStart,
    pathEnd: manifest.pathEnd,
    seedDerivation,
    columns: manifest.columns.map((column) => ({ name: column.name, kind: column.kind })),
    files: manifest.files
  }, null, 2)}\n`

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

/** The first problem of a Schema issue as `field: message` (the field a dotted path, "line" for the whole document). */
export const firstProblem = (issue: SchemaIssue.Issue): string => {
  const first = formatter(issue).issues[0]
  const path = (first?.path ?? []).map((p) => (typeof p === "object" && p !== null && "key" in p ? String(p.key) : String(p)))
  return `${path.length === 0 ? "line" : path.join(".")}: ${first?.message ?? "invalid"}`
}

const decodeManifestJson = Schema.decodeUnknownResult(ManifestJson)

/** Decodes manifest.json's text; returns the manifest or `field: message` of the first problem. */
export const decodeManifest = (text: string): { readonly manifest: BatchManifest } | { readonly problem: string } => {
  // Strict: a key given twice (JSON.parse would keep the last), deep nesting and inexact numbers are refused.
  const parsed = parseStrictJson(text)
  if (!("value" in parsed)) return { problem: `${parsed.field}: ${parsed.message}` }
  const json = parsed.value
  const result = decodeManifestJson(json, { errors: "first", onExcessProperty: "error" })
  if (result._tag === "Failure") return { problem: firstProblem(result.failure.issue) }
  const m = result.success
  const shard = m.shard === null ? undefined : parseShard(m.shard)
  if (!(m.pathStart <= m.pathEnd && m.pathEnd <= m.paths)) return { problem: `pathEnd: the range ${m.pathStart}..${m.pathEnd} is not within 0..${m.paths}` }
  if (shard === undefined && (m.pathStart !== 0 || m.pathEnd !== m.paths)) return { problem: `pathStart: a whole batch holds paths 0..${m.paths}` }
  if (m.seedDerivation !== seedDerivation) return { problem: `seedDerivation: not this hashsim's (${seedDerivation})` }
  return {
    manifest: {
      hashsimVersion: m.hashsimVersion,
      modelVersion: m.modelVersion ?? undefined,
      scenarioSha256: m.scenarioSha256,
      engine: m.engine,
      masterSeed: m.masterSeed,
      paths: m.paths,
      shard,
      pathStart: m.pathStart,
      pathEnd: m.pathEnd,
      columns: m.columns,
      files: m.files
    }
  }
}
