// Checks a log line by line — bytes, JSON, envelope and schema, seq, time order, the hash chain, the decider
// rules and the seal — and reports every problem with its line and field. Incremental, so a stream of any size
// is checked in constant memory (plus the ledger state).
import { Result } from "effect"
import { createHash } from "node:crypto"
import { generatedOnlyTypes } from "./Catalogue.ts"
import { decide, evolve } from "./Decider.ts"
import { decodeEntry, encodeEntry, type LogEntry } from "./Envelope.ts"
import { KnockOnFilter } from "./KnockOn.ts"
import { initialState, type LedgerState } from "./LedgerState.ts"
import { linesOfFile, linesOfText, MAX_LINE_BYTES, type RawLine } from "./LineReader.ts"
import { GENESIS_PREV } from "./LogWriter.ts"
import { escapeControls } from "./SafeText.ts"
import { parseStrictJson } from "./StrictJson.ts"

/** One problem: `file:line: field: message` once printed. `field` is "line" for the line as a whole. */
export interface LogProblem {
  readonly line: number
  readonly field: string
  readonly message: string
}

/**
 * `file:line: field: message`, on one printable line: messages quote user data (ids, keys, JSON snippets), so
 * control and bidi characters are escaped (SafeText) whatever the log holds.
 */
export const formatProblem = (file: string, p: LogProblem): string =>
  `${escapeControls(file)}:${p.line}: ${escapeControls(p.field)}: ${escapeControls(p.message)}`

export interface LogSummary {
  readonly lines: number
  /** Events decoded (the seal excluded). */
  readonly events: number
  readonly problems: number
  /** Every line carries `seq` (decided by line 1). */
  readonly numbered: boolean
  /** Every line carries `prev` (decided by line 1). */
  readonly chained: boolean
  readonly sealed: boolean
  /** Holds generated events, so it must be sealed. */
  readonly complete: boolean
  /** SHA-256 of the last line read ("" for an empty log). */
  readonly lastHash: string
  readonly lastAt: string | undefined
  readonly state: LedgerState
}

// ignoreBOM: a byte-order mark stays in the text, so one before any line (the seal's included) is seen and refused.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true })
const sha256 = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex")

/**
 * Feed lines in order with `push`, then call `finish`. Problems go to `onProblem` as they are found; every
 * accepted event goes to `onEntry` with the state after it (how replay folds a log it validates).
 */
export class LogValidator {
  private state: LedgerState = initialState()
  private lineCount = 0
  private events = 0
  private problemCount = 0
  private prevHash: string | undefined = GENESIS_PREV
  private chained: boolean | undefined
  private numbered: boolean | undefined
  private sealedAt = 0
  private complete = false
  private lastLineTorn = false
  private lastAt: string | undefined
  private readonly knockOn = new KnockOnFilter()

  constructor(
    private readonly onProblem: (p: LogProblem) => void,
    private readonly onEntry?: (entry: LogEntry, stateAfter: LedgerState) => void,
    private readonly maxLineBytes: number = MAX_LINE_BYTES
  ) {}

  private problem(line: number, field: string, message: string): void {
    this.problemCount += 1
    this.onProblem({ line, field, message })
  }

