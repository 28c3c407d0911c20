import { readdirSync } from "node:fs"
import { describe, expect, it } from "vitest"
import fc from "fast-check"
import { columnBlock, readColumnBlock, ValuesReader, ValuesSpillWriter } from "../src/ChunkValues.ts"
import { columnStatsOfCells } from "../src/ColumnStats.ts"
import { cellValue, formatCell, parseCell } from "../src/OutcomeCell.ts"
import { scratchDir } from "./support.ts"

describe("the values workers spill for the summary", () => {
  it("read back as whole columns in path order, whichever worker wrote a chunk and in whatever order", () => {
    const dir = scratchDir()
    const kinds = ["number", "date"] as const
    const width = 2 + kinds.length
    const paths = 11
    // Row-major rows (path, seed, a number that is -0 or NaN now and then, a fractional date).
    const value = (path: number, j: number): number =>
      j === 0 ? (path % 5 === 0 ? -0 : path % 4 === 0 ? Number.NaN : 1000 - path * 37.25) : 19_000 + path * 1.5
    const rowsOf = (start: number, end: number): Float64Array => {
      const rows = new Float64Array((end - start) * width)
      for (let p = start; p < end; p++) {
        rows.set([p, p * 7, value(p, 0), value(p, 1)], (p - start) * width)
      }
      return rows
    }
    const chunks = [[0, 3], [3, 6], [6, 9], [9, 11]] as const
    const writers = [new ValuesSpillWriter(dir, 0, kinds), new ValuesSpillWriter(dir, 1, kinds)]
    const layout = new Float64Array(chunks.length * 3)
    // Chunks finish out of order on two workers: 2 and 1 on worker 1, 0 and 3 on worker 0.
    for (const [id, worker] of [[2, 1], [0, 0], [1, 1], [3, 0]] as const) {
      const [start, end] = chunks[id] as readonly [number, number]
      const at = (writers[worker] as ValuesSpillWriter).append(rowsOf(start, end), width)
      layout.set([worker, at, end - start], id * 3)
    }
    for (const w of writers) w.close()
    expect(readdirSync(dir).sort()).toEqual(["w0.f64", "w1.f64"])
    const reader = new ValuesReader(dir, layout)
    expect(reader.rows).toBe(paths)
    kinds.forEach((kind, j) => {
      const expected = Float64Array.from({ length: paths }, (_, p) => cellValue(value(p, j), kind))
      expect(Array.from(reader.column(j))).toEqual(Array.from(expected))
      expect(reader.stats(j)).toEqual(columnStatsOfCells(expected))
    })
    reader.close()
  })
})

describe("the typed columns workers hand over for outcomes.parquet", () => {
  it("hold, column by column, what each CSV cell would parse back to (fractional dates, -0 and missing values too)", () => {
    const kinds = ["number", "date", "number"] as const
    const width = 2 + kinds.length
    fc.assert(fc.property(
      fc.array(fc.tuple(
        fc.oneof(fc.double({ noDefaultInfinity: true }), fc.constant(-0)),
        fc.oneof(fc.double({ min: -50_000, max: 2_000_000 }), fc.constant(Number.NaN)),
        fc.integer({ min: -1e9, max: 1e9 })
      ), { minLength: 1, maxLength: 20 }),
      (cells) => {
        const rows = new Float64Array(cells.length * width)
        cells.forEach((c, i) => rows.set([i + 100, 7000 + i, ...c], i * width))
        const block = readColumnBlock(new Uint8Array(columnBlock(rows, width, kinds).buffer))
        const n = cells.length
        cells.forEach((c, i) => {
          expect(block[i]).toBe(i + 100)
          expect(block[n + i]).toBe(7000 + i)
          kinds.forEach((kind, j) => expect(block[(j + 2) * n + i]).toBe(parseCell(formatCell(c[j]!, kind), kind)))
        })
      }
    ))
  })
})
