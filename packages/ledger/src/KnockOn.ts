// One root error per bad line, not a cascade: when a line does not decode, what it would have introduced (the
// scenario's start, a lot, a contract and its site) is remembered, and a later line's decider problem that only
// follows from that absence ("before ScenarioStarted", "unknown lot") is not reported again.

const field = (o: unknown, key: string): unknown => (typeof o === "object" && o !== null ? (o as Record<string, unknown>)[key] : undefined)

export class KnockOnFilter {
  private startBroken = false
  private readonly lots = new Set<unknown>()
  private readonly contracts = new Set<unknown>()
  private readonly sites = new Set<unknown>()

  /** A line that did not decode (its parsed JSON): remember what it would have introduced. */
  noteUndecoded(json: unknown): void {
    const type = field(json, "type")
    const data = field(json, "data")
    if (type === "ScenarioStarted") this.startBroken = true
    if (type === "HashratePurchased") this.lots.add(field(data, "lotId"))
    if (type === "HostingContractSigned") {
      this.contracts.add(field(data, "contractId"))
      this.sites.add(field(data, "siteId"))
    }
  }

  /** Whether a decider problem of a later line is only the knock-on effect of an earlier line that did not decode. */
  isKnockOn(entry: { readonly data: unknown }, failure: { readonly _tag: string }): boolean {
    switch (failure._tag) {
      case "ScenarioNotStartedError":
        return this.startBroken
      case "LotUnknownError":
        return this.lots.has(field(entry.data, "lotId"))
      case "SiteUnknownError":
        return this.sites.has(field(entry.data, "siteId"))
      case "ContractUnknownError":
        return this.contracts.has(field(entry.data, "contractId"))
      default:
        return false
    }
  }
}
