// Reads a YAML plan's nodes with their line numbers: a map that knows which keys it was asked for (so unknown
// keys are reported with a did-you-mean), and values read through the units module with the node's line.
import { didYouMean } from "@hashsim/ledger"
import { isMap, isScalar, isSeq, type LineCounter, type Node, type Pair, type YAMLMap } from "yaml"
import type { ProblemList } from "./PlanProblem.ts"
import { UnitInvalidError } from "./Units.ts"

/** A value that could not be read; already recorded in the problem list. */
export class PlanValueSkipped extends Error {
  constructor() {
    super("skipped")
  }
}

/** Where a node sits: its line and the dotted key path that leads to it. */
export interface Origin {
  readonly line: number
  readonly key: string
}

export class PlanContext {
  constructor(readonly lines: LineCounter, readonly problems: ProblemList) {}
  lineOf(node: Node | Pair | null | undefined, fallback = 1): number {
    const range = node === null || node === undefined ? undefined : "range" in node ? node.range : ((node as Pair).key as Node | null)?.range
    return range === undefined || range === null ? fallback : this.lines.linePos(range[0]).line
  }
}

/** A YAML mapping being read: `get` marks a key as known; `finish` reports the keys nobody asked for. */
export class PlanMap {
  private readonly asked = new Set<string>()
  constructor(
    readonly ctx: PlanContext,
    readonly node: YAMLMap,
    readonly path: string,
    readonly line: number
  ) {}

  static of(ctx: PlanContext, node: unknown, path: string, line: number): PlanMap | undefined {
    if (isMap(node)) return new PlanMap(ctx, node, path, ctx.lineOf(node as Node, line))
    ctx.problems.add(line, path || "plan", `expected a mapping of keys (key: value), got ${describeNode(node)}`)
    return undefined
  }

  keyPath(key: string): string {
    return this.path === "" ? key : `${this.path}.${key}`
  }

  private pair(key: string): Pair | undefined {
    return this.node.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined
  }

  has(key: string): boolean {
    this.asked.add(key)
    return this.pair(key) !== undefined
  }

  /** The value node of a key (undefined when absent) and where it is. */
  get(key: string): { readonly node: unknown; readonly origin: Origin } | undefined {
    this.asked.add(key)
    const p = this.pair(key)
    if (p === undefined) return undefined
    return { node: p.value, origin: { line: this.ctx.lineOf((p.value as Node | null) ?? (p.key as Node), this.ctx.lineOf(p.key as Node)), key: this.keyPath(key) } }
  }

  originOf(key: string): Origin {
    const p = this.pair(key)
    return { line: p === undefined ? this.line : this.ctx.lineOf(p.key as Node, this.line), key: this.keyPath(key) }
  }

  /** Reads a key through `read`; a missing key is a problem unless a default is given. */
  read<A>(key: string, read: (text: string, node: unknown) => A, fallback?: () => A): A {
    const v = this.get(key)
    if (v === undefined || v.node === null || (isScalar(v.node) && v.node.value === null)) {
      if (fallback !== undefined) return fallback()
      this.ctx.problems.add(this.line, this.keyPath(key), `missing: every ${this.path === "" ? "plan" : lastSegment(this.path)} needs "${key}"`)
      throw new PlanValueSkipped()
    }
    return readValue(this.ctx, v.node, v.origin, read)
  }

  /** Reports keys that were never asked for, with the nearest known one. */
  finish(): void {
    for (const p of this.node.items) {
      const key = isScalar(p.key) ? (p.key.source ?? String(p.key.value)) : String(p.key)
      if (!this.asked.has(key) && /^\d{3}(,\d{3})*$/.test(key)) {
        this.ctx.problems.add(this.ctx.lineOf(p.key as Node, this.line), this.keyPath(key),
          `a comma inside { } separates keys, so a number such as $98,000 is cut in two: write $98000 or $98k, or put the item on lines of its own`)
      } else if (!this.asked.has(key)) {
        this.ctx.problems.add(this.ctx.lineOf(p.key as Node, this.line), this.keyPath(key), `unknown key${didYouMean(key, this.asked)}; known here: ${[...this.asked].join(", ")}`)
      }
    }
  }
}

const lastSegment = (path: string): string => path.split(".").pop()!.replace(/\[\d+\]$/, "").replace(/s$/, "")

export const describeNode = (node: unknown): string =>
  isMap(node) ? "a mapping" : isSeq(node) ? "a list" : isScalar(node) ? JSON.stringify(node.value) : node === null || node === undefined ? "nothing" : "an unexpected value"

/** The text of a scalar node as written: strings as they are, numbers as their source spelling. */
export const scalarText = (node: unknown): string | undefined => {
  if (!isScalar(node)) return undefined
  if (typeof node.value === "number") return node.source ?? String(node.value)
  if (typeof node.value === "string") return node.value
  if (typeof node.value === "boolean") return String(node.value)
  return undefined
}

/** Runs a reader on a scalar, turning a units error into a problem at the node's line. */
export const readValue = <A>(ctx: PlanContext, node: unknown, origin: Origin, read: (text: string, node: unknown) => A): A => {
  const text = scalarText(node)
  try {
    if (text === undefined && !isMap(node) && !isSeq(node)) throw new UnitInvalidError(`expected a value, got ${describeNode(node)}`)
    return read(text ?? "", node)
  } catch (error) {
    if (error instanceof PlanValueSkipped) throw error
    if (error instanceof UnitInvalidError) {
      ctx.problems.add(origin.line, origin.key, error.message)
      throw new PlanValueSkipped()
    }
    throw error
  }
}

/** The items of a list node with their lines (a missing list is empty). */
export const listItems = (ctx: PlanContext, node: unknown, origin: Origin): ReadonlyArray<{ readonly node: unknown; readonly line: number }> => {
  if (node === undefined || node === null) return []
  if (!isSeq(node)) {
    ctx.problems.add(origin.line, origin.key, `expected a list (lines starting with "- "), got ${describeNode(node)}`)
    return []
  }
  return node.items.map((item) => ({ node: item, line: ctx.lineOf(item as Node, origin.line) }))
}

/** Runs a reading step; a value already reported is skipped so the rest of the plan is still read. */
export const attempt = <A>(f: () => A): A | undefined => {
  try {
    return f()
  } catch (error) {
    if (error instanceof PlanValueSkipped) return undefined
    throw error
  }
}
