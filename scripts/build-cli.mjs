#!/usr/bin/env node
// Builds the installable `hashsim`: packages/cli/dist/hashsim.mjs (the CLI) and the Monte Carlo worker entries
// beside it, as plain ESM bundles that need neither tsx nor a TypeScript loader, so the command starts fast and
// runs from any folder. Command modules are loaded lazily (code splitting): a command loads only what it needs.
// Run by `pnpm install` (the root `prepare` script) and by `pnpm build`.
import { build } from "esbuild"
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const dist = join(root, "packages/cli/dist")
// Built in a staging folder of this process's own and swapped in whole at the end, so an interrupted build never
// leaves a dist/ that looks complete, nor removes the complete one, and two builds at once (two test runs in one
// checkout) do not write into each other's files.
const outdir = join(root, `packages/cli/.dist-staging-${process.pid}`)

// The worker pool finds its worker files next to its own module (`new URL("./PathWorker.ts", import.meta.url)`).
// In the bundle "its own module" is a chunk in dist/chunks/ (the commands that use it are imported lazily, so
// their code is always split out), so those names are pointed at the bundled workers in dist/; a check after the
// build fails it if the rewritten text lands anywhere else. Each rewrite must apply exactly once: a source that no
// longer holds the text fails the build rather than the run.
const rewrites = {
  "packages/montecarlo/src/WorkerPool.ts": [
    ['new URL("./WorkerBoot.mjs", import.meta.url)', 'new URL("../worker-boot.mjs", import.meta.url)'],
    ['new URL("./PathWorker.ts", import.meta.url)', 'new URL("../path-worker.mjs", import.meta.url)']
  ],
  "packages/montecarlo/src/SimPathRunner.ts": [
    ['new URL("./EngineRunner.ts", import.meta.url)', 'new URL("../engine-runner.mjs", import.meta.url)']
  ]
}

const workerUrls = {
  name: "bundled-worker-urls",
  setup(b) {
    b.onLoad({ filter: /packages\/montecarlo\/src\/(WorkerPool|SimPathRunner)\.ts$/ }, async (args) => {
      const rel = Object.keys(rewrites).find((k) => args.path.endsWith(k))
      let text = await readFile(args.path, "utf8")
      for (const [from, to] of rewrites[rel]) {
        if (text.split(from).length !== 2) throw new Error(`build-cli: expected one "${from}" in ${rel}; update scripts/build-cli.mjs`)
        text = text.replace(from, to)
      }
      return { contents: text, loader: "ts" }
    })
  }
}

await rm(outdir, { recursive: true, force: true })
const aside = join(root, `packages/cli/.dist-old-${process.pid}`)
try {
  await build({
    entryPoints: {
      hashsim: join(root, "packages/cli/src/main.ts"),
      "path-worker": join(root, "packages/montecarlo/src/PathWorker.ts"),
      "engine-runner": join(root, "packages/montecarlo/src/EngineRunner.ts")
    },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    chunkNames: "chunks/[name]-[hash]",
    // Bundled CommonJS dependencies call require(); give the ESM bundle one.
    banner: { js: 'import { createRequire as __hashsimCreateRequire } from "node:module"; const require = __hashsimCreateRequire(import.meta.url);' },
    plugins: [workerUrls],
    logLevel: "warning"
  })
  // The rewritten worker URLs are relative to dist/chunks/: every file that holds one must be there.
  for (const name of await readdir(outdir, { recursive: true })) {
    if (!name.endsWith(".mjs")) continue
    const text = await readFile(join(outdir, name), "utf8")
    const holds = Object.values(rewrites).flat().some(([, to]) => text.includes(to))
    if (holds && dirname(name) !== "chunks") throw new Error(`build-cli: ${name} holds a worker URL relative to dist/chunks/ but is not there; update scripts/build-cli.mjs`)
  }
  // The worker thread's entry: in the bundle there is nothing to register, only the worker module to import.
  await writeFile(join(outdir, "worker-boot.mjs"), 'import { workerData } from "node:worker_threads"\nawait import(workerData.entryUrl)\n')
  // A manifest that makes dist/ an installable package with no dependencies (everything is bundled):
  // `npm install -g ./packages/cli/dist` links `hashsim` onto the PATH.
  const cliManifest = JSON.parse(await readFile(join(root, "packages/cli/package.json"), "utf8"))
  await writeFile(join(outdir, "package.json"), JSON.stringify({
    name: "hashsim",
    version: cliManifest.version,
    private: true,
    type: "module",
    description: "Event-sourced simulator of Bitcoin mining hosting contracts (the built CLI)",
    bin: { hashsim: "hashsim.mjs" },
    engines: { node: ">=20.19.0" }
  }, null, 2) + "\n")

  // The swap: the old dist/ aside, the new one in, the old one removed. Another build may swap between the two
  // renames (dist/ then exists again): its output is set aside in turn and this one goes in.
  await rm(aside, { recursive: true, force: true })
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(dist, aside)
    } catch (e) {
      if (e.code !== "ENOENT") throw e
    }
    try {
      await rename(outdir, dist)
      break
    } catch (e) {
      if ((e.code !== "ENOTEMPTY" && e.code !== "EEXIST") || attempt >= 10) throw e
      await rm(aside, { recursive: true, force: true })
    }
  }
  await rm(aside, { recursive: true, force: true })
} catch (e) {
  await rm(outdir, { recursive: true, force: true })
  // Failed between the renames: the complete old dist/ goes back where it was.
  await rename(aside, dist).catch(() => undefined)
  throw e
}
