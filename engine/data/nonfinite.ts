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

export function nonFiniteNumbers(s: SanityInput): Finding[] {
  const out: Finding[] = [];
  const target = s.columns.find((c) => c.role === 'target');
  const checked = [...s.features.map((f) => f.summary), ...(target ? [target] : [])];
  for (const c of checked) {
    if (c.kind !== 'numeric' && c.kind !== 'integer') continue;
    const inf = s.inferred[c.index];
    if (!inf || inf.nonFinite === 0) continue;
    const col = c.role === 'target' ? s.target : s.features.find((f) => f.summary === c)!.col;
    const where = inf.nonFiniteRows
      .slice(0, EXAMPLES)
      .map((r) => `line ${s.lines[r]}: "${col.text(r)}"`)
      .join(', ');
    const n = inf.nonFinite;
    const cells = `${n} cell${n === 1 ? '' : 's'} of "${c.name}" ${n === 1 ? 'holds' : 'hold'} no finite number (${where}${n > EXAMPLES ? ', …' : ''})`;
    const refused = nonFiniteChoice(s.options, c.name) === 'refuse';
    if (refused) {
      out.push({
        id: 'non-finite-numbers',
        severity: 'error',
        title: 'Infinite or overflowing numbers refused',
        detail: `${cells}. This column refuses them: fix them in the file, or treat them as missing values.`,
        fix: {
          label: 'Treat them as missing',
          patch: { columns: { [c.name]: { nonFinite: 'missing' } } },
        },
      });
      continue;
    }
    const handled =
      c.role === 'target'
        ? 'Rows with one as the target are left out.'
        : `They are treated as missing values (${IMPUTE_WORDS[c.impute]}).`;
    out.push({
      id: 'non-finite-numbers',
      severity: 'warning',
      title: 'Infinite or overflowing numbers',
      detail: `${cells}: too large for a number or written as infinity. ${handled}`,
      fix: null,
    });
  }
  return out;
}
