// What every invariant is: a fold of its own over the events of a log (initial state, a step per event, a result),
// fed by one driver (LogInvariants.ts) that folds the ledger once and hands each invariant the state before and
// after the event. An invariant keeps its own books from the events' data, independently of the decider, so a
// fault in the simulator, the decider or the chain arithmetic shows up as a violation on the line it happened.
import type { LedgerState, LogEntry } from "@hashsim/ledger"

export type InvariantName = "conservation" | "fleet" | "chain"

/** One broken invariant: which, on what line of the log, and why. */
export interface InvariantViolation {
  readonly invariant: InvariantName
  readonly line: number
  readonly message: string
}

/** One event of the log as every invariant sees it (LogSealed is never stepped). */
export interface InvariantEvent {
  readonly entry: LogEntry
  /** The entry's line (its seq). */
  readonly line: number
  /** Scenario time of `at` in Unix seconds (NaN if it does not parse). */
  readonly atS: number
  /** The UTC day number of `atS` (NaN with it). */
  readonly day: number
  /** Written by an engine (its source names one), not planned or observed. */
  readonly generated: boolean
  /** The ledger's state before and after this event (evolve). */
  readonly before: LedgerState
  readonly after: LedgerState
}

/**
 * An invariant as a fold. `step` may update its state in place (a log has millions of events) and returns it;
 * `result` closes the books at the end of the log (`lastLine`: the line end-of-log violations name).
 */
export interface Invariant<S> {
  readonly name: InvariantName
  readonly initialState: () => S
  readonly step: (state: S, event: InvariantEvent) => S
  readonly result: (state: S, lastLine: number) => ReadonlyArray<InvariantViolation>
}

/** The violations an invariant collects as it folds (its states hold one). */
export class Violations {
  readonly list: Array<InvariantViolation> = []
  constructor(readonly invariant: InvariantName) {}
  fail(line: number, message: string): void {
    this.list.push({ invariant: this.invariant, line, message })
  }
}

/** TH/s sums of float parts may overshoot by this relative amount (the decider's slack). */
export const THS_RELATIVE_SLACK = 1e-9
