// The log on disk: one writer at a time (a lock file), appends that are checked by the decider first and written
// in one fsync'd write, so a crash can at worst leave a torn last line, which the reader reports.
import { Result } from "effect"
import { open, rm, stat } from "node:fs/promises"
import { decide, evolve } from "./Decider.ts"
import { encodeEntry, type PlannedEntry } from "./Envelope.ts"
import { initialState } from "./LedgerState.ts"
import { GENESIS_PREV, hashLine } from "./LogWriter.ts"
import { formatProblem, type LogProblem, validateLogFile } from "./LogValidator.ts"

/** Why an append was refused; `problems` are `file:line: field: message` lines. */
export class LogAppendError extends Error {
  readonly _tag = "LogAppendError"
  constructor(
    message: string,
    readonly problems: ReadonlyArray<string> = []
  ) {
    super(message)
  }
}

const exists = async (path: string): Promise<boolean> => {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

/**
 * Appends events to a log: the existing log must validate and not be sealed, and every new event must pass the
 * decider; then the lines (numbered and chained when the log is, or when it is new) go to the file in one write,
 * fsync'd. `seal` appends LogSealed after them. Another writer holding `<path>.lock` makes this fail fast.
 */
export const appendToLog = async (
  path: string,
  events: ReadonlyArray<PlannedEntry>,
  options: { readonly seal?: boolean } = {}
): Promise<{ readonly linesWritten: number }> => {
  const lockPath = `${path}.lock`
  let lock
  try {
    lock = await open(lockPath, "wx")
  } catch {
    throw new LogAppendError(`${path} is locked by another writer (${lockPath} exists)`)
  }
  try {
    const problems: Array<LogProblem> = []
    const fresh = !(await exists(path))
    const summary = fresh ? undefined : await validateLogFile(path, { onProblem: (p) => problems.push(p) })
    if (problems.length > 0) {
      throw new LogAppendError(`${path} does not validate; not appending`, problems.map((p) => formatProblem(path, p)))
    }
    if (summary?.sealed === true) throw new LogAppendError(`${path} is sealed; nothing may be appended`)
    // A new log is numbered and chained; an existing one keeps its shape (a hand-written scenario stays plain).
    const empty = summary === undefined || summary.lines === 0
    const chained = empty || summary.chained
    const numbered = empty || summary.numbered
    let state = summary?.state ?? initialState()
    let seq = summary?.lines ?? 0
    let prev = summary === undefined || summary.lines === 0 ? GENESIS_PREV : summary.lastHash
    let lastAt = summary?.lastAt
    const lines: Array<string> = []
    events.forEach((e, i) => {
      const decision = decide(state, e)
      if (Result.isFailure(decision)) {
        throw new LogAppendError(`event ${i + 1} (${e.type}) rejected: ${decision.failure.field}: ${decision.failure.message}`)
      }
      state = evolve(state, e)
      seq += 1
      const line = encodeEntry(chained ? { ...e, seq, prev } : numbered ? { ...e, seq } : e)
      prev = hashLine(line)
      lastAt = e.at
      lines.push(line)
    })
    if (options.seal === true) {
      if (!chained) throw new LogAppendError(`${path} is not chained; it cannot be sealed`)
      if (lastAt === undefined) throw new LogAppendError("cannot seal an empty log")
      seq += 1
      lines.push(encodeEntry({ seq, at: lastAt, type: "LogSealed", v: 1, data: { eventCount: seq - 1, lastHash: prev }, prev }))
    }
    if (lines.length > 0) {
      const handle = await open(path, "a")
      try {
        await handle.write(lines.join("\n") + "\n", null, "utf8")
        await handle.sync()
      } finally {
        await handle.close()
      }
    }
    return { linesWritten: lines.length }
  } finally {
    await lock.close()
    await rm(lockPath, { force: true })
  }
}

