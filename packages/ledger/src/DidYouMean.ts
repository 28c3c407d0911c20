// "Did you mean ...?": the closest known name to a misspelt one, by edit distance (insertions, deletions,
// substitutions and swaps of neighbours each cost 1), so a typo names its fix instead of only being refused.

/** Optimal string alignment distance between two strings, compared case-insensitively. */
export const editDistance = (a: string, b: string): number => {
  const s = a.toLowerCase()
  const t = b.toLowerCase()
  const d: Array<Array<number>> = Array.from({ length: s.length + 1 }, (_, i) => [i])
  for (let j = 1; j <= t.length; j++) d[0]![j] = j
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1)
      d[i]![j] = best
    }
  }
  return d[s.length]![t.length]!
}

/**
 * The known name nearest to `name`, if it is near enough to be a typo: within a third of the name's length
 * (at least 1, at most 3 edits), or a case-only difference. Ties go to the first in `known`.
 */
export const closestName = (name: string, known: Iterable<string>): string | undefined => {
  let best: string | undefined
  let bestDistance = Infinity
  for (const k of known) {
    const distance = editDistance(name, k)
    if (distance < bestDistance) {
      best = k
      bestDistance = distance
    }
  }
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 3)))
  return best !== undefined && bestDistance <= limit ? best : undefined
}

/** ` (did you mean "X"?)` when a known name is close, else "". */
export const didYouMean = (name: string, known: Iterable<string>): string => {
  const best = closestName(name, known)
  return best === undefined ? "" : ` (did you mean "${best}"?)`
}
