// The driver: folds the ledger over a log once and steps every invariant's own fold with each event; what
// `hashsim check` runs on every log and what the properties in the top-level test/ assert on generated ones.
import { SECONDS_PER_DAY } from "@hashsim/economics"
import { evolve, initialState, type LedgerState, type LogEntry, parseAtS } from "@hashsim/ledger"
import { chainInvariant } from "./ChainInvariant.ts"
import { conservationInvariant } from "./ConservationInvariant.ts"
import { fleetInvariant } from "./FleetInvariant.ts"
import type { Invariant, InvariantName, InvariantViolation } from "./Invariant.ts"

/** Every invariant, in the order `hashsim check` reports them. */
export const INVARIANTS: ReadonlyArray<Invariant<any>> = [conservationInvariant, fleetInvariant, chainInvariant]

/** The names of INVARIANTS, in order. */
export const INVARIANT_NAMES: ReadonlyArray<InvariantName> = INVARIANTS.map((i) => i.name)

/**
 * Checks `invariants` (all by default) over the entries of one log, in order (LogSealed may be included; it is
 * skipped). Returns the violations, first line first; an empty list means the log keeps every invariant.
 */
export const checkLogInvariants = (
  entries: ReadonlyArray<LogEntry>,
  invariants: ReadonlyArray<Invariant<any>> = INVARIANTS
): ReadonlyArray<InvariantViolation> => {
  const states = invariants.map((i) => i.initialState())
  let state: LedgerState = initialState()
  for (const entry of entries) {
    if (entry.type === "LogSealed") continue
    const atS = parseAtS(entry.at) ?? Number.NaN
    const before = state
    state = evolve(before, entry)
    const event = {
      entry, line: entry.seq, atS, day: Math.floor(atS / SECONDS_PER_DAY), generated: entry.source?.engine !== undefined, before, after: state
    }
    for (let k = 0; k < invariants.length; k++) states[k] = invariants[k]!.step(states[k], event)
  }
  const lastLine = entries.at(-1)?.seq ?? 1
  return invariants.flatMap((inv, k) => inv.result(states[k], lastLine)).sort((a, b) => a.line - b.line)
}
