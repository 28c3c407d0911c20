// The envelope of a log line ({seq, at, type, v, source?, data, prev?}), its canonical encoding (keys in the
// documented order, data keys in schema order, so equal events give equal bytes) and its decoding with upcasting.
import { Schema, SchemaIssue } from "effect"
import {
  currentSchemas, currentVersion, eventTypes, type EventType, isEventType, type LedgerEvent, upcasters, type UpcasterTable
} from "./Catalogue.ts"
import { didYouMean } from "./DidYouMean.ts"
import { atProblem } from "./TimeProblems.ts"
import { At, DecimalSeed, NonNegativeInt, Sha256Hex } from "./Units.ts"

/** Who or what produced an event: a person, an import, or the simulator with its seed and version. */
export const Source = Schema.Struct({
  by: Schema.String,
  version: Schema.optionalKey(Schema.String),
  modelVersion: Schema.optionalKey(NonNegativeInt),
  seed: Schema.optionalKey(DecimalSeed),
  engine: Schema.optionalKey(Schema.Literals(["block", "aggregate"]))
})
export type Source = typeof Source.Type

/** An event as an emitter hands it over: when it happens, what it is, optionally who produced it. */
export type PlannedEntry = LedgerEvent & { readonly at: string; readonly source?: Source }

/** A numbered line of a log. `prev` is absent only in hand-written scenarios. */
export type LogEntry = LedgerEvent & {
  readonly seq: number
  readonly at: string
  readonly source?: Source
  readonly prev?: string
}

/** A problem with one field of a line; `field` is a dotted path such as `data.hashrateThs` ("" for the whole line). */
export interface FieldProblem {
  readonly field: string
  readonly message: string
}

const envelopeKeys = new Set(["seq", "at", "type", "v", "source", "data", "prev"])
const parseOptions = { errors: "all", onExcessProperty: "error" } as const
const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

const issueProblems = (prefix: string, issue: SchemaIssue.Issue): Array<FieldProblem> =>
  formatter(issue).issues.map((i) => {
    const path = (i.path ?? []).map((p) => (typeof p === "object" && p !== null && "key" in p ? p.key : p))
    const field = [prefix, ...path.map(String)].filter((s) => s !== "").join(".")
    return { field, message: i.message }
  })

const decodeAt = Schema.decodeUnknownResult(At)
const decodeSeq = Schema.decodeUnknownResult(NonNegativeInt.check(Schema.isGreaterThan(0)))
const decodePrev = Schema.decodeUnknownResult(Sha256Hex)
const decodeSource = Schema.decodeUnknownResult(Source)
const dataDecoders = Object.fromEntries(
  Object.entries(currentSchemas).map(([t, s]) => [t, Schema.decodeUnknownResult(s as Schema.Codec<unknown, unknown>)])
) as Record<EventType, (u: unknown, o?: typeof parseOptions) => ReturnType<ReturnType<typeof Schema.decodeUnknownResult>>>
const dataEncoders = Object.fromEntries(
  Object.entries(currentSchemas).map(([t, s]) => [t, Schema.encodeSync(s as Schema.Codec<unknown, unknown>)])
) as Record<EventType, (a: unknown) => unknown>

const describe = (u: unknown): string => (u === null ? "null" : Array.isArray(u) ? "an array" : typeof u)

/** The raw envelope fields of a line that decoded (seq and prev as written, possibly absent). */
export type DecodedLine = LogEntry & { readonly seqWritten: boolean }

/**
 * Decodes one parsed JSON value as an envelope plus typed data, upcasting older versions through `table`.
 * `lineSeq` numbers lines without `seq` (hand-written scenarios). Returns the entry, or every problem found.
 * `table` and `versions` default to the catalogue's (tests pass their own to exercise upcasting).
 */
