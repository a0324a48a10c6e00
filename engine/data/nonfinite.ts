/**
 * The sanity check for numbers without a finite value ("1e309", "-1e309", "Infinity", "-inf") in
 * a numeric column: inference keeps the column numeric and their cells missing (see infer.ts);
 * this says how many there are and where, and what happens to them: imputed like other gaps
 * (the default) or refused, by the column's `nonFinite` choice.
 */
import { nonFiniteChoice } from './options';
import { IMPUTE_WORDS } from './reading';
import type { SanityInput } from './sanity';
import type { Finding } from './types';

const EXAMPLES = 3;
/** Columns named in the one warning (the rest are counted). */
const NAMED = 5;

/**
 * One error per column that refuses such cells (with the way back), one warning for the columns
 * that treat them as missing.
 */
export function nonFiniteNumbers(s: SanityInput): Finding[] {
  const out: Finding[] = [];
  const handled: string[] = [];
  let handledColumns = 0;
  const target = s.columns.find((c) => c.role === 'target');
  const checked = [...s.features.map((f) => f.summary), ...(target ? [target] : [])];
  for (const c of checked) {
    if (c.kind !== 'numeric' && c.kind !== 'integer') continue;
    const inf = s.inferred[c.index];
    if (!inf || inf.nonFinite === 0) continue;
    const col = c.role === 'target' ? s.target : s.features.find((f) => f.summary === c)!.col;
    const n = inf.nonFinite;
    const where = inf.nonFiniteRows
      .slice(0, EXAMPLES)
      .map((r) => `line ${s.lines[r]}: "${col.text(r)}"`)
      .join(', ');
    const cells = `${n} cell${n === 1 ? '' : 's'} of "${c.name}" (${where}${n > EXAMPLES ? ', …' : ''})`;
    if (nonFiniteChoice(s.options, c.name) === 'refuse') {
      out.push({
        id: 'non-finite-numbers',
        severity: 'error',
        title: 'Infinite or overflowing numbers refused',
        detail: `${cells} ${n === 1 ? 'holds' : 'hold'} no finite number, and this column refuses them: fix them in the file, or treat them as missing values.`,
        fix: {
          label: 'Treat them as missing',
          patch: { columns: { [c.name]: { nonFinite: 'missing' } } },
        },
      });
      continue;
    }
    handledColumns++;
    if (handled.length < NAMED) {
      const fate =
        c.role === 'target'
          ? 'rows left out: the target is missing'
          : `treated as missing, ${IMPUTE_WORDS[c.impute]}`;
      handled.push(`${cells}: ${fate}`);
    }
  }
  if (handledColumns > 0) {
    const more = handledColumns - handled.length;
    out.unshift({
      id: 'non-finite-numbers',
      severity: 'warning',
      title: 'Infinite or overflowing numbers',
      detail: `Cells written as numbers hold no finite value (too large for a number, or infinity): ${handled.join('; ')}${more > 0 ? `; and ${more} more column${more === 1 ? '' : 's'}` : ''}.`,
      fix: null,
    });
  }
  return out;
}
