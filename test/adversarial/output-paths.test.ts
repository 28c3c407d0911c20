// Family "output paths": `--out` must name a regular file (run, report) or a folder (mc, merge) to create or
// replace; a device node, a fifo, a symbolic link, a regular file where a folder is due, or a folder of foreign
// files is refused (exit 2, or 1 where the write itself fails) and left exactly as it was.
import { execFileSync } from "node:child_process"
import { lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { cangoScenario, expectRefused, filesIn, hashsim, scratch } from "./support.ts"

const root = scratch("paths")
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")
const isRoot = process.getuid?.() === 0
let logFile = ""

beforeAll(async () => {
  execFileSync("mkfifo", [join(root, "fifo")])
  execFileSync("mkfifo", [join(root, "fifo.html")])
  // A character device like /dev/null, made here so a failing refusal could never replace the real one.
  if (isRoot) execFileSync("mknod", [join(root, "null"), "c", "1", "3"])
  mkdirSync(join(root, "target"))
  symlinkSync(join(root, "target"), join(root, "link"))
  writeFileSync(join(root, "plain.txt"), "keep me\n")
  mkdirSync(join(root, "foreign"))
  writeFileSync(join(root, "foreign", "thesis.docx"), "keep me too\n")
  logFile = join(root, "log.jsonl")
  const run = await hashsim(["run", cangoScenario, "--seed", "1", "--engine", "aggregate", "--until", "2024-11-20", "--out", logFile])
  expect(run.code, run.stderr).toBe(0)
  const shard = await hashsim(["mc", cangoScenario, "--paths", "2", "--seed", "1", "--workers", "1", "--shard", "1/1", "--out", join(root, "shard")])
  expect(shard.code, shard.stderr).toBe(0)
})

const mc = (out: string) => ["mc", cangoScenario, "--paths", "2", "--seed", "1", "--workers", "1", "--out", out]
const run = (out: string) => ["run", cangoScenario, "--seed", "1", "--engine", "aggregate", "--until", "2024-11-20", "--out", out]

const cases: ReadonlyArray<readonly [string, () => Array<string>, string, number, RegExp, boolean]> = [
  ["run --out a fifo", () => run(join(root, "fifo")), "fifo", 2, /is a fifo, not a regular file path/, false],
  ["run --out a device node", () => run(join(root, "null")), "null", 2, /is a device, not a regular file path/, true],
  ["run --out a folder", () => run(join(root, "target")), "target", 2, /is a folder, not a regular file path/, false],
  ["run --out a symbolic link", () => run(join(root, "link")), "link", 2, /is a symbolic link, not a regular file path/, false],
  ["mc --out a fifo", () => mc(join(root, "fifo")), "fifo", 2, /is a fifo, not a folder path/, false],
  ["mc --out a device node", () => mc(join(root, "null")), "null", 2, /is a device, not a folder path/, true],
  ["mc --out a regular file", () => mc(join(root, "plain.txt")), "plain.txt", 2, /is a regular file, not a folder path/, false],
  ["mc --out a symbolic link to a folder", () => mc(join(root, "link")), "link", 2, /is a symbolic link, not a folder path/, false],
  ["mc --out a folder of foreign files", () => mc(join(root, "foreign")), "foreign", 2, /already holds files that are not a hashsim batch's \(thesis\.docx\)/, false],
  ["report --out a fifo", () => ["report", logFile, "--out", join(root, "fifo.html")], "fifo.html", 1, /is a fifo, not a regular file path/, false],
  ["merge --out a device node", () => ["merge", join(root, "shard"), "--out", join(root, "null")], "null", 2, /is a device, not a folder path/, true],
  ["merge --out a fifo", () => ["merge", join(root, "shard"), "--out", join(root, "fifo")], "fifo", 2, /is a fifo, not a folder path/, false]
]

const describeEntry = (path: string): string => {
  const st = lstatSync(path)
  const kind = st.isFIFO() ? "fifo" : st.isCharacterDevice() ? "device" : st.isSymbolicLink() ? "link" : st.isDirectory() ? "folder" : "file"
  return kind === "file" ? `file:${readFileSync(path, "utf8")}` : kind === "folder" ? `folder:${filesIn(path).join(",")}` : kind
}

describe("output paths", () => {
  it.concurrent.each(cases)("refuses %s and leaves it as it was", async (_name, args, entry, code, message, needsRoot) => {
    if (needsRoot && !isRoot) return
    const before = describeEntry(join(root, entry))
    const result = await hashsim(args())
    expectRefused(result, code, message)
    expect(describeEntry(join(root, entry))).toBe(before)
    // Only this case's own leftovers (its lock `.<entry>.lock`, its staging `.<entry>...`): the cases run
    // concurrently in one folder, so another case's lock may be held at this moment (the whole folder is checked
    // once they have all finished, below).
    expect(filesIn(root).filter((f) => f.startsWith(`.${entry}`))).toEqual([])
  })

  it("leaves no staging folder, temporary file or lock behind once every refusal has finished", () => {
    expect(filesIn(root).filter((f) => f.startsWith("."))).toEqual([])
  })

  it("names the path in the message", async () => {
    expectRefused(await hashsim(mc(join(root, "plain.txt"))), 2, new RegExp(`--out ${esc(join(root, "plain.txt"))}: is a regular file`))
  })
})
