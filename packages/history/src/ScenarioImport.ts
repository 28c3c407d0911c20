// `import chain`'s core: a plan plus real chain data -> one scenario. The plan's network block is replaced by the
// real chain state at the start; the observed retargets and fee levels from the start to the end of observation
// are merged with the plan's events in time order; the result is validated by the ledger before anyone writes it.
import { formatBits, hashesPerSToThs, hashrateForBits, RETARGET_INTERVAL } from "@hashsim/chain"
import {
  encodeEntry, event, formatAtS, formatProblem, type LogEntry, parseAtS, type PlannedEntry, validateLogText
} from "@hashsim/ledger"
import { Data } from "effect"
import { basename } from "node:path"
import { type ChainData, type DataFile, readChainData } from "./ChainData.ts"
import { ChainDataInvalidError, type Origin, Problems } from "./DataProblem.ts"
import type { EpochRecord, FeeSpanRecord } from "./Records.ts"

/** The import cannot be made from these inputs (a range the data does not cover, a plan that does not fit). */
export class ImportRefusedError extends Data.TaggedError("ImportRefusedError")<{ readonly message: string }> {}

export interface ImportInput {
  readonly plan: DataFile
  readonly data: ReadonlyArray<DataFile>
  /** Start the scenario at the observed epoch holding this time (default: the plan's start). */
  readonly fromS?: number
  /** Observations end here, exclusive (default and at most: the plan's horizon). */
  readonly toS?: number
  /** The scenario's name (default: the plan's). */
  readonly name?: string
}

export interface ImportResult {
  /** The scenario: one canonical line an event, no seq or prev (a scenario, like the reference ones). */
  readonly text: string
  readonly network: { readonly height: number; readonly bits: string; readonly epochFirstBlockTimeS: number; readonly hashrateThs: number }
  readonly startAt: string
  readonly retargets: number
  readonly feeSpans: number
  readonly lastObservedAt: string | undefined
}

/** Who wrote an imported event, and from which file and line (the base name, so bytes do not depend on a path). */
const sourceOf = (origin: Origin) => ({ by: `hashsim import chain (${basename(origin.file)}:${origin.line})` })

/** Spacing between blocks that an epoch's header times show: 2015 intervals from its first to its last block. */
const paceS = (e: EpochRecord): number => (e.lastBlockTimeS - e.firstBlockTimeS) / (RETARGET_INTERVAL - 1)

/**
 * The epochs of every source merged by height (the same epoch from two sources must agree), in height order,
 * with the checks that span files: what one file's rows cannot see about another's.
 */
const mergeEpochs = (epochs: ReadonlyArray<EpochRecord>, problems: Problems): ReadonlyArray<EpochRecord> => {
  const byHeight = new Map<number, EpochRecord>()
  for (const e of epochs) {
    const seen = byHeight.get(e.retargetHeight)
    if (seen === undefined) {
      byHeight.set(e.retargetHeight, e)
      continue
    }
    const same = seen.firstBlockTimeS === e.firstBlockTimeS && seen.lastBlockTimeS === e.lastBlockTimeS &&
      seen.oldBits === e.oldBits && seen.newBits === e.newBits
    if (!same) {
      problems.add(e.origin, "retarget_height", `the epoch before ${e.retargetHeight} differs from ${seen.origin.file}:${seen.origin.line}`)
    } else if (seen.nextFirstBlockTimeS === undefined && e.nextFirstBlockTimeS !== undefined) {
      byHeight.set(e.retargetHeight, e)
    }
  }
  return [...byHeight.values()].sort((a, b) => a.retargetHeight - b.retargetHeight)
}

