// Which inputs differ between two scenarios: a diff of their compiled plan events (the JSONL a plan compiles to).
// Events are matched by type and the id they carry (lot, contract, site) and, for scheduled events, their time;
// matched events are compared field by field (dotted paths), the rest are listed as only in one scenario.

interface PlanEvent {
  readonly key: string
  readonly fields: ReadonlyMap<string, string>
}

const ID_FIELDS = ["lotId", "contractId", "siteId"]

const flatten = (value: unknown, prefix: string, into: Map<string, string>): void => {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix === "" ? k : `${prefix}.${k}`, into)
  } else {
    into.set(prefix, JSON.stringify(value))
  }
}

// `name` differs between any two scenarios by design; it is not an input.
const IGNORED = new Set(["ScenarioStarted:name"])

const eventsOf = (jsonl: string): Array<PlanEvent> => {
  const seen = new Map<string, number>()
  const events: Array<PlanEvent> = []
  for (const line of jsonl.split("\n")) {
    if (line.trim() === "") continue
    const e = JSON.parse(line) as { type: string; at: string; data?: Record<string, unknown> }
    if (e.type === "LogSealed") continue
    const data = e.data ?? {}
    const id = ID_FIELDS.map((f) => data[f]).find((v) => typeof v === "string")
    // Purchases and contracts are known by their ids; other events (deployments, prices, sales) by their time too.
    const base = e.type === "ScenarioStarted" || e.type === "HashratePurchased" || e.type === "HostingContractSigned"
      ? `${e.type}${id === undefined ? "" : ` ${String(id)}`}`
      : `${e.type} at ${e.at}`
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    const fields = new Map<string, string>()
    flatten(data, "", fields)
    if (!(e.type === "ScenarioStarted" || e.type === "HashratePurchased" || e.type === "HostingContractSigned")) fields.set("at", JSON.stringify(e.at))
    events.push({ key: n === 1 ? base : `${base} #${n}`, fields })
  }
  return events
}

/** Lines saying how B's plan events differ from A's (`HostingContractSigned bitmain-us-hosting: ratePerMwhUsdCents 7500 -> 5500`). */
export const inputDifferences = (aJsonl: string, bJsonl: string): Array<string> => {
  const a = eventsOf(aJsonl)
  const b = new Map(eventsOf(bJsonl).map((e) => [e.key, e]))
  const lines: Array<string> = []
  const matched = new Set<string>()
  // A purchase or contract whose id changed is still the same input when it is the only one of its type on each side.
  const typeOf = (key: string) => key.split(" ")[0]!
  const pairedKey = new Map<string, string>()
  for (const type of new Set(a.map((e) => typeOf(e.key)))) {
    const onlyA = a.filter((e) => typeOf(e.key) === type && !b.has(e.key))
    const onlyB = [...b.keys()].filter((k) => typeOf(k) === type && !a.some((e) => e.key === k))
    if (onlyA.length === 1 && onlyB.length === 1 && a.filter((e) => typeOf(e.key) === type).length === 1) pairedKey.set(onlyA[0]!.key, onlyB[0]!)
  }
  for (const ea of a) {
    const bKey = pairedKey.get(ea.key) ?? ea.key
    const eb = b.get(bKey)
    if (eb === undefined) {
      lines.push(`only in A: ${ea.key}`)
      continue
    }
    matched.add(bKey)
    const names = [...new Set([...ea.fields.keys(), ...eb.fields.keys()])]
    for (const name of names) {
      if (IGNORED.has(`${ea.key}:${name}`)) continue
      const x = ea.fields.get(name)
      const y = eb.fields.get(name)
      if (x !== y) lines.push(`${bKey === ea.key ? ea.key : `${ea.key} / ${bKey}`}: ${name} ${x ?? "(none)"} -> ${y ?? "(none)"}`)
    }
  }
  for (const key of b.keys()) if (!matched.has(key)) lines.push(`only in B: ${key}`)
  return lines
}
