import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { linesOfChunks, linesOfText, type RawLine } from "../src/index.ts"

const collect = async (it: AsyncIterable<RawLine>): Promise<Array<RawLine>> => {
  const out: Array<RawLine> = []
  for await (const l of it) out.push(l)
  return out
}
const plain = (ls: ReadonlyArray<RawLine>) => ls.map((l) => ({ ...l, bytes: l.bytes === null ? null : Buffer.from(l.bytes).toString("latin1") }))

describe("line reader", () => {
  it("splits on newlines, flags an unterminated last line and skips over-long lines", async () => {
    const lines = await collect(linesOfChunks([Buffer.from("ab\n"), Buffer.from("cdefgh"), Buffer.from("ij\n\nxy")], 5))
    expect(plain(lines)).toEqual([
      { lineNo: 1, bytes: "ab", length: 2, terminated: true },
      { lineNo: 2, bytes: null, length: 8, terminated: true },
      { lineNo: 3, bytes: "", length: 0, terminated: true },
      { lineNo: 4, bytes: "xy", length: 2, terminated: false }
    ])
  })
  it("always: any chunking of the bytes gives the lines the in-memory splitter gives", async () => {
    await fc.assert(fc.asyncProperty(
      fc.uint8Array({ maxLength: 300 }).map((a) => a.map((b) => (b % 4 === 0 ? 0x0a : b))),
      fc.array(fc.nat(300), { maxLength: 6 }),
      fc.integer({ min: 0, max: 40 }),
      async (bytes, cuts, max) => {
        const buf = Buffer.from(bytes)
        const points = [...new Set(cuts.map((c) => Math.min(c, buf.length)))].sort((a, b) => a - b)
        const chunks: Array<Buffer> = []
        let prev = 0
        for (const p of [...points, buf.length]) {
          chunks.push(buf.subarray(prev, p))
          prev = p
        }
        expect(plain(await collect(linesOfChunks(chunks, max)))).toEqual(plain([...linesOfText(buf, max)]))
      }
    ))
  })
})