/** The observed epochs from the start epoch on, up to a gap (refused if observations follow it) or the end. */
const observedRun = (merged: ReadonlyArray<EpochRecord>, startIndex: number, endS: number, problems: Problems): ReadonlyArray<EpochRecord> => {
  const run: Array<EpochRecord> = []
  for (let i = startIndex; i < merged.length; i++) {
    const e = merged[i]!
    if (e.lastBlockTimeS >= endS) break
    const prev = run[run.length - 1]
    if (prev !== undefined) {
      if (e.retargetHeight !== prev.retargetHeight + RETARGET_INTERVAL) {
        problems.add(e.origin, "retarget_height", `a gap in heights: the epochs between ${prev.retargetHeight} and ${e.retargetHeight - RETARGET_INTERVAL} are missing (${prev.origin.file}:${prev.origin.line})`)
        break
      }
      if (e.origin.file !== prev.origin.file) {
        // Within one file the reader checked these; across files they are checked here.
        if (e.oldBits !== prev.newBits) problems.add(e.origin, "old_bits", `${formatBits(e.oldBits)} is not the previous epoch's new bits ${formatBits(prev.newBits)} (${prev.origin.file}:${prev.origin.line})`)
        if (prev.nextFirstBlockTimeS !== undefined && e.firstBlockTimeS !== prev.nextFirstBlockTimeS) {
          problems.add(e.origin, "first_block_time", `${e.firstBlockTimeS} is not the next epoch's first block time ${prev.nextFirstBlockTimeS} of ${prev.origin.file}:${prev.origin.line}`)
        }
      }
      if (e.lastBlockTimeS <= prev.lastBlockTimeS) {
        problems.add(e.origin, "last_block_time", `times out of order: ${e.lastBlockTimeS} is not after the previous epoch's last block time ${prev.lastBlockTimeS}`)
      }
    }
    run.push(e)
  }
  return run
}

/** Fee spans of every source in time order, refused where two overlap, cut to [startS, endS). */
const feeSpansWithin = (spans: ReadonlyArray<FeeSpanRecord>, startS: number, endS: number, problems: Problems): ReadonlyArray<FeeSpanRecord> => {
  const sorted = [...spans].sort((a, b) => a.fromS - b.fromS)
  const out: Array<FeeSpanRecord> = []
  sorted.forEach((s, i) => {
    const prev = sorted[i - 1]
    if (prev !== undefined && s.fromS < prev.untilS) {
      problems.add(s.origin, "line", `the fee span ${formatAtS(s.fromS)} to ${formatAtS(s.untilS)} overlaps ${prev.origin.file}:${prev.origin.line} (to ${formatAtS(prev.untilS)})`)
      return
    }
    const fromS = Math.max(s.fromS, startS)
    const untilS = Math.min(s.untilS, endS)
    if (untilS > fromS) out.push({ ...s, fromS, untilS })
  })
  return out
}

const refuse = (problems: Problems): never => {
  throw new ChainDataInvalidError({
    problems: problems.list,
    message: `${problems.list.length} problem${problems.list.length === 1 ? "" : "s"} in the data; nothing written`
  })
}