export const decodeEntry = (
  json: unknown,
  lineSeq: number,
  table: UpcasterTable = upcasters,
  versions: { readonly [K in EventType]: number } = currentVersion
): { readonly entry: DecodedLine } | { readonly problems: ReadonlyArray<FieldProblem> } => {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { problems: [{ field: "", message: `expected a JSON object, got ${describe(json)}` }] }
  }
  const o = json as Record<string, unknown>
  const problems: Array<FieldProblem> = []
  for (const k of Object.keys(o)) {
    if (!envelopeKeys.has(k)) problems.push({ field: k, message: "unknown envelope field" })
  }
  let seq = lineSeq
  if ("seq" in o) {
    const r = decodeSeq(o.seq)
    if (r._tag === "Failure") problems.push({ field: "seq", message: `expected an integer >= 1, got ${JSON.stringify(o.seq)}` })
    else seq = r.success
  }
  if (!("at" in o)) problems.push({ field: "at", message: "missing" })
  else if (decodeAt(o.at)._tag === "Failure") problems.push({ field: "at", message: atProblem(o.at) })
  if ("prev" in o && decodePrev(o.prev)._tag === "Failure") {
    problems.push({ field: "prev", message: "expected 64 lowercase hex digits" })
  }
  let source: Source | undefined
  if ("source" in o) {
    const r = decodeSource(o.source, parseOptions)
    if (r._tag === "Failure") problems.push(...issueProblems("source", r.failure.issue))
    else source = r.success
  }
  let type: EventType | undefined
  if (!("type" in o)) problems.push({ field: "type", message: "missing" })
  else if (typeof o.type !== "string" || !isEventType(o.type)) {
    problems.push({ field: "type", message: `unknown event type ${JSON.stringify(o.type)}${typeof o.type === "string" ? didYouMean(o.type, eventTypes) : ""}` })
  } else type = o.type
  let v: number | undefined
  if (!("v" in o)) problems.push({ field: "v", message: "missing" })
  else if (typeof o.v !== "number" || !Number.isSafeInteger(o.v) || o.v < 1) {
    problems.push({ field: "v", message: `expected a version >= 1, got ${JSON.stringify(o.v)}` })
  } else v = o.v
  let data: unknown
  if (!("data" in o)) problems.push({ field: "data", message: "missing" })
  else if (type !== undefined && v !== undefined) {
    let raw: unknown = o.data
    let version = v
    const current = versions[type]
    while (version < current) {
      const up = table[type]?.[version]
      if (up === undefined) break
      raw = up.upcast(raw)
      version = up.to
    }
    if (version !== current) {
      problems.push({ field: "v", message: `no version ${v} of ${type} (current is ${current})` })
    } else {
      const r = dataDecoders[type](raw, parseOptions)
      if (r._tag === "Failure") problems.push(...issueProblems("data", (r.failure as Schema.SchemaError).issue))
      else data = r.success
    }
  }
  if (problems.length > 0 || type === undefined) return { problems }
  const entry = {
    seq,
    at: o.at as string,
    type,
    v: versions[type],
    ...(source !== undefined ? { source } : {}),
    data,
    ...("prev" in o ? { prev: o.prev as string } : {}),
    seqWritten: "seq" in o
  } as unknown as DecodedLine
  return { entry }
}

const encodeSource = Schema.encodeSync(Source)

/**
 * The canonical line of an entry (no newline): `{"seq","at","type","v","source"?,"data","prev"?}` in that order,
 * data re-encoded through its schema (keys in schema order, unknown keys dropped). `seq` is omitted when absent.
 */
export const encodeEntry = (entry: {
  readonly seq?: number
  readonly at: string
  readonly type: EventType
  readonly v: number
  readonly source?: Source
  readonly data: unknown
  readonly prev?: string
}): string => {
  let line = "{"
  if (entry.seq !== undefined) line += `"seq":${entry.seq},`
  line += `"at":${JSON.stringify(entry.at)},"type":${JSON.stringify(entry.type)},"v":${entry.v}`
  if (entry.source !== undefined) line += `,"source":${JSON.stringify(encodeSource(entry.source))}`
  line += `,"data":${JSON.stringify(dataEncoders[entry.type](entry.data))}`
  if (entry.prev !== undefined) line += `,"prev":${JSON.stringify(entry.prev)}`
  return line + "}"
}
