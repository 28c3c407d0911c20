// The sealed output folder of `compare` and `sweep`: the montecarlo package's folder writer (lock, staging folder,
// fsync, swap) with a manifest of its own kind. The manifest records what was run and the size and SHA-256 of every
// file it holds; an mc folder inside it is sealed by its own manifest.json, whose seal this one records.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseStrictJson } from "@hashsim/ledger"
import { beginSealedFolderWrite, OutputFolderBusyError, OutputPathInvalidError, type FileSeal, type SealedFolderWrite } from "@hashsim/montecarlo"
import { Effect } from "effect"
import { InputRejectedError, UsageError } from "../ExitCode.ts"

export const decisionManifestFileName = "manifest.json"

/** Opens `dir` for a folder of `format` (e.g. hashsim-compare-folder/1); a folder of anything else is refused. */
export const beginDecisionFolder = (dir: string, format: string): SealedFolderWrite =>
  beginSealedFolderWrite(dir, () => {
    if (!existsSync(dir) || readdirSync(dir).length === 0) return
    const file = join(dir, decisionManifestFileName)
    let held: unknown
    try {
      const parsed = parseStrictJson(readFileSync(file, "utf8"))
      held = "value" in parsed ? parsed.value : undefined
    } catch {
      held = undefined
    }
    const heldFormat = typeof held === "object" && held !== null ? (held as Record<string, unknown>)["format"] : undefined
    if (heldFormat !== format) {
      throw new OutputFolderBusyError({
        message: `--out ${dir}: already holds ${heldFormat === undefined ? "files that are not a hashsim output" : `a ${String(heldFormat)} folder`}, not a ${format} folder; choose another folder or remove its files`
      })
    }
  })

/**
 * The folder a decision command works in, released (abandoned unless published) when its scope closes: `--out`'s
 * sealed folder, or without --out a scratch folder (`hashsim-<command>-...` in the temp folder) that only holds the
 * batches while the table is made. A busy or unusable --out is a usage error; a failing write an input error.
 */
export const acquireDecisionFolder = (outDir: string | undefined, format: string, command: string) =>
  Effect.acquireRelease(
    Effect.try({
      try: (): SealedFolderWrite => {
        if (outDir !== undefined) return beginDecisionFolder(outDir, format)
        const scratch = mkdtempSync(join(tmpdir(), `hashsim-${command}-`))
        return { staging: scratch, publish: () => undefined, abandon: () => rmSync(scratch, { recursive: true, force: true }) }
      },
      catch: (error) =>
        error instanceof OutputFolderBusyError || error instanceof OutputPathInvalidError
          ? new UsageError({ message: (error as Error).message })
          : new InputRejectedError({ message: `cannot write --out ${outDir}: ${(error as Error).message}` })
    }),
    (f) => Effect.sync(() => f.abandon())
  )

/** manifest.json's text: the folder's format, what was run, and every file's seal (fixed key order, final newline). */
export const renderDecisionManifest = (format: string, fields: Record<string, unknown>, files: Readonly<Record<string, FileSeal>>): string =>
  `${JSON.stringify({ format, ...fields, files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) }, null, 2)}\n`

/** A label usable as a folder and file name: the scenario file's base name, made safe and unique among `taken`. */
export const uniqueLabel = (file: string, taken: Set<string>): string => {
  const base = (file.split("/").pop() ?? file).replace(/\.(ya?ml|jsonl)$/i, "").replace(/[^A-Za-z0-9._-]/g, "-").replace(/^[.-]+/, "") || "scenario"
  let label = base
  for (let k = 2; taken.has(label) || label === "manifest.json"; k++) label = `${base}-${k}`
  taken.add(label)
  return label
}
