// Writes a file so that an interrupted write never leaves something that looks complete: a temp file in the same
// folder, fsync'd, then renamed over the target (rename is atomic within a file system) and the folder fsync'd, so
// the rename itself survives a power cut. Also the durable-write helpers `mc` and `merge` share with `run`.
import { Data, Effect } from "effect"
import { closeSync, fsyncSync, lstatSync, openSync, writeSync } from "node:fs"
import { mkdir, open, rename, rm } from "node:fs/promises"
import { basename, dirname, join } from "node:path"

export class FileWriteError extends Data.TaggedError("FileWriteError")<{
  readonly path: string
  readonly message: string
}> {}

/** An output path names something that is neither a regular file nor a folder (a device, a fifo, a socket, a link). */
export class OutputPathInvalidError extends Data.TaggedError("OutputPathInvalidError")<{
  readonly path: string
  readonly message: string
}> {}

const kindOf = (path: string): "absent" | "file" | "folder" | string => {
  try {
    const st = lstatSync(path)
    if (st.isFile()) return "file"
    if (st.isDirectory()) return "folder"
    if (st.isSymbolicLink()) return "a symbolic link"
    if (st.isFIFO()) return "a fifo"
    if (st.isSocket()) return "a socket"
    if (st.isCharacterDevice() || st.isBlockDevice()) return "a device"
    return "not a regular file"
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "absent"
    throw error
  }
}

/**
 * Checks that an output path is absent or of the wanted kind: a regular file for a file output, a folder for a
 * folder output. Anything else (a device node, a fifo, a socket, a symbolic link that a rename would replace) is
 * refused, so `--out /dev/null` never replaces /dev/null.
 */
export const checkOutputPath = (path: string, wanted: "file" | "folder"): void => {
  const kind = kindOf(path)
  if (kind === "absent" || kind === wanted) return
  const is = kind === "file" ? "a regular file" : kind === "folder" ? "a folder" : kind
  throw new OutputPathInvalidError({ path, message: `--out ${path}: is ${is}, not ${wanted === "file" ? "a regular file" : "a folder"} path; name a ${wanted === "file" ? "file" : "folder"} to create or replace` })
}

/** fsyncs a file or folder by path (a folder's fsync makes the renames and creations inside it durable). */
export const fsyncPathSync = (path: string): void => {
  const fd = openSync(path, "r")
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Writes `text` (or bytes) to a new file at `path` and fsyncs it before returning. */
export const writeFileDurableSync = (path: string, text: string | Uint8Array): void => {
  const fd = openSync(path, "wx")
  try {
    const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

let tempCounter = 0

/**
 * Writes `contents` (a string or chunks) to `path` atomically, creating its folder if needed (as users expect of
 * `--out runs/x.jsonl`). The temp file is removed on failure. `path` must be absent or a regular file.
 */
export const writeFileAtomic = async (path: string, contents: string | Iterable<string>): Promise<void> => {
  checkOutputPath(path, "file")
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
    fsyncPathSync(dirname(path))
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
