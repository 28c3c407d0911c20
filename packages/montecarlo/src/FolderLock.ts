// One writer at a time for an output folder: a lock file beside it (`.<name>.lock`), created exclusively, holding
// the writer's pid, host and process start time. A lock whose holder is gone (no such pid on this host, or the
// pid now belongs to a younger process) is stale and taken over; a live holder makes the second writer fail.
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs"
import { hostname } from "node:os"
import { basename, dirname, join } from "node:path"
import { Data } from "effect"

/** Another live process is writing the same output folder. */
export class OutputFolderLockedError extends Data.TaggedError("OutputFolderLockedError")<{ readonly message: string }> {}

interface LockHolder {
  readonly pid: number
  readonly host: string
  /** The holder process's start time (ms since 1970), from /proc where available, for pid-reuse detection. */
  readonly processStartMs: number | null
  readonly lockedAt: string
}

/** The lock file of output folder `dir`. */
export const lockFileOf = (dir: string): string => join(dirname(dir), `.${basename(dir)}.lock`)

/** Start time (ms since 1970) of process `pid`, from /proc/<pid>/stat and /proc/stat's btime; null off Linux. */
export const processStartMs = (pid: number): number | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
    // Field 22 (starttime, clock ticks since boot) counted after the command name, which may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    const ticks = Number(fields[19])
    const btime = Number(/^btime ([0-9]+)$/m.exec(readFileSync("/proc/stat", "utf8"))?.[1])
    // USER_HZ is 100 on every Linux ABI node runs on.
    return Number.isFinite(ticks) && Number.isFinite(btime) ? btime * 1000 + ticks * 10 : null
  } catch {
    return null
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"
  }
}

const readHolder = (file: string): { readonly text: string; readonly holder: LockHolder | undefined } | undefined => {
  let text: string
  try {
    text = readFileSync(file, "utf8")
  } catch {
    return undefined
  }
  try {
    const json = JSON.parse(text) as LockHolder
    return { text, holder: typeof json.pid === "number" && typeof json.host === "string" ? json : undefined }
  } catch {
    return { text, holder: undefined }
  }
}

/** Why a holder's lock no longer holds, or undefined while it does (or when this host cannot tell). */
const staleReason = (holder: LockHolder | undefined): string | undefined => {
  if (holder === undefined) return "unreadable"
  if (holder.host !== hostname()) return undefined
  if (!isAlive(holder.pid)) return `pid ${holder.pid} is gone`
  const started = processStartMs(holder.pid)
  // A live pid that started more than 2 s after the lock's holder did is another process that reused the pid.
  if (started !== null && holder.processStartMs !== null && started > holder.processStartMs + 2000) return `pid ${holder.pid} is another process now`
  return undefined
}

/** A held lock; `release` removes it (only if it is still ours). */
export interface FolderLock {
  readonly file: string
  readonly release: () => void
}

/** Takes the lock of output folder `dir` (its parent must exist), or throws OutputFolderLockedError. */
export const lockOutputFolder = (dir: string): FolderLock => {
  const file = lockFileOf(dir)
  const holder: LockHolder = { pid: process.pid, host: hostname(), processStartMs: processStartMs(process.pid), lockedAt: new Date().toISOString() }
  const text = `${JSON.stringify(holder)}\n`
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx")
      try {
        writeSync(fd, text)
      } finally {
        closeSync(fd)
      }
      return {
        file,
        release: () => {
          if (readHolder(file)?.text === text) rmSync(file, { force: true })
        }
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error
    }
    const held = readHolder(file)
    if (held === undefined) continue
    const reason = staleReason(held.holder)
    if (reason === undefined) {
      const h = held.holder as LockHolder
      throw new OutputFolderLockedError({
        message: `--out ${dir}: another hashsim (pid ${h.pid} on ${h.host}, since ${h.lockedAt}) is writing it; wait for it to finish (or, if that process is gone, remove ${file})`
      })
    }
    // Take the stale lock over: move it aside under a name of our own, and put it back if it changed meanwhile.
    const aside = `${file}.stale-${process.pid}`
    try {
      renameSync(file, aside)
    } catch {
      continue
    }
    if (readHolder(aside)?.text !== held.text) {
      try {
        linkSync(aside, file)
      } catch {
        // Someone created a fresh lock meanwhile; theirs stands.
      }
    }
    rmSync(aside, { force: true })
  }
  throw new OutputFolderLockedError({ message: `--out ${dir}: its lock ${file} keeps changing; another hashsim is writing it` })
}
