// Writes outcomes.csv as it streams in: the header, then each chunk's bytes (formatted by a worker, OutcomesText)
// in path order, counted and hashed on the way (SealedFile) so the manifest can seal it.
import type { FileSeal } from "./BatchManifest.ts"
import { outcomesHeaderText } from "./OutcomesText.ts"
import type { OutcomeColumn } from "./PathRunner.ts"
import { SealedFileWriter } from "./SealedFile.ts"

export class OutcomesWriter {
  private readonly file: SealedFileWriter
  private readonly started: Promise<void>

  constructor(path: string, columns: ReadonlyArray<OutcomeColumn>) {
    this.file = new SealedFileWriter(path)
    this.started = this.file.write(outcomesHeaderText(columns))
    this.started.catch(() => undefined)
  }

  /** Appends a chunk's rows (CSV bytes); waits when the file falls behind. */
  async writeChunk(bytes: Uint8Array): Promise<void> {
    await this.started
    await this.file.write(bytes)
  }

  /** Ends the file, waits until every byte is on disk (fsync) and returns its size and digest. */
  async close(): Promise<FileSeal> {
    await this.started
    return await this.file.close()
  }

  /** Abandons the file (on failure or interruption); the caller removes it. */
  destroy(): void {
    this.file.destroy()
  }
}
