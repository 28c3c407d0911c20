// Writes one file of a Monte Carlo folder as a stream while counting its bytes and hashing them (SHA-256), and
// fsyncs it on close, so the manifest can record what was written without reading it back.
import { createHash, type Hash } from "node:crypto"
import { createWriteStream, type WriteStream } from "node:fs"
import { once } from "node:events"
import { fsyncPathSync, writeFileDurableSync } from "@hashsim/ledger"
import type { FileSeal } from "./BatchManifest.ts"

export class SealedFileWriter {
  private readonly file: WriteStream
  private readonly done: Promise<void>
  private readonly hash: Hash = createHash("sha256")
  private bytes = 0

  constructor(private readonly path: string) {
    this.file = createWriteStream(path, { flags: "wx" })
    this.done = new Promise<void>((resolve, reject) => {
      this.file.on("close", () => resolve())
      this.file.on("error", reject)
    })
    this.done.catch(() => undefined)
  }

  /** Appends text (as UTF-8) or bytes; waits when the file falls behind. */
  async write(data: string | Uint8Array): Promise<void> {
    const chunk = typeof data === "string" ? Buffer.from(data, "utf8") : data
    this.hash.update(chunk)
    this.bytes += chunk.length
    if (!this.file.write(chunk)) await Promise.race([once(this.file, "drain"), this.done])
  }

  /** Appends bytes; waits when the file falls behind. */
  async writeBytes(chunk: Uint8Array): Promise<void> {
    this.hash.update(chunk)
    this.bytes += chunk.length
    if (!this.file.write(chunk)) await Promise.race([once(this.file, "drain"), this.done])
  }

  /** Ends the file, fsyncs it and returns its size and digest. */
  async close(): Promise<FileSeal> {
    this.file.end()
    await this.done
    fsyncPathSync(this.path)
    return { bytes: this.bytes, sha256: this.hash.digest("hex") }
  }

  /** Abandons the file (on failure or interruption); the caller removes it. */
  destroy(): void {
    this.file.destroy()
  }
}

/** Size and SHA-256 of a text as UTF-8. */
export const sealOfText = (text: string): FileSeal => {
  const bytes = Buffer.from(text, "utf8")
  return { bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") }
}

/** Writes a small file durably and returns its seal. */
export const writeSealedText = (path: string, text: string): FileSeal => {
  writeFileDurableSync(path, text)
  return sealOfText(text)
}

/** Writes a small binary file durably and returns its seal. */
export const writeSealedBytes = (path: string, bytes: Uint8Array): FileSeal => {
  writeFileDurableSync(path, bytes)
  return { bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") }
}