/** Builds the scenario, or throws ChainDataInvalidError (every problem with its file and line) / ImportRefusedError. */
export const importChain = (input: ImportInput): ImportResult => {
  const data: ChainData = readChainData(input.data)
  const problems = data.problems
  if (!problems.empty) refuse(problems)

  // The plan: a valid scenario of plan events; observations of the network come from the data, not from it.
  const planFile = input.plan.file
  const plan: Array<LogEntry> = []
  const checked = validateLogText(input.plan.text, { onEntry: (e) => plan.push(e) })
  for (const p of checked.problems) problems.add({ file: planFile, line: p.line }, p.field, p.message)
  if (checked.summary.complete) problems.add({ file: planFile, line: 1 }, "line", "a complete log, not a plan: import into the scenario it was run from")
  plan.forEach((e, i) => {
    if (e.type === "DifficultyAdjusted" || e.type === "FeesObserved") {
      problems.add({ file: planFile, line: i + 1 }, "type", `the plan holds an observed ${e.type}: observations come from the data files, import into a plan without them`)
    }
  })
  if (!problems.empty) refuse(problems)
  const started = plan[0]
  if (started === undefined || started.type !== "ScenarioStarted") throw new ImportRefusedError({ message: `${planFile}: a plan starts with ScenarioStarted` })
  const untilS = parseAtS(started.data.until) ?? 0
  const wantedS = input.fromS ?? parseAtS(started.at) ?? 0
  const endS = Math.min(input.toS ?? untilS, untilS)

  const merged = mergeEpochs(data.epochs, problems)
  if (!problems.empty) refuse(problems)
  // The start: the first block of the observed epoch that holds the wanted time. Between retargets the data knows
  // the chain only at epoch boundaries, so the scenario starts at one: its tip, bits and first-block time are facts.
  const startIndex = merged.findIndex((e, i) => {
    const nextFirst = e.nextFirstBlockTimeS ?? merged[i + 1]?.firstBlockTimeS ?? e.lastBlockTimeS + 1
    return e.firstBlockTimeS <= wantedS && wantedS < nextFirst
  })
  if (startIndex < 0) {
    const span = merged.length === 0 ? "no epoch" : `epochs from ${formatAtS(merged[0]!.firstBlockTimeS)} to ${formatAtS(merged[merged.length - 1]!.lastBlockTimeS)}`
    throw new ImportRefusedError({ message: `no observed epoch holds the start ${formatAtS(wantedS)} (the data covers ${span})` })
  }
  const startEpoch = merged[startIndex]!
  const startS = startEpoch.firstBlockTimeS
  if (startS >= endS) throw new ImportRefusedError({ message: `the start ${formatAtS(startS)} is not before the end of observation ${formatAtS(endS)}` })
  const run = observedRun(merged, startIndex, endS, problems)
  const fees = feeSpansWithin(data.feeSpans, startS, endS, problems)
  if (!problems.empty) refuse(problems)

  // The network at the start, from the data: the epoch's first block is the tip; the hashrate is the one at which
  // blocks of the epoch's bits arrive at the pace its header times show (@hashsim/chain's work per block).
  const network = {
    height: startEpoch.retargetHeight - RETARGET_INTERVAL,
    bits: formatBits(startEpoch.oldBits),
    epochFirstBlockTimeS: startS,
    hashrateThs: hashesPerSToThs(hashrateForBits(startEpoch.oldBits, paceS(startEpoch)))
  }
  const startAt = formatAtS(startS)
  const planEntries: Array<PlannedEntry> = []
  plan.slice(1).forEach((e, i) => {
    if ((parseAtS(e.at) ?? 0) < startS) {
      problems.add({ file: planFile, line: i + 2 }, "at", `${e.at} is before the scenario's start ${startAt} (the first block of the epoch holding --from)`)
    }
    const { seq: _seq, prev: _prev, ...plain } = e
    planEntries.push(plain)
  })
  if (!problems.empty) refuse(problems)
  const observed: Array<PlannedEntry> = [
    ...run.map((e): PlannedEntry => ({
      at: formatAtS(e.lastBlockTimeS),
      source: sourceOf(e.origin),
      ...event("DifficultyAdjusted", {
        height: e.retargetHeight,
        oldBits: formatBits(e.oldBits),
        newBits: formatBits(e.newBits),
        firstBlockTimeS: e.firstBlockTimeS,
        lastBlockTimeS: e.lastBlockTimeS
      })
    })),
    ...fees.map((s): PlannedEntry => ({
      at: formatAtS(s.fromS),
      source: { by: "hashsim import chain" },
      ...event("FeesObserved", {
        fromAt: formatAtS(s.fromS),
        untilAt: formatAtS(s.untilS),
        // The exact mean of integer satoshis (one rounding, in the division).
        meanFeePerBlockSats: Number(s.totalFeesSats) / s.blocks,
        reference: `${basename(s.origin.file)}:${s.origin.line} (${s.label})`
      })
    }))
  ]
  // Time order; at the same second the plan's events come first (a deployment before an observation of it),
  // then observations in the order above (retargets, fees).
  const timeline = [...planEntries.map((e, i) => ({ e, k: 0, i })), ...observed.map((e, i) => ({ e, k: 1, i }))]
    .sort((a, b) => (parseAtS(a.e.at) ?? 0) - (parseAtS(b.e.at) ?? 0) || a.k - b.k || a.i - b.i)
    .map(({ e }) => e)
  const { seq: _seq, prev: _prev, ...startPlain } = started
  const first: PlannedEntry = { ...startPlain, at: startAt, data: { ...started.data, name: input.name ?? started.data.name, network } }
  const lines = [first, ...timeline].map((e) => encodeEntry(e))
  const text = lines.join("\n") + "\n"
  // The ledger's validator has the last word: a scenario that does not validate is never handed out.
  const result = validateLogText(text)
  if (result.problems.length > 0) {
    throw new ImportRefusedError({
      message: `the merged scenario does not validate (${result.problems.length} problems; first: ${formatProblem("line", result.problems[0]!).replace(/^line:/, "line ")}); nothing written`
    })
  }
  const lastObserved = observed.length === 0 ? undefined : observed.map((e) => e.at).sort().at(-1)
  return { text, network, startAt, retargets: run.length, feeSpans: fees.length, lastObservedAt: lastObserved }
}


