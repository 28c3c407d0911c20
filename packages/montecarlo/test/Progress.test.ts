import { describe, expect, it } from "vitest"
import { progressReporter } from "../src/index.ts"

const sink = (isTTY: boolean) => {
  const written: Array<string> = []
  return { isTTY, write: (t: string) => { written.push(t) }, written }
}

describe("progress on stderr", () => {
  it("prints a plain line at every tenth when stderr is not a terminal", () => {
    const s = sink(false)
    let now = 0
    const p = progressReporter(s, "mc", () => now)
    for (let done = 0; done <= 1000; done += 25) {
      now = done * 10
      p.update(done, 1000)
    }
    p.finish()
    expect(s.written.length).toBe(11)
    expect(s.written.every((line) => line.endsWith("\n") && !line.includes("\r"))).toBe(true)
    expect(s.written[5]).toBe("mc: 500/1000 paths (50%), 100 paths/s, elapsed 00:05, ETA 00:05\n")
  })

  it("prints a line at least every 30 s of a slow batch", () => {
    const s = sink(false)
    let now = 0
    const p = progressReporter(s, "mc", () => now)
    for (let done = 0; done <= 50; done++) {
      now = done * 5_000
      p.update(done, 1000)
    }
    expect(s.written.length).toBe(1 + Math.floor(250 / 30))
  })

  it("redraws one bar with an ETA when stderr is a terminal, at most every 100 ms, and ends the line", () => {
    const s = sink(true)
    let now = 0
    const p = progressReporter(s, "mc shard 2/7", () => now)
    for (let done = 0; done <= 100; done++) {
      now = done * 20
      p.update(done, 100)
    }
    p.finish()
    expect(s.written.length).toBeLessThan(30)
    expect(s.written[0]?.startsWith("\r[")).toBe(true)
    expect(s.written.at(-2)).toContain("[##############################] mc shard 2/7: 100/100 paths (100%)")
    expect(s.written.at(-1)).toBe("\n")
  })
})
