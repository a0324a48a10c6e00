/**
 * Counts in words: "1 unit", "2 units". English plurals are irregular in a few words (class →
 * classes), so the plural form can be given; it defaults to word + "s". Lives in engine/graph so
 * graph messages and the renderer share it.
 */

/** The word alone, for counts written another way (e.g. with thousands separators). */
export function pluralWord(n: number, one: string, many = `${one}s`): string {
  return Math.abs(n) === 1 ? one : many;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${pluralWord(n, one, many)}`;
}
