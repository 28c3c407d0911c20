// Splits a byte stream into lines without ever holding more than one capped line: a line longer than the cap is
// skipped to its newline and reported, so a 50 MB line costs no more memory than a short one.
import { createReadStream } from "node:fs"

/** The longest line the tools read (bytes, newline excluded). */
export const MAX_LINE_BYTES = 4 * 1024 * 1024

export interface RawLine {
  /** 1-based line number. */
  readonly lineNo: number
  /** The line's bytes without the newline, or null when it was longer than the cap. */
  readonly bytes: Buffer | null
  /** The line's length in bytes (counted even when skipped). */
  readonly length: number
  /** Whether a newline ended it (false only for a last line the file does not end with a newline). */
  readonly terminated: boolean
}

/** Lines of a sequence of byte chunks. */
export async function* linesOfChunks(
  chunks: AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string>,
  maxLineBytes: number = MAX_LINE_BYTES
): AsyncGenerator<RawLine> {
  let parts: Array<Buffer> = []
  let length = 0
  let tooLong = false
  let lineNo = 0
  for await (const raw of chunks) {
    const chunk = typeof raw === "string" ? Buffer.from(raw, "utf8") : Buffer.isBuffer(raw) ? raw : Buffer.from(raw)
    let start = 0
    while (start <= chunk.length) {
      const nl = chunk.indexOf(0x0a, start)
      const end = nl === -1 ? chunk.length : nl
      const piece = end - start
      if (!tooLong) {
        if (length + piece > maxLineBytes) {
          tooLong = true
          parts = []
        } else if (piece > 0) parts.push(chunk.subarray(start, end))
      }
      length += piece
      if (nl === -1) break
      lineNo += 1
      yield { lineNo, bytes: tooLong ? null : Buffer.concat(parts, length), length, terminated: true }
      parts = []
      length = 0
      tooLong = false
      start = nl + 1
    }
  }
  if (length > 0 || tooLong) {
    lineNo += 1
    yield { lineNo, bytes: tooLong ? null : Buffer.concat(parts, length), length, terminated: false }
  }
}

/** Lines of a file, streamed in 64 KiB chunks. */
export const linesOfFile = (path: string, maxLineBytes: number = MAX_LINE_BYTES): AsyncGenerator<RawLine> =>
  linesOfChunks(createReadStream(path, { highWaterMark: 64 * 1024 }), maxLineBytes)

/** Lines of an in-memory text (tests, the simulator's own output). */
export function* linesOfText(text: string | Buffer, maxLineBytes: number = MAX_LINE_BYTES): Generator<RawLine> {
  const buf = typeof text === "string" ? Buffer.from(text, "utf8") : text
  let lineNo = 0
  let start = 0
  while (start < buf.length) {
    const nl = buf.indexOf(0x0a, start)
    const end = nl === -1 ? buf.length : nl
    lineNo += 1
    const length = end - start
    yield { lineNo, bytes: length > maxLineBytes ? null : buf.subarray(start, end), length, terminated: nl !== -1 }
    start = end + 1
  }
}
