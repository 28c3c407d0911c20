// A problem in a plan: the plan's own line and key, and a message that names the fix. Printed as every hashsim
// command prints problems: `file:line: key: message`.

export interface PlanProblem {
  readonly line: number
  readonly key: string
  readonly message: string
}

export const formatPlanProblem = (file: string, p: PlanProblem): string => `${file}:${p.line}: ${p.key}: ${p.message}`

/** A plan that does not compile; `problems` holds one root problem per line, in line order. */
export class PlanInvalidError extends Error {
  readonly _tag = "PlanInvalidError"
  constructor(readonly problems: ReadonlyArray<PlanProblem>) {
    super(problems.map((p) => `line ${p.line}: ${p.key}: ${p.message}`).join("\n"))
    this.name = "PlanInvalidError"
  }
  render(file: string): string {
    return this.problems.map((p) => formatPlanProblem(file, p)).join("\n")
  }
}

/** Collects problems, keeping the first on each line: one root error a line, not its knock-on effects. */
export class ProblemList {
  private readonly byLine = new Map<number, PlanProblem>()
  add(line: number, key: string, message: string): void {
    if (!this.byLine.has(line)) this.byLine.set(line, { line, key, message })
  }
  get size(): number {
    return this.byLine.size
  }
  sorted(): ReadonlyArray<PlanProblem> {
    return [...this.byLine.values()].sort((a, b) => a.line - b.line)
  }
}
