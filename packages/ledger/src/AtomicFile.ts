// Writes a file so that an interrupted write never leaves something that looks complete: a temp file in the same
// folder, fsync'd, then renamed over the target (rename is atomic within a file system).
import { Data, Effect } from "effect"
import { mkdir, open, rename, rm } from "node:fs/promises"
import { basename, dirname, join } from "node:path"

export class FileWriteError extends Data.TaggedError("FileWriteError")<{
  readonly path: string
  readonly message: string
}> {}

let tempCounter = 0

/**
 * Writes `contents` (a string or chunks) to `path` atomically, creating its folder if needed (as users expect of
 * `--out runs/x.jsonl`). The temp file is removed on failure.
 */
export const writeFileAtomic = async (path: string, contents: string | Iterable<string>): Promise<void> => {
  await mkdir(dirname(path), { recursive: true })
  tempCounter += 1
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${tempCounter}.tmp`)
  const handle = await open(temp, "wx")
  try {
    if (typeof contents === "string") await handle.writeFile(contents, "utf8")
    else for (const chunk of contents) await handle.write(chunk, null, "utf8")
    await handle.sync()
    await handle.close()
    await rename(temp, path)
  } catch (error) {
    await handle.close().catch(() => undefined)
    await rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
}

/** `writeFileAtomic` as an Effect failing with FileWriteError. */
export const writeFileAtomicEffect = (path: string, contents: string | Iterable<string>): Effect.Effect<void, FileWriteError> =>
  Effect.tryPromise({
    try: () => writeFileAtomic(path, contents),
    catch: (e) => new FileWriteError({ path, message: e instanceof Error ? e.message : String(e) })
  })
