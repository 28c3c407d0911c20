// The sealed output folder of `compare` and `sweep`: the montecarlo package's folder writer (lock, staging folder,
// fsync, swap) with a manifest of its own kind. The manifest records what was run and the size and SHA-256 of every
// file it holds; an mc folder inside it is sealed by its own manifest.json, whose seal this one records.
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { parseStrictJson } from "@hashsim/ledger"
import { beginSealedFolderWrite, OutputFolderBusyError, type FileSeal, type SealedFolderWrite } from "@hashsim/montecarlo"

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
