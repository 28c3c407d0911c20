// `hashsim sweep <plan> --vary <parameter>=<values> [--vary ...]`: a grid over a plan's own keys (every combination
// of the values), one Monte Carlo batch per point on the same master seed (common random numbers: the points differ
// only by the parameters), one row per point with the statistics a decision needs. Printed as a table; with --out a
// sealed folder: sweep.csv (or sweep.parquet), sweep.json and each point's mc folder under points/.
// The work of the command described in SweepCommand.ts (its arguments typed by that descriptor's config).
import { readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import {
  pointTableCsv, pointTableParquet, sealOfText, writeSealedBytes, writeSealedText,
  type FileSeal, type PointTableColumn, type PointTableRow
} from "@hashsim/montecarlo"
import { parseParameterValues, PlanParameterInvalidError } from "@hashsim/plan"
import { Effect, Option } from "effect"
import type { Command } from "effect/cli"
import { parseMasterSeed, parseWhole, usage, workersOf } from "../BatchFlags.ts"
import { usd } from "../decide/Compare.ts"
import { acquireDecisionFolder, renderDecisionManifest } from "../decide/DecisionFolder.ts"
import { checkParameter, pointStatNames, pointStats, runPoint, type Setting } from "../decide/PlanPoint.ts"
import type { BatchSettings } from "../decide/ScenarioBatch.ts"
import { InputRejectedError, UsageError } from "../ExitCode.ts"
import { hashsimVersion } from "../Version.ts"

export const sweepFolderFormat = "hashsim-sweep-folder/1"

/** `name=<values>` of one --vary flag. */
export const parseVary = (text: string): { readonly name: string; readonly values: Array<string> } => {
  const eq = text.indexOf("=")
  if (eq <= 0) throw new UsageError({ message: `--vary ${JSON.stringify(text)}: write <parameter>=<values>, e.g. contracts.rate=$0.035/kWh,$0.045/kWh or contracts.rate=$0.035/kWh..$0.075/kWh:5` })
  const name = text.slice(0, eq).trim()
  try {
    return { name, values: parseParameterValues(text.slice(eq + 1)) }
  } catch (error) {
    if (error instanceof PlanParameterInvalidError) throw new UsageError({ message: `--vary ${name}: ${error.message}` })
    throw error
  }
}

/** Every combination of the values, the first parameter varying slowest. */
export const gridOf = (varies: ReadonlyArray<{ readonly name: string; readonly values: ReadonlyArray<string> }>): Array<Array<Setting>> =>
  varies.reduce<Array<Array<Setting>>>((points, v) => points.flatMap((p) => v.values.map((value) => [...p, [v.name, value] as const])), [[]])

/** Columns of the sweep table: the parameters (as written) and the statistics of each point. */
export const sweepColumns = (names: ReadonlyArray<string>): Array<PointTableColumn> => [
  ...names.map((name) => ({ name, kind: "text" as const })),
  ...pointStatNames.map((name) => ({ name, kind: "number" as const }))
]

const renderSweepTable = (names: ReadonlyArray<string>, rows: ReadonlyArray<PointTableRow>, paths: number, masterSeed: number): string => {
  const header = [...names, "NPV p05", "NPV p50", "NPV p95", "P(payback)", "all-in $/BTC p50"]
  const at = (name: string) => names.length + pointStatNames.indexOf(name as (typeof pointStatNames)[number])
  const cells = rows.map((r) => [
    ...names.map((_, j) => String(r[j])),
    usd(r[at("npvUsdCentsP05")] as number), usd(r[at("npvUsdCentsP50")] as number), usd(r[at("npvUsdCentsP95")] as number),
    `${((r[at("paybackProbability")] as number) * 100).toFixed(1)}%`, usd(r[at("allInCostPerBtcUsdCentsP50")] as number)
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)))
  const line = (c: ReadonlyArray<string>) => c.map((x, i) => (i < names.length ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join("  ")
  return [
    `Sweep: ${rows.length} points, ${paths} paths each on the same path seeds (master seed ${masterSeed}): the points differ only by the parameters`,
    "",
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...cells.map(line)
  ].join("\n") + "\n"
}

import type { sweepConfig } from "./SweepCommand.ts"

export const sweepHandler = (args: Command.Command.Config.Infer<typeof sweepConfig>) =>
    Effect.gen(function* () {
      const paths = yield* usage(() => parseWhole("--paths", args.paths, 1))
      const masterSeed = yield* usage(() => parseMasterSeed(args.seed))
      const workers = yield* workersOf(args.workers)
      const batch: BatchSettings = { paths, masterSeed, engine: args.engine, workers, format: args.format }
      const file = args.scenario
      const source = yield* Effect.try({
        try: () => readFileSync(file, "utf8"),
        catch: (error) => new InputRejectedError({ message: `${file}: cannot read the plan: ${(error as Error).message}` })
      })
      const varies = yield* usage(() => args.vary.map(parseVary))
      const names = varies.map((v) => v.name)
      if (new Set(names).size !== names.length) return yield* new UsageError({ message: `--vary: each parameter once (${names.join(", ")})` })
      for (const name of names) yield* checkParameter(file, source, name)
      const grid = gridOf(varies)
      const outDir = Option.getOrUndefined(args.out)
      yield* Effect.scoped(Effect.gen(function* () {
        const folder = yield* acquireDecisionFolder(outDir, sweepFolderFormat, "sweep")
        const rows: Array<PointTableRow> = []
        const points: Array<{ point: string; settings: Record<string, string>; scenarioSha256: string }> = []
        const files: Record<string, FileSeal> = {}
        const width = String(grid.length).length
        for (const [k, settings] of grid.entries()) {
          const point = String(k + 1).padStart(Math.max(3, width), "0")
          const label = `sweep point ${k + 1}/${grid.length} (${settings.map(([n, v]) => `${n}=${v}`).join(", ")})`
          const dir = join(folder.staging, "points", point)
          const result = yield* runPoint(file, source, settings, batch, dir, label)
          const stats = pointStats(result.table)
          rows.push([...settings.map(([, v]) => v), ...pointStatNames.map((n) => stats[n])])
          points.push({ point, settings: Object.fromEntries(settings), scenarioSha256: result.scenarioSha256 })
          files[`points/${point}/manifest.json`] = sealOfText(readFileSync(join(dir, "manifest.json"), "utf8"))
          // Without --out each point's batch is dropped once its row is taken.
          if (outDir === undefined) rmSync(dir, { recursive: true, force: true })
        }
        const columns = sweepColumns(names)
        const identity = {
          hashsimVersion, plan: file, masterSeed, paths, engine: args.engine,
          commonRandomNumbers: "path i of every point runs with the seed derived from (masterSeed, i); each random stream is keyed by that seed and the stream's name",
          parameters: varies.map((v) => ({ name: v.name, values: v.values })),
          points
        }
        if (outDir !== undefined) {
          const tableName = `sweep.${args.format}`
          yield* Effect.try({
            try: () => {
              files[tableName] = args.format === "parquet"
                ? writeSealedBytes(join(folder.staging, tableName), pointTableParquet(columns, rows))
                : writeSealedText(join(folder.staging, tableName), pointTableCsv(columns, rows))
              const json = `${JSON.stringify({ format: "hashsim-sweep/1", ...identity, columns, rows }, null, 2)}\n`
              files["sweep.json"] = writeSealedText(join(folder.staging, "sweep.json"), json)
              folder.publish(renderDecisionManifest(sweepFolderFormat, identity, files))
            },
            catch: (error) => new InputRejectedError({ message: `cannot write ${outDir}: ${(error as Error).message}` })
          })
        }
        yield* Effect.sync(() => process.stdout.write(renderSweepTable(names, rows, paths, masterSeed)))
      }))
    })
