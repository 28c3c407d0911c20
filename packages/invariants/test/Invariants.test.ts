// Each invariant is a fold of its own: run alone it finds exactly what it finds among all of them, and a fault of
// its kind planted in a real scenario is reported on the planted line.
import { readFileSync } from "node:fs"
import { type LogEntry, validateLogText } from "@hashsim/ledger"
import { describe, expect, it } from "vitest"
import { chainInvariant, checkLogInvariants, conservationInvariant, fleetInvariant, INVARIANT_NAMES, INVARIANTS } from "../src/index.ts"

const scenarioText = readFileSync(new URL("../../../scenarios/cango-2024.jsonl", import.meta.url), "utf8")
const entriesOf = (text: string): Array<LogEntry> => {
  const entries: Array<LogEntry> = []
  const { problems } = validateLogText(text, { onEntry: (e) => entries.push(e) })
  expect(problems).toEqual([])
  return entries
}
const scenario = entriesOf(scenarioText)
const last = scenario.at(-1)!
/** An entry appended after the scenario, at `at` (default: the last event's time). */
const planted = (type: string, data: Record<string, unknown>, at = last.at): LogEntry =>
  ({ seq: last.seq + 1, at, type, v: 1, data }) as unknown as LogEntry

describe("invariants as folds", () => {
  it("a reference scenario keeps every invariant; the order of the report is conservation, fleet, chain", () => {
    expect(checkLogInvariants(scenario)).toEqual([])
    expect(INVARIANT_NAMES).toEqual(["conservation", "fleet", "chain"])
  })

  const faults = [
    ["conservation", conservationInvariant, planted("RewardCredited", { amountSats: 100, poolFeeSats: 0, basis: "block", height: 870_000 })],
    ["fleet", fleetInvariant, planted("MachinesRemoved", { lotId: "bitmain-32eh", siteId: "bitmain-us", hashrateThs: 1e12 })],
    ["chain", chainInvariant, planted("PriceObserved", { priceUsdCents: 7_000_000 }, "2024-11-06T00:00:00Z")]
  ] as const
  it.each(faults)("a planted %s fault is that invariant's, on the planted line, alone or among all", (name, invariant, fault) => {
    const log = [...scenario, fault]
    const all = checkLogInvariants(log)
    const mine = all.filter((v) => v.invariant === name)
    expect(mine.length).toBeGreaterThan(0)
    expect(mine[0]!.line).toBe(fault.seq)
    expect(checkLogInvariants(log, [invariant])).toEqual(mine)
    for (const other of INVARIANTS.filter((i) => i !== invariant)) {
      expect(checkLogInvariants(log, [other])).toEqual(all.filter((v) => v.invariant === other.name))
    }
  })
})
