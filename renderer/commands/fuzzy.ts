/**
 * Fuzzy matching for the command palette: the query's letters in order, anywhere in the label.
 * Matches at the start of the label or of a word, and runs of adjacent letters, score higher.
 */

/** A score (higher is better), or null when `query` does not match `text`. */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.trim().toLowerCase();
  if (!q) return 0;
  const t = text.toLowerCase();
  let score = 0;
  let at = 0;
  let run = 0;
  for (const ch of q) {
    if (ch === ' ') continue;
    const i = t.indexOf(ch, at);
    if (i < 0) return null;
    const wordStart = i === 0 || /[\s\-_:(…]/.test(t[i - 1]!);
    run = i === at ? run + 1 : 0;
    score += 1 + (wordStart ? 4 : 0) + run * 2 - Math.min(i - at, 5) * 0.2;
    at = i + 1;
  }
  // An exact prefix beats any scattered match.
  if (t.startsWith(q)) score += 20;
  return score;
}

/** The items that match, best first; the original order breaks ties (and rules for no query). */
export function fuzzyFilter<T>(items: readonly T[], query: string, text: (t: T) => string): T[] {
  const scored: { item: T; score: number; i: number }[] = [];
  items.forEach((item, i) => {
    const score = fuzzyScore(query, text(item));
    if (score !== null) scored.push({ item, score, i });
  });
  return scored.sort((a, b) => b.score - a.score || a.i - b.i).map((s) => s.item);
}
