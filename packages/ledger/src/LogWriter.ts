// Numbers events, chains each line to the previous one by SHA-256 and appends the LogSealed seal: the in-memory
// half of writing a complete log, so the simulator produces the exact bytes any tool would write.
import { createHash } from "node:crypto"
import { currentVersion } from "./Catalogue.ts"
import { encodeEntry, type PlannedEntry } from "./Envelope.ts"
import { parseAtS } from "./Time.ts"

/** `prev` of line 1. */
export const GENESIS_PREV = "0".repeat(64)

/** Lowercase hex SHA-256 of a line's bytes (UTF-8, newline excluded). */
export const hashLine = (line: string): string => createHash("sha256").update(line, "utf8").digest("hex")

/**
 * Builds a chained log line by line. `append` returns the line it wrote (no newline); `seal` appends LogSealed
 * (at the time of the last event, with no `source`) and closes the writer. Continue an existing log by passing
 * the number of lines already written and the hash of the last one.
 */
export class LogWriter {
  private count: number
  private lastHash: string
  private lastAt: string | undefined
  private sealed = false
  private readonly out: Array<string> = []

  constructor(start: { readonly lineCount: number; readonly lastHash: string; readonly lastAt?: string } = {
    lineCount: 0,
    lastHash: GENESIS_PREV
  }) {
    this.count = start.lineCount
    this.lastHash = start.lastHash
    this.lastAt = start.lastAt
  }

  /** Numbers, chains and encodes one event; throws if the data does not fit its schema, `at` is
   * malformed or earlier than the previous event's, or the log is sealed. */
  append(entry: PlannedEntry): string {
    if (this.sealed) throw new Error("LogWriter: the log is sealed")
    const atS = parseAtS(entry.at)
    if (atS === undefined) throw new Error(`LogWriter: at ${JSON.stringify(entry.at)} is not YYYY-MM-DDTHH:MM:SSZ`)
    if (this.lastAt !== undefined && atS < (parseAtS(this.lastAt) ?? 0)) {
      throw new Error(`LogWriter: at ${entry.at} is before the previous event's ${this.lastAt}`)
    }
    const line = encodeEntry({ ...entry, seq: this.count + 1, prev: this.lastHash })
    this.count += 1
    this.lastHash = hashLine(line)
    this.lastAt = entry.at
    this.out.push(line)
    return line
  }

  /** Appends `LogSealed` ({eventCount, lastHash}) and closes the writer. */
  seal(): string {
    if (this.lastAt === undefined) throw new Error("LogWriter: cannot seal an empty log")
    const line = encodeEntry({
      seq: this.count + 1,
      at: this.lastAt,
      type: "LogSealed",
      v: currentVersion.LogSealed,
      data: { eventCount: this.count, lastHash: this.lastHash },
      prev: this.lastHash
    })
    this.sealed = true
    this.count += 1
    this.lastHash = hashLine(line)
    this.out.push(line)
    return line
  }

  /** Lines written so far by this writer (without newlines). */
  get lines(): ReadonlyArray<string> {
    return this.out
  }

  /** Lines written so far, each ending in "\n" — the exact file contents. */
  text(): string {
    return this.out.length === 0 ? "" : this.out.join("\n") + "\n"
  }

  get lineCount(): number {
    return this.count
  }

  get hashOfLastLine(): string {
    return this.lastHash
  }

  get isSealed(): boolean {
    return this.sealed
  }
}

/** The complete log of a sequence of events: numbered, chained, sealed; each line ends in "\n". */
export const completeLogText = (entries: Iterable<PlannedEntry>): string => {
  const w = new LogWriter()
  for (const e of entries) w.append(e)
  w.seal()
  return w.text()
}

/** Numbered and chained lines of a sequence of events, without a seal (a scenario written by the tools). */
export const chainedLines = (entries: Iterable<PlannedEntry>): ReadonlyArray<string> => {
  const w = new LogWriter()
  for (const e of entries) w.append(e)
  return w.lines
}
