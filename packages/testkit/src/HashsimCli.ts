// How tests start the real `hashsim` in a child process: the built bundle (packages/cli/dist/hashsim.mjs), which
// starts in ~0.15 s where `node --import tsx packages/cli/src/main.ts` compiles TypeScript first (~0.75 s) on every
// start. The bundle is rebuilt from the current sources once per test run by test/support/cliBundle.global.ts
// (vitest's globalSetup), so a stale dist/ is never what is tested. Also the one pattern for "a stack trace reached
// the user", in either form a frame takes (`hashsim.mjs:123:45` in the bundle, `main.ts:12:3` under tsx).
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..")

/** The bundle scripts/build-cli.mjs writes (its `outdir` and the `hashsim` entry). */
export const hashsimBundle = join(repoRoot, "packages/cli/dist/hashsim.mjs")

/** Node's arguments that run `hashsim <args>`: spawn(process.execPath, hashsimNodeArgs(args)). */
export const hashsimNodeArgs = (args: ReadonlyArray<string>): Array<string> => [hashsimBundle, ...args]

/**
 * A stack frame with a position, on a line of its own: `    at fn (file:///…/dist/hashsim.mjs:123:45)` or
 * `    at …/src/main.ts:12:3`. (A trace's position-less frames, `at async Promise.all (index 0)`, never come alone.)
 */
export const stackTrace = /^\s+at .+:\d+:\d+\)?$/m
