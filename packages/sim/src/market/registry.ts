// Every series model by name: how the compiler turns the catalogue's form into the plan's, and how a path builds
// its stepper. A new model: its schema in the ledger catalogue, one module here, one case in each switch below.
import type { OtherHashrateModel, PriceModel } from "@hashsim/ledger"
import type { PlanIndex } from "../scenario/PlanIndex.ts"
import { compileGbm, GbmSeries, type GbmSeriesPlan } from "./GbmSeries.ts"
import { compileHashprice, type HashpriceInputs, HashpriceSeries, type HashpriceSeriesPlan } from "./HashpriceSeries.ts"
import { compileJumpDiffusion, JumpDiffusionSeries, type JumpDiffusionSeriesPlan } from "./JumpDiffusionSeries.ts"
import type { SeriesCompileContext, SeriesStepper } from "./SeriesStepper.ts"
import { compileTable, TableSeries, type TableSeriesPlan } from "./TableSeries.ts"

/** A series model as the scenario's catalogue writes it (price or everyone else's hashrate). */
export type CatalogueSeries = typeof OtherHashrateModel.Type | typeof PriceModel.Type

/** A series model as the plan holds it (times in seconds, arrays typed). */
export type SeriesPlan = GbmSeriesPlan | TableSeriesPlan | HashpriceSeriesPlan | JumpDiffusionSeriesPlan

const unknownModel = (model: never): never => {
  throw new Error(`unknown series model ${JSON.stringify(model)}`)
}

export const compileSeries = (raw: CatalogueSeries, ctx: SeriesCompileContext): SeriesPlan => {
  switch (raw.model) {
    case "gbm":
      return compileGbm(raw)
    case "table":
      return compileTable(raw, ctx)
    case "hashprice":
      return compileHashprice(raw)
    case "jumpDiffusion":
      return compileJumpDiffusion(raw)
    default:
      return unknownModel(raw)
  }
}

/**
 * The stepper of `plan`; `stream` names the random stream a model that draws uses; `inputs` is where a model that
 * answers to the market (the hashprice network) reads the day's price, reward and work per block.
 */
export const seriesModelOf = (plan: SeriesPlan, days: PlanIndex, stream: string, inputs: HashpriceInputs): SeriesStepper => {
  switch (plan.model) {
    case "gbm":
      return new GbmSeries(plan, days, stream)
    case "table":
      return new TableSeries(plan, days)
    case "hashprice":
      return new HashpriceSeries(plan, days, inputs)
    case "jumpDiffusion":
      return new JumpDiffusionSeries(plan, days, stream)
    default:
      return unknownModel(plan)
  }
}
