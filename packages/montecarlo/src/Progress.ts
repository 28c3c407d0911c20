// Progress of a batch on stderr: a redrawn bar with rate and ETA when stderr is a terminal, otherwise a plain
// line at every 10% and at least every 30 s (logs of job-array schedulers stay short but show life). Time comes in
// as a clock function; nothing here reaches the output files.

export interface ProgressSink {
  readonly isTTY: boolean
  write(text: string): void
}

export interface ProgressReporter {
  update(done: number, total: number): void
  finish(): void
}

const formatDuration = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return "--:--"
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const r = s % 60
  const mm = String(m).padStart(2, "0")
  const ss = String(r).padStart(2, "0")
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
}

/** A reporter for `label` (e.g. "mc shard 2/7") writing to `sink`, timed by `nowMs`. */
export const progressReporter = (sink: ProgressSink, label: string, nowMs: () => number): ProgressReporter => {
  const started = nowMs()
  let lastDraw = -Infinity
  let lastDecile = -1
  let lastLineAt = started
  let lastLine = ""
  const line = (done: number, total: number): string => {
    const elapsed = (nowMs() - started) / 1000
    const rate = elapsed > 0 ? done / elapsed : 0
    const eta = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY
    const fraction = total === 0 ? 1 : done / total
    return `${label}: ${done}/${total} paths (${(fraction * 100).toFixed(0)}%), ${rate.toFixed(0)} paths/s, elapsed ${formatDuration(elapsed)}, ETA ${formatDuration(eta)}`
  }
  return {
    update(done, total) {
      if (sink.isTTY) {
        const now = nowMs()
        if (now - lastDraw < 100 && done < total) return
        lastDraw = now
        const fraction = total === 0 ? 1 : done / total
        const width = 30
        const filled = Math.round(fraction * width)
        lastLine = `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${line(done, total)}\x1b[K`
        sink.write(lastLine)
      } else {
        const decile = total === 0 ? 10 : Math.floor((done * 10) / total)
        const now = nowMs()
        if (decile === lastDecile && now - lastLineAt < 30_000) return
        lastDecile = decile
        lastLineAt = now
        sink.write(`${line(done, total)}\n`)
      }
    },
    finish() {
      if (sink.isTTY && lastLine !== "") sink.write("\n")
    }
  }
}
