/** A loaded dataset: file summary, checks, target and classes, settings, columns and preview. */
import { plural } from '../../src/plural';
import { useMemo } from 'react';
import type {
  DatasetOptionsPatch,
  DatasetSummaryData,
  FindingData,
} from '../../../electron/contract';
import { ClassBars } from '../../charts/ClassBars';
import { useTrainingStore } from '../../store/training';
import { AfterPaint } from './AfterPaint';
import { ColumnsTable } from './ColumnsTable';
import { Findings } from './Findings';
import { Preview } from './Preview';
import { Settings } from './Settings';
import { fileLine, readyLine } from './format';
import { rowImageShape } from './image';

interface Props {
  summary: DatasetSummaryData;
  accepted: boolean;
  busy: boolean;
  onChange(patch: DatasetOptionsPatch): void;
  onAccept(): void;
  onTestFile(choose: boolean): void;
}

export function DatasetView({ summary: s, accepted, busy, onChange, onAccept, onTestFile }: Props) {
  const t = s.target;
  const sp = s.split;
  const augment = useTrainingStore((st) => st.settings.augment);
  const image = useMemo(() => rowImageShape(s, augment), [s, augment]);
  const dropped =
    s.droppedRows.missingTarget + s.droppedRows.missingFeature + s.droppedRows.duplicates;
  return (
    <div className="dataset-view">
      <p className="muted file-line">{fileLine(s)}</p>
      {s.file.notes.map((n) => (
        <p key={n} className="note">
          {n}
        </p>
      ))}
      <section aria-label="Checks">
        <h3>Checks before training</h3>
        <Findings
          findings={s.findings}
          busy={busy}
          onFix={(f: FindingData) => f.fix && onChange(f.fix.patch)}
        />
        <div className="row">
          <button type="button" className="primary" disabled={busy || !s.ready} onClick={onAccept}>
            {accepted ? 'Using this dataset' : 'Use this dataset'}
          </button>
          {!s.ready && (
            <span className="field-error">Fix the problems marked “Must fix” first.</span>
          )}
        </div>
        {accepted && (
          <p role="status" aria-label="Dataset summary" className="ready-line">
            {readyLine(s)}
          </p>
        )}
      </section>
      <div className="data-columns">
        <section aria-label="Target">
          <h3>
            Target “{t?.name}” · {t?.task}
          </h3>
          {t?.classes && t.classCounts && (
            <ClassBars
              label="Rows per class"
              classes={t.classes}
              counts={
                sp?.classCounts
                  ? t.classes.map((_, i) => [
                      sp.classCounts!.train[i] ?? 0,
                      sp.classCounts!.validation[i] ?? 0,
                      sp.classCounts!.test[i] ?? 0,
                    ])
                  : t.classCounts.map((c) => [c])
              }
              segments={sp?.classCounts ? ['train', 'validation', 'test'] : undefined}
            />
          )}
          {sp && (
            <p className="muted">
              {sp.train} train · {sp.validation} validation · {sp.test} test
              {sp.stratified ? ' · stratified' : ''} · seed {sp.seed}
              {dropped > 0 ? ` · ${plural(dropped, 'row')} left out` : ''}
            </p>
          )}
          <p className="muted">
            {s.encoding.features} inputs after encoding (
            {s.options.scaling === 'none' ? 'no scaling' : s.options.scaling})
          </p>
        </section>
        <section aria-label="Settings">
          <h3>Settings</h3>
          <Settings summary={s} busy={busy} onChange={onChange} onTestFile={onTestFile} />
        </section>
      </div>
      {/* Below the fold at first: they fill in right after the tab has painted (420 px: the
          scroll box's largest height, data.css). */}
      <section aria-label="Columns">
        <h3>Columns</h3>
        <AfterPaint height={Math.min(s.columns.length * 31 + 32, 420)}>
          <ColumnsTable
            columns={s.columns}
            overrides={s.options.columns}
            busy={busy}
            onChange={onChange}
          />
        </AfterPaint>
      </section>
      <section aria-label="Preview">
        <h3>First rows</h3>
        <AfterPaint height={Math.min(s.preview.rows.length * 22 + 32, 420)}>
          <Preview
            name={s.file.name}
            header={s.preview.header}
            rows={s.preview.rows}
            target={t?.name ?? null}
            image={image}
          />
        </AfterPaint>
      </section>
    </div>
  );
}
