// Where every command that takes a scenario reads it: a JSONL scenario as it is, or a YAML plan (`.yaml`/`.yml`)
// compiled to one; plus the plausibility warnings of either, located at the file's own line and key.
import { readFileSync } from "node:fs"
import { existsSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { validateLogText } from "@hashsim/ledger"
import {
  chainDataDir, type CompiledPlan, compilePlan, type EventView, formatWarning, loadChainData, PlanInvalidError,
  plausibilityWarnings, type PlausibilityWarning
} from "@hashsim/plan"

export const isPlanFile = (file: string): boolean => /\.ya?ml$/i.test(file)

/** The hashsim checkout this CLI runs from (the folder holding pnpm-workspace.yaml), found from this module. */
export const repoRoot = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir
    const up = dirname(dir)
    if (up === dir) break
    dir = up
  }
  return process.cwd()
}

/** A scenario that could not be read or compiled; `lines` are the problems, printed `file:line: key: message`. */
export class ScenarioUnreadableError extends Error {
  readonly _tag = "ScenarioUnreadableError"
  constructor(readonly file: string, readonly lines: ReadonlyArray<string>, summary: string) {
    super(summary)
  }
}

export interface ScenarioInput {
  /** The scenario JSONL (a plan's compiled text, or the file's bytes). */
  readonly bytes: Buffer
  readonly fromPlan: boolean
  /** A plan's notes (where the start network came from). */
  readonly notes: ReadonlyArray<string>
  /** Plausibility warnings, printed lines (`file:line: key: warning: ...`). */
  readonly warnings: () => ReadonlyArray<string>
}

/** Compiles a plan file with the chain data at hand; throws ScenarioUnreadableError with every problem. */
export const compilePlanFile = (file: string): CompiledPlan => {
  let source: string
  try {
    source = readFileSync(file, "utf8")
  } catch (error) {
    throw new ScenarioUnreadableError(file, [], `${file}: cannot read the scenario: ${(error as Error).message}`)
  }
  return compilePlanText(source, file)
}

/** Compiles a plan's text (a file's, or one with a parameter changed by `sweep`) with the chain data at hand. */
export const compilePlanText = (source: string, file: string): CompiledPlan => {
  const dir = chainDataDir(repoRoot())
  try {
    return compilePlan(source, { chainData: dir === undefined ? undefined : loadChainData(dir) })
  } catch (error) {
    if (error instanceof PlanInvalidError) {
      throw new ScenarioUnreadableError(file, error.render(file).split("\n"), `${file}: ${error.problems.length} problem${error.problems.length === 1 ? "" : "s"}; nothing compiled`)
    }
    throw error
  }
}

/** Reads a scenario or plan as scenario JSONL bytes. */
export const readScenario = (file: string): ScenarioInput => {
  if (isPlanFile(file)) {
    const plan = compilePlanFile(file)
    return { bytes: Buffer.from(plan.text, "utf8"), fromPlan: true, notes: plan.notes, warnings: () => planWarnings(plan).map((w) => formatWarning(file, w)) }
  }
  try {
    const bytes = readFileSync(file)
    return { bytes, fromPlan: false, notes: [], warnings: () => logWarnings(bytes).map((w) => formatWarning(file, w)) }
  } catch (error) {
    throw new ScenarioUnreadableError(file, [], `${file}: cannot read the scenario: ${(error as Error).message}`)
  }
}

const PLAN_TYPES = new Set(["ScenarioStarted", "HashratePurchased", "HostingContractSigned", "MachinesDeployed", "MachinesRemoved", "PriceObserved", "BtcSold"])

/** Warnings of a plan file, at the plan's lines and keys. */
export const planWarnings = (plan: CompiledPlan): ReadonlyArray<PlausibilityWarning> =>
  plausibilityWarnings(plan.events, (index, field) => {
    const e = plan.events[index]!
    return e.fieldOrigins.get(field.split(".")[0]!) ?? e.origin
  })

/** Collects a log's plan events as a validator hands them over (`onEntry`), for their warnings. */
export class PlanEventCollector {
  private readonly events: Array<EventView> = []
  private readonly lines: Array<number> = []
  readonly onEntry = (e: { readonly type: string; readonly data: unknown; readonly seq: number }): void => {
    if (!PLAN_TYPES.has(e.type)) return
    this.events.push({ type: e.type, data: e.data as Record<string, unknown> })
    this.lines.push(e.seq)
  }
  warnings(): ReadonlyArray<PlausibilityWarning> {
    return plausibilityWarnings(this.events, (index, field) => ({ line: this.lines[index]!, key: `data.${field}` }))
  }
}

/** Warnings of a JSONL log's plan events (a log that does not validate gives none: its errors come first). */
export const logWarnings = (text: string | Buffer): ReadonlyArray<PlausibilityWarning> => {
  const c = new PlanEventCollector()
  validateLogText(text, { onEntry: c.onEntry })
  return c.warnings()
}
