/**
 * Counts in words: "1 unit", "2 units", "1,000 rows". English plurals are irregular in a few
 * words (class → classes), so the plural form can be given; it defaults to word + "s". Lives in
 * engine/graph so graph messages and the renderer share it.
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${Math.abs(n) === 1 ? one : many}`;
}
