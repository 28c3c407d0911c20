// The one thing a batch needs from a simulator: run path i with its seed and write one number per outcome column.
// Workers build their runner from a serialisable RunnerSpec (a module URL, an export name and JSON options),
// so the same code runs a fake in tests and the real simulator in the CLI.

/** How a column's numbers are written: `number` as JavaScript's shortest round-trip form, `date` as YYYY-MM-DD. */
export type OutcomeColumnKind = "number" | "date"

export interface OutcomeColumn {
  /** Column name in outcomes.csv and summary.json; carries its unit (`minedSats`, `minedSats:2024-12`). */
  readonly name: string
  /** `date` columns hold whole days since 1970-01-01 (UTC) in `run`'s output array. */
  readonly kind: OutcomeColumnKind
}

export interface PathRunner {
  /** The outcome columns, in CSV order (after `path` and `seed`). */
  readonly columns: ReadonlyArray<OutcomeColumn>
  /**
   * Simulates path `pathIndex` with seed `pathSeed` and writes one value per column into `out[0..columns.length)`.
   * NaN marks a value that does not exist (e.g. no payback within the horizon). Must depend on `pathSeed` only.
   */
  run(pathIndex: number, pathSeed: number, out: Float64Array): void
}

/** A recipe for a runner that can cross a worker boundary. */
export interface RunnerSpec {
  /** `file:` URL of an ES module (TypeScript is fine: workers load it through tsx). */
  readonly moduleUrl: string
  /** Name of the exported factory `(options) => PathRunner | Promise<PathRunner>`. */
  readonly exportName: string
  /** JSON-serialisable options passed to the factory. */
  readonly options: unknown
}

export type PathRunnerFactory = (options: unknown) => PathRunner | Promise<PathRunner>

/** Imports the spec's module and builds its runner. */
export const loadRunner = async (spec: RunnerSpec): Promise<PathRunner> => {
  const module = (await import(spec.moduleUrl)) as Record<string, unknown>
  const factory = module[spec.exportName]
  if (typeof factory !== "function") throw new Error(`${spec.moduleUrl} does not export a runner factory named ${spec.exportName}`)
  return await (factory as PathRunnerFactory)(spec.options)
}
