// A tiny given/when/then harness for decider specifications: given past events, when a new one is decided, then
// it is accepted (and evolves the state as expected) or rejected with a named error on a named field.
import { Result } from "effect"
import { expect } from "vitest"
import { decide, type DomainError, evolve, initialState, type LedgerState, type TimedEvent } from "../src/index.ts"

export const given = (...history: ReadonlyArray<TimedEvent>) => {
  let state = initialState()
  for (const e of history) {
    const decision = decide(state, e)
    if (Result.isFailure(decision)) throw new Error(`given: ${e.type} was rejected: ${decision.failure.message}`)
    state = evolve(state, e)
  }
  return {
    state,
    when: (event: TimedEvent) => {
      const decision = decide(state, event)
      return {
        thenAccepted: (check?: (after: LedgerState) => void): void => {
          if (Result.isFailure(decision)) throw new Error(`expected acceptance, got ${decision.failure._tag}: ${decision.failure.message}`)
          expect(decision.success).toBe(event)
          check?.(evolve(state, event))
        },
        thenRejected: (tag: DomainError["_tag"], field: string, message?: RegExp): void => {
          if (Result.isSuccess(decision)) throw new Error(`expected ${tag}, but ${event.type} was accepted`)
          expect(decision.failure._tag).toBe(tag)
          expect(decision.failure.field).toBe(field)
          if (message !== undefined) expect(decision.failure.message).toMatch(message)
        }
      }
    }
  }
}
