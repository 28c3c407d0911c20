// The checks `hashsim check` runs on one file: validation; for a scenario, K seeded runs each checked for
// determinism, replay and the log invariants (@hashsim/invariants); for a complete log, the invariants and replay.
// One result a check.
import { formatProblem, type LogEntry, reportOfEvents, validateLogText } from "@hashsim/ledger"
import { compileScenario, type EngineKind, planEventOf, type ScenarioPlan, ScenarioInvalidError, simulateLog } from "@hashsim/sim"
import { checkLogInvariants, INVARIANT_NAMES, reportOutcomeMismatches, snapshotFoldMismatches } from "@hashsim/invariants"

/** One line of `hashsim check`'s output. */
export interface CheckResult {
  /** What was checked, e.g. `seed 2 block: replay`. */
  readonly name: string
  readonly ok: boolean
  /** Why it failed (with `file:line` where a line is at fault), or what passed. */
  readonly detail: string
}

export interface CheckOptions {
  /** Seeded runs of a scenario: seeds 1..seeds. */
  readonly seeds: number
  readonly engine: EngineKind
  /** The hashsim version recorded in generated logs (as `run` records it). */
  readonly version?: string
}

const entriesOf = (text: string | Buffer): { entries: Array<LogEntry>; problems: ReturnType<typeof validateLogText>["problems"]; complete: boolean } => {
  const entries: Array<LogEntry> = []
  const { summary, problems } = validateLogText(text, { onEntry: (e) => entries.push(e) })
  return { entries, problems, complete: summary.complete }
}

/** The invariants of one log as one result each; `where` names the log in `where:line` references. */
const invariantResults = (prefix: string, where: string, entries: ReadonlyArray<LogEntry>): Array<CheckResult> => {
  const violations = checkLogInvariants(entries)
  return INVARIANT_NAMES.map((name) => {
    const mine = violations.filter((v) => v.invariant === name)
    const first = mine[0]
    return first === undefined
      ? { name: `${prefix}${name}`, ok: true, detail: "" }
      : {
          name: `${prefix}${name}`,
          ok: false,
          detail: `${where}:${first.line}: ${first.message}${mine.length > 1 ? ` (and ${mine.length - 1} more)` : ""}`
        }
  })
}

const snapshotResult = (prefix: string, entries: ReadonlyArray<LogEntry>): CheckResult => {
  const n = entries.filter((e) => e.type !== "LogSealed").length
  const cut = Math.floor(n / 2)
  const diff = snapshotFoldMismatches(entries, cut)
  return { name: `${prefix}replay (snapshot after event ${cut} + rest = full fold)`, ok: diff.length === 0, detail: diff.join("; ") }
}

/**
 * A log's events without `source`, `seq`, `prev` and the seal (whose hash covers the sources): what happened, so
 * two seeds compare on their draws, not on the seed each records.
 */
const eventsWithoutSource = (text: string): string =>
  text
    .split("\n")
    .filter((l) => l !== "" && !l.includes('"type":"LogSealed"'))
    .map((l) => {
      const { source: _s, seq: _q, prev: _p, ...rest } = JSON.parse(l) as Record<string, unknown>
      return JSON.stringify(rest)
    })
    .join("\n")

/** Runs one scenario plan with one seed and checks what every seeded run must keep; returns the log it checked. */
export const checkRun = (
  file: string,
  plan: ScenarioPlan,
  seed: number,
  options: CheckOptions
): { readonly results: Array<CheckResult>; readonly text: string } => {
  const engine = options.engine
  const prefix = `seed ${seed} ${engine}: `
  const opts = options.version === undefined ? {} : { version: options.version }
  const first = simulateLog(plan, seed, engine, opts)
  const second = simulateLog(plan, seed, engine, opts)
  const results: Array<CheckResult> = []
  const lines = first.text.split("\n")
  const secondLines = second.text.split("\n")
  const firstDiff = lines.findIndex((l, i) => l !== secondLines[i])
  results.push({
    name: `${prefix}determinism (two runs, same bytes)`,
    ok: first.text === second.text,
    detail: first.text === second.text ? `${lines.length - 1} lines` : `the runs differ from line ${firstDiff + 1}`
  })
  const where = `${file}[seed ${seed} ${engine}]`
  const { entries, problems } = entriesOf(first.text)
  if (problems.length > 0) {
    results.push({ name: `${prefix}validation of the generated log`, ok: false, detail: `${formatProblem(where, problems[0]!)}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}` })
    return { results, text: first.text }
  }
  const report = reportOfEvents(entries.filter((e) => e.type !== "LogSealed"))
  const diff = reportOutcomeMismatches(report, first.outcome)
  results.push({ name: `${prefix}replay (report of the log = the run's outcome)`, ok: diff.length === 0, detail: diff.slice(0, 3).join("; ") })
  results.push(snapshotResult(prefix, entries))
  results.push(...invariantResults(prefix, where, entries))
  return { results, text: first.text }
}

