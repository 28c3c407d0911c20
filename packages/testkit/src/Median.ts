// The median the benches report (the middle value, or the mean of the two middle ones): one definition for every
// package's `pnpm bench`.
export const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
