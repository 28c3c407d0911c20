// Family "faults": real interruptions of real processes. A child is killed with SIGINT or SIGKILL at a chosen
// point (HASHSIM_FAULT_AT makes `mc` announce the point on stderr and pause there), the file system fills up (a
// small tmpfs, where this machine lets us mount one), and two writers race for one folder. Every case checks the
// exit code, the message and what is left: the previous complete outputs, byte for byte, and no debris.
import { execFileSync, spawn } from "node:child_process"
import { existsSync, mkdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs"
import { hostname } from "node:os"
import { join } from "node:path"
import { hashsimNodeArgs } from "@hashsim/testkit"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { cangoScenario, expectRefused, filesIn, hashsim, repoRoot, scratch, startCli, waitForStderr } from "./support.ts"

const root = scratch("faults")
const mcArgs = (out: string, paths = 20, seed = "1") => ["mc", cangoScenario, "--paths", String(paths), "--seed", seed, "--out", out, "--workers", "1"]
const bytesOf = (dir: string) => Object.fromEntries(filesIn(dir).map((f) => [f, readFileSync(join(dir, f), "latin1")]))

/** A complete batch in `dir`: what the interrupted re-runs must leave as it was. */
let reference: Record<string, string> = {}
beforeAll(async () => {
  const first = await hashsim(mcArgs(join(root, "reference")))
  expect(first.code, first.stderr).toBe(0)
  reference = bytesOf(join(root, "reference"))
})

const completeCopy = async (name: string): Promise<string> => {
  const dir = join(root, name)
  mkdirSync(dir)
  for (const [file, text] of Object.entries(reference)) writeFileSync(join(dir, file), text, "latin1")
  return dir
}

describe("faults", () => {
  it.concurrent.each([
    ["SIGINT", "chunk", 130],
    ["SIGKILL", "chunk", null],
    ["SIGKILL", "publish", null]
  ] as const)("%s at %s: a re-run into a complete folder leaves its outputs byte for byte", async (signal, point, code) => {
    const out = await completeCopy(`killed-${signal}-${point}`)
    const run = startCli(mcArgs(out), { HASHSIM_FAULT_AT: point })
    await waitForStderr(run, new RegExp(`hashsim-fault: at ${point}`))
    run.child.kill(signal)
    const result = await run.done
    expect([result.code, result.signal]).toEqual(signal === "SIGKILL" ? [null, "SIGKILL"] : [code, null])
    expect(bytesOf(out)).toEqual(reference)
    const beside = filesIn(root).filter((f) => f.startsWith(`.killed-${signal}-${point}`))
    // Ctrl-C cleans up; SIGKILL cannot, and leaves its staging folder and a stale lock for the next writer.
    if (signal === "SIGINT") expect(beside).toEqual([])
    else expect(beside.some((f) => f.endsWith(".lock"))).toBe(true)
    if (signal === "SIGKILL") {
      // The next writer finds the lock stale (its pid is gone), removes the debris and completes.
      const next = await hashsim(mcArgs(out))
      expect(next.code, next.stderr).toBe(0)
      expect(bytesOf(out)).toEqual(reference)
      expect(filesIn(root).filter((f) => f.startsWith(`.killed-${signal}-${point}`))).toEqual([])
    }
  })

  it("two writers race for one folder: the second is refused while the first holds it, and neither mixes outputs", async () => {
    const out = await completeCopy("race")
    const first = startCli(mcArgs(out), { HASHSIM_FAULT_AT: "chunk" })
    await waitForStderr(first, /hashsim-fault: at chunk/)
    const second = await hashsim(mcArgs(out, 20, "1"))
    expectRefused(second, 2, new RegExp(`--out ${out}: another hashsim \\(pid ${first.child.pid} on `))
    first.child.kill("SIGINT")
    expect((await first.done).code).toBe(130)
    expect(bytesOf(out)).toEqual(reference)
    const third = await hashsim(mcArgs(out))
    expect(third.code, third.stderr).toBe(0)
  })

  it("a lock whose holder is alive is respected; one whose pid is gone is taken over", async () => {
    const out = join(root, "locked")
    writeFileSync(join(root, ".locked.lock"), JSON.stringify({ pid: process.pid, host: hostname(), processStartMs: null, lockedAt: "2026-01-01T00:00:00Z" }))
    expectRefused(await hashsim(mcArgs(out, 3)), 2, /--out .*locked: another hashsim \(pid [0-9]+ on .*, since 2026-01-01T00:00:00Z\)/)
    expect(existsSync(out)).toBe(false)
    writeFileSync(join(root, ".locked.lock"), JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), processStartMs: null, lockedAt: "2026-01-01T00:00:00Z" }))
    const taken = await hashsim(mcArgs(out, 3))
    expect(taken.code, taken.stderr).toBe(0)
    expect(filesIn(out)).toEqual(["manifest.json", "outcomes.csv", "summary.json"])
    expect(existsSync(join(root, ".locked.lock"))).toBe(false)
  })

  it("a 50-year horizon (3,629 outcome columns) under a 256-open-files limit completes", async () => {
    const scenario = join(root, "fifty-years.jsonl")
    writeFileSync(scenario, readFileSync(cangoScenario, "utf8").replace('"until":"2028-11-07T00:00:00Z"', '"until":"2074-11-07T00:00:00Z"'))
    const out = join(root, "fifty-years")
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn("bash", ["-c", 'ulimit -n 256 && exec "$0" "$@"', process.execPath,
        ...hashsimNodeArgs(["mc", scenario, "--paths", "3", "--seed", "1", "--workers", "1", "--out", out])], { cwd: repoRoot })
      let stderr = ""
      child.stderr.on("data", (d: Buffer) => { stderr += d.toString() })
      child.on("close", (code) => resolve({ code, stderr }))
    })
    expect(result.code, result.stderr).toBe(0)
    expect(readFileSync(join(out, "outcomes.csv"), "utf8").split("\n")[0]!.split(",").length).toBe(3631)
  })

  describe("a full file system (a 4 MiB tmpfs: a batch of cango-2024 spills ~320 columns, a 4 KiB block each)", () => {
    const mount = join(root, "tmpfs")
    let mounted = false
    let reason = ""
    beforeAll(() => {
      mkdirSync(mount)
      try {
        execFileSync("mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", mount], { stdio: "pipe" })
        mounted = true
      } catch (error) {
        reason = `cannot mount a tmpfs here (${String((error as { stderr?: Buffer }).stderr ?? error).trim()}); the full-disk cases are skipped`
        console.warn(`faults: ${reason}`)
      }
    })
    afterAll(() => {
      if (mounted) execFileSync("umount", [mount])
    })

    it("mc fills the disk: exit 1 naming the cause, the previous outputs kept, no debris", async (context) => {
      if (!mounted) context.skip(reason)
      const out = join(mount, "batch")
      const first = await hashsim(mcArgs(out, 10))
      expect(first.code, first.stderr).toBe(0)
      const before = bytesOf(out)
      // Fill the disk but for 40 KiB: the same batch re-run cannot build its new outputs beside the old ones.
      const free = statfsSync(mount)
      writeFileSync(join(mount, "filler"), Buffer.alloc(Math.max(0, free.bavail * free.bsize - 40 * 1024)))
      const full = await hashsim(mcArgs(out, 10))
      expectRefused(full, 1, /ENOSPC|no space left/i)
      expect(bytesOf(out)).toEqual(before)
      expect(filesIn(mount).filter((f) => f.startsWith("."))).toEqual([])
      rmSync(join(mount, "filler"))
    })

    it("run fills the disk: exit 1, no partial log, the previous log kept", async (context) => {
      if (!mounted) context.skip(reason)
      const out = join(mount, "run.jsonl")
      writeFileSync(out, "previous\n")
      const full = await hashsim(["run", cangoScenario, "--seed", "1", "--engine", "block", "--out", out])
      expectRefused(full, 1, new RegExp(`cannot write ${out}: .*(ENOSPC|no space left)`, "i"))
      expect(readFileSync(out, "utf8")).toBe("previous\n")
      expect(filesIn(mount).filter((f) => f.endsWith(".tmp"))).toEqual([])
    })
  })
})