/** The plan a complete log was generated from: its plan events (those no engine wrote), compiled. */
export const planOfCompleteLog = (entries: ReadonlyArray<LogEntry>): ScenarioPlan =>
  compileScenario(entries.filter((e) => e.type !== "LogSealed" && e.source?.engine === undefined).map(planEventOf))

/** Every check of one file's contents: validation first; nothing else runs on an invalid file. */
export const checkFileText = (file: string, text: string | Buffer, options: CheckOptions): Array<CheckResult> => {
  const { entries, problems, complete } = entriesOf(text)
  if (problems.length > 0) {
    return problems.slice(0, 20).map((p) => ({ name: "validation", ok: false, detail: formatProblem(file, p) }))
  }
  const results: Array<CheckResult> = [{ name: "validation", ok: true, detail: complete ? "a complete log" : "a scenario" }]
  if (!complete) {
    let plan: ScenarioPlan
    try {
      plan = compileScenario(entries.map(planEventOf))
    } catch (error) {
      if (error instanceof ScenarioInvalidError) {
        return [...results, ...error.problems.map((p) => ({ name: "scenario", ok: false, detail: `${file}:${p.line}: ${p.field}: ${p.message}` }))]
      }
      throw error
    }
    const logs = new Set<string>()
    for (let seed = 1; seed <= options.seeds; seed++) {
      const run = checkRun(file, plan, seed, options)
      results.push(...run.results)
      logs.add(eventsWithoutSource(run.text))
    }
    // Different seeds must give different logs (a seed that is ignored would make every path the same).
    if (options.seeds >= 2) {
      const ok = logs.size === options.seeds
      results.push({
        name: `seeds 1..${options.seeds} ${options.engine}: determinism (different seeds, different events)`,
        ok,
        detail: ok ? "" : "two seeds gave the same events: the seed is ignored, or nothing in the scenario is random (then use --seeds 1)"
      })
    }
    return results
  }
  // A complete log: its invariants, the fold from a snapshot, and, when its source names a seed and engine,
  // a re-run of its plan with that seed, which must reproduce its report and its bytes.
  results.push(...invariantResults("", file, entries))
  results.push(snapshotResult("", entries))
  const source = entries.find((e) => e.source?.engine !== undefined)?.source
  if (source?.seed === undefined || source.engine === undefined) {
    results.push({ name: "replay (re-run)", ok: true, detail: "skipped: the log names no seed and engine" })
    return results
  }
  let plan: ScenarioPlan
  try {
    plan = planOfCompleteLog(entries)
  } catch (error) {
    const detail = error instanceof ScenarioInvalidError ? error.render(file).split("\n")[0]! : String(error)
    return [...results, { name: "replay (re-run)", ok: false, detail: `its plan events do not compile: ${detail}` }]
  }
  const seed = Number(source.seed)
  const rerun = simulateLog(plan, seed, source.engine, source.version === undefined ? {} : { version: source.version })
  const report = reportOfEvents(entries.filter((e) => e.type !== "LogSealed"))
  const diff = reportOutcomeMismatches(report, rerun.outcome)
  results.push({ name: `replay (report of the log = a re-run's outcome, seed ${seed} ${source.engine})`, ok: diff.length === 0, detail: diff.slice(0, 3).join("; ") })
  const textOf = typeof text === "string" ? text : text.toString("utf8")
  if (rerun.text === textOf) {
    results.push({ name: "replay (a re-run writes the same bytes)", ok: true, detail: "" })
  } else {
    const a = textOf.split("\n")
    const b = rerun.text.split("\n")
    const at = a.findIndex((l, i) => l !== b[i])
    results.push({ name: "replay (a re-run writes the same bytes)", ok: false, detail: `${file}:${at + 1}: the re-run (seed ${seed}, ${source.engine}, model version ${source.modelVersion ?? "?"}) writes a different line` })
  }
  return results
}
