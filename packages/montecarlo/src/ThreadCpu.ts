// CPU seconds spent by the calling thread alone (user + system), so a batch can say how much the coordinating
// main thread costs next to each worker. Linux reads /proc/thread-self/stat (clock ticks, 10 ms); elsewhere the
// answer is undefined (Node 20 has no per-thread CPU clock; process.threadCpuUsage arrived in Node 23.9).
import { readFileSync } from "node:fs"

/** Linux's USER_HZ, the unit of utime and stime in /proc/<pid>/task/<tid>/stat on every architecture Node runs on. */
const ticksPerSecond = 100

/** This thread's CPU seconds so far, or undefined where the system does not say. */
export const threadCpuSeconds = (): number | undefined => {
  let text: string
  try {
    text = readFileSync("/proc/thread-self/stat", "utf8")
  } catch {
    return undefined
  }
  // Fields after the command name (which may hold spaces, so split after its closing parenthesis): state is
  // field 3; utime and stime are fields 14 and 15 (proc(5)).
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ")
  const user = Number(fields[11])
  const system = Number(fields[12])
  return Number.isFinite(user) && Number.isFinite(system) ? (user + system) / ticksPerSecond : undefined
}
