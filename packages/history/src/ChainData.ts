// Reads chain data files of any supported layout, told apart by their first line: the two retarget CSVs, a
// headers CSV, the monthly fees CSV, and JSON lines of `bitcoin-cli getblockheader` or `getblockstats`.
import { readCsv } from "./Csv.ts"
import { Problems } from "./DataProblem.ts"
import { FEES_COLUMNS, feeSpansOfBlocks, readBlockStatsLines, readFeesTable } from "./Fees.ts"
import { checkHeaders, epochsOfHeaders, HEADER_COLUMNS, readHeaderLines, readHeadersTable } from "./Headers.ts"
import { readJsonLines } from "./JsonLines.ts"
import type { BlockFeesRecord, EpochRecord, FeeSpanRecord, HeaderRecord } from "./Records.ts"
import { isRetargetHeader, RETARGET_COLUMNS, RETARGET_COLUMNS_WITH_NEXT, readRetargetTable } from "./RetargetCsv.ts"

export interface DataFile {
  /** The path as the user named it (messages quote it). */
  readonly file: string
  readonly text: string
}

export interface ChainData {
  /** Epochs from retarget files and from complete runs of headers, in file order (not yet merged). */
  readonly epochs: ReadonlyArray<EpochRecord>
  readonly feeSpans: ReadonlyArray<FeeSpanRecord>
  readonly problems: Problems
}

const sameColumns = (header: ReadonlyArray<string>, columns: ReadonlyArray<string>): boolean =>
  header.length === columns.length && header.every((h, i) => h === columns[i])

const layouts = [
  RETARGET_COLUMNS.join(","), RETARGET_COLUMNS_WITH_NEXT.join(","), HEADER_COLUMNS.join(","), FEES_COLUMNS.join(",")
].map((l) => `  ${l}`).join("\n")

export const readChainData = (files: ReadonlyArray<DataFile>): ChainData => {
  const problems = new Problems()
  const epochs: Array<EpochRecord> = []
  const headers: Array<HeaderRecord> = []
  const blockFees: Array<BlockFeesRecord> = []
  const feeSpans: Array<FeeSpanRecord> = []
  for (const { file, text } of files) {
    const firstLine = text.replace(/^\uFEFF/, "").trimStart()
    if (firstLine.startsWith("{")) {
      const lines = readJsonLines(file, text, problems)
      const first = lines[0]?.value ?? {}
      if ("totalfee" in first) blockFees.push(...readBlockStatsLines(lines, problems))
      else if ("bits" in first) headers.push(...readHeaderLines(lines, problems))
      else problems.add(lines[0]?.origin ?? { file, line: 1 }, "line", "JSON lines of neither getblockheader (height, time, bits) nor getblockstats (height, time, totalfee, subsidy)")
      continue
    }
    const table = readCsv(file, text, problems)
    if (table.header.length === 0) {
      if (problems.empty) problems.add({ file, line: 1 }, "line", "empty file")
      continue
    }
    if (isRetargetHeader(table.header)) epochs.push(...readRetargetTable(table, problems))
    else if (sameColumns(table.header, HEADER_COLUMNS)) headers.push(...readHeadersTable(table, problems))
    else if (sameColumns(table.header, FEES_COLUMNS)) feeSpans.push(...readFeesTable(table, problems))
    else problems.add({ file, line: 1 }, "header", `not a known layout: ${table.header.join(",")}; expected one of\n${layouts}`)
  }
  if (headers.length > 0) epochs.push(...epochsOfHeaders(checkHeaders(headers, problems)))
  const seen = new Map<number, BlockFeesRecord>()
  for (const b of blockFees) {
    const other = seen.get(b.height)
    if (other !== undefined) problems.add(b.origin, "height", `block ${b.height} is already in ${other.origin.file}:${other.origin.line}`)
    seen.set(b.height, b)
  }
  feeSpans.push(...feeSpansOfBlocks([...seen.values()]))
  return { epochs, feeSpans, problems }
}
