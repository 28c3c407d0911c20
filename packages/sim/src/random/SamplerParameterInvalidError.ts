// The error every sampler throws when called with a parameter outside its domain (a bug in the caller).
export class SamplerParameterInvalidError extends Error {
  readonly _tag = "SamplerParameterInvalidError"
  constructor(
    readonly sampler: string,
    readonly parameter: string,
    readonly value: number
  ) {
    super(`${sampler}: ${parameter} out of range: ${value}`)
    this.name = "SamplerParameterInvalidError"
  }
}