  push(raw: RawLine): void {
    const n = raw.lineNo
    this.lineCount = n
    const expectedPrev = this.prevHash
    this.prevHash = raw.bytes === null ? undefined : sha256(raw.bytes)
    if (raw.bytes === null) {
      this.problem(n, "line", `line of ${raw.length} bytes is longer than the ${this.maxLineBytes}-byte limit; not read`)
      return
    }
    if (!raw.terminated) {
      this.lastLineTorn = true
      this.problem(n, "line", "torn last line: the file does not end with a newline (an interrupted write?)")
      return
    }
    let text: string
    try {
      text = utf8.decode(raw.bytes)
    } catch {
      this.problem(n, "line", "not valid UTF-8")
      return
    }
    if (text.length === 0) {
      this.problem(n, "line", "empty line")
      return
    }
    if (text.charCodeAt(0) === 0xfeff) {
      this.problem(n, "line", "starts with a byte-order mark (U+FEFF); save the log as UTF-8 without BOM")
      return
    }
    const parsed = parseStrictJson(text)
    if (!("value" in parsed)) {
      this.problem(n, parsed.field, parsed.message)
      return
    }
    const json = parsed.value
    const hasSeq = typeof json === "object" && json !== null && "seq" in json
    const hasPrev = typeof json === "object" && json !== null && "prev" in json
    // Line 1 decides whether the log is numbered and chained; every later line must agree.
    this.numbered ??= hasSeq
    this.chained ??= hasPrev
    if (hasSeq !== this.numbered) {
      this.problem(n, "seq", this.numbered ? "missing (line 1 has one: a log numbers every line or none)" : "line 1 has no seq: a log numbers every line or none")
    }
    if (hasPrev !== this.chained) {
      this.problem(n, "prev", this.chained ? "missing (line 1 has one: a log chains every line or none)" : "line 1 has no prev: a log chains every line or none")
    }
    const decoded = decodeEntry(json, n)
    if ("problems" in decoded) {
      for (const p of decoded.problems) this.problem(n, p.field === "" ? "line" : p.field, p.message)
      this.knockOn.noteUndecoded(json)
      return
    }
    const entry = decoded.entry
    if (entry.seqWritten && entry.seq !== n) this.problem(n, "seq", `expected ${n} (lines count from 1 without gaps), got ${entry.seq}`)
    if (entry.prev !== undefined && expectedPrev !== undefined && entry.prev !== expectedPrev) {
      this.problem(n, "prev", n === 1
        ? "line 1's prev must be 64 zeros"
        : `not the SHA-256 of line ${n - 1} (a line was edited, removed or reordered)`)
    }
    if (generatedOnlyTypes.has(entry.type) || entry.source?.engine !== undefined) this.complete = true
    if (entry.type === "LogSealed") {
      this.sealedAt = n
      if (!this.chained) this.problem(n, "type", "LogSealed in a log that is not chained")
      if (expectedPrev !== undefined && entry.data.lastHash !== expectedPrev) {
        this.problem(n, "data.lastHash", `not the SHA-256 of line ${n - 1}`)
      }
      if (entry.source !== undefined) this.problem(n, "source", "LogSealed carries no source")
      // The seal has no successor to vouch for its bytes, so they must be exactly the canonical encoding.
      const { seqWritten: _, ...plain } = entry
      if (encodeEntry(plain) !== text) this.problem(n, "line", "LogSealed is not in canonical form")
    }
    // The seal counts lines, including any that did not decode (and so never reached the state).
    if (entry.type === "LogSealed") this.state = { ...this.state, eventCount: n - 1 }
    const decision = decide(this.state, entry)
    if (Result.isFailure(decision) && !this.knockOn.isKnockOn(entry, decision.failure)) this.problem(n, decision.failure.field, decision.failure.message)
    // A rejected event is applied anyway (evolve is total): one fault gives one problem, not a cascade over every
    // later line that depends on it. An invalid log yields no report, so nothing is built on that state.
    this.state = evolve(this.state, entry)
    this.lastAt = entry.at
    if (entry.type !== "LogSealed") this.events += 1
    if (Result.isSuccess(decision)) {
      const { seqWritten: _, ...plain } = entry
      this.onEntry?.(plain as LogEntry, this.state)
    }
  }

  finish(): LogSummary {
    if (this.lineCount === 0) this.problem(1, "line", "empty log: a log starts with ScenarioStarted")
    else if (this.complete && this.sealedAt === 0) {
      this.problem(this.lineCount, "line", `truncated: a complete log ends with LogSealed${this.lastLineTorn ? "" : " (it is missing)"}`)
    }
    return {
      lines: this.lineCount,
      events: this.events,
      problems: this.problemCount,
      numbered: this.numbered ?? false,
      chained: this.chained ?? false,
      sealed: this.sealedAt > 0,
      complete: this.complete,
      lastHash: this.prevHash ?? "",
      lastAt: this.lastAt,
      state: this.state
    }
  }
}

export interface ValidateOptions {
  readonly onProblem?: (p: LogProblem) => void
  readonly onEntry?: (entry: LogEntry, stateAfter: LedgerState) => void
  readonly maxLineBytes?: number
}

/** Validates a log file, streamed; resolves with the summary (problems were passed to onProblem). */
export const validateLogFile = async (path: string, options: ValidateOptions = {}): Promise<LogSummary> => {
  const max = options.maxLineBytes ?? MAX_LINE_BYTES
  const v = new LogValidator(options.onProblem ?? (() => undefined), options.onEntry, max)
  for await (const line of linesOfFile(path, max)) v.push(line)
  return v.finish()
}

/** Validates an in-memory log; returns the summary and every problem. */
export const validateLogText = (
  text: string | Buffer,
  options: Omit<ValidateOptions, "onProblem"> = {}
): { readonly summary: LogSummary; readonly problems: ReadonlyArray<LogProblem> } => {
  const problems: Array<LogProblem> = []
  const max = options.maxLineBytes ?? MAX_LINE_BYTES
  const v = new LogValidator((p) => problems.push(p), options.onEntry, max)
  for (const line of linesOfText(text, max)) v.push(line)
  return { summary: v.finish(), problems }
}
