// `hashsim --help` and every command load only what they need: main.ts and the command descriptors it imports
// reach, through their value imports, no command's handler module and no package of the simulator, so the
// start-up cost is effect/cli's alone. Checked on the sources, following every static value import.
import { readFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const src = join(dirname(fileURLToPath(import.meta.url)), "../src")

/** The specifiers of a module's static value imports and re-exports (`import type` and dynamic `import()` are not loaded at start-up). */
const valueImports = (text: string): Array<string> => {
  const found: Array<string> = []
  const statement = /^(?:import|export)\s+(type\s+)?[^;]*?\bfrom\s+"([^"]+)"|^import\s+"([^"]+)"/gms
  for (const m of text.matchAll(statement)) {
    if (m[1] !== undefined) continue
    found.push((m[2] ?? m[3]) as string)
  }
  return found
}

/** Every module main.ts loads before a command runs: relative files followed, packages listed by specifier. */
const startupClosure = (): { files: Set<string>; packages: Set<string> } => {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string): void => {
    if (files.has(file)) return
    files.add(file)
    for (const spec of valueImports(readFileSync(file, "utf8"))) {
      if (spec.startsWith(".")) visit(resolve(dirname(file), spec))
      else packages.add(spec)
    }
  }
  visit(join(src, "main.ts"))
  return { files, packages }
}

describe("the CLI's start-up", () => {
  it("loads the command descriptors but no handler module and no simulator package", () => {
    const { files, packages } = startupClosure()
    const names = [...files].map((f) => f.slice(src.length + 1)).sort()
    expect(names).toContain("commands/McCommand.ts")
    expect(names.filter((n) => n.endsWith("Handler.ts") || n.startsWith("report/") || n.startsWith("check/"))).toEqual([])
    const allowed = new Set(["effect", "effect/cli", "@effect/platform-node/NodeRuntime", "@effect/platform-node/NodeServices", "@hashsim/ledger/safe-text"])
    expect([...packages].filter((p) => !allowed.has(p) && !p.startsWith("node:") && !p.endsWith(".json"))).toEqual([])
  })

  it("has a handler module for every command, imported lazily by its descriptor", () => {
    const descriptors = [...startupClosure().files].filter((f) => f.endsWith("Command.ts"))
    expect(descriptors.length).toBeGreaterThanOrEqual(10)
    for (const file of descriptors) {
      const text = readFileSync(file, "utf8")
      const handler = /import\("\.\/(\w+Handler\.ts)"\)/.exec(text)
      expect(handler, file).not.toBeNull()
    }
  })
})
