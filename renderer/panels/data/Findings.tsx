/** The sanity gate's findings, each explained, with its one-click fix where there is one. */
import type { FindingData } from '../../../electron/contract';

const SEVERITY = { error: 'Must fix', warning: 'Check', info: 'Note' } as const;

export function Findings({
  findings,
  onFix,
  busy,
}: {
  findings: FindingData[];
  onFix(f: FindingData): void;
  busy: boolean;
}) {
  if (findings.length === 0) return <p className="muted">No problems found in the data.</p>;
  return (
    <ul className="findings" aria-label="Data checks">
      {findings.map((f, i) => (
        <li key={`${f.id}-${i}`} className={`finding ${f.severity}`} aria-label={f.title}>
          <span className="severity">{SEVERITY[f.severity]}</span>
          <div>
            <strong>{f.title}</strong>
            <p>{f.detail}</p>
          </div>
          {f.fix && (
            <button type="button" disabled={busy} onClick={() => onFix(f)}>
              {f.fix.label}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
