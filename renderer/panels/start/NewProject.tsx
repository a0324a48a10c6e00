/**
 * The start screen's "new project" form: choose the data (a bundled sample, your own CSV, none)
 * and the network (a template, drawn small, or an empty canvas), then Create. Native radio
 * groups: arrow keys choose within a group, Enter creates.
 */
import { memo, useState, type KeyboardEvent } from 'react';
import type { GraphNode } from '../../../engine/graph/document';
import { TEMPLATES } from '../../canvas/templates';
import { SAMPLES } from '../data/actions';
import type { DataChoice, NetworkChoice } from './actions';

const SAMPLE_TITLES: Record<string, string> = {
  'iris.csv': 'Iris',
  'wine.csv': 'Wine',
  'digits.csv': 'Digits',
};

interface Option<T> {
  id: string;
  value: T;
  title: string;
  about: string;
}

const DATA_OPTIONS: Option<DataChoice>[] = [
  ...SAMPLES.map((s) => ({
    id: s.name,
    value: { kind: 'sample', name: s.name } as DataChoice,
    title: SAMPLE_TITLES[s.name] ?? s.name,
    about: s.about,
  })),
  {
    id: 'csv',
    value: { kind: 'csv' },
    title: 'Your own CSV…',
    about: 'Types, missing values and the split are worked out and explained.',
  },
  { id: 'none', value: { kind: 'none' }, title: 'No data yet', about: 'Draw the network first.' },
];

const NETWORK_OPTIONS: Option<NetworkChoice>[] = [
  ...TEMPLATES.map((t) => ({ id: t.id, value: t.id, title: t.name, about: t.description })),
  {
    id: 'empty',
    value: 'empty',
    title: 'Empty canvas',
    about: 'Drag layers from the palette and wire them yourself.',
  },
];

/** A node as a chip in a template's picture: "32" for a Dense, "relu", "drop", … */
function chipText(n: GraphNode): string {
  const p = n.params as Record<string, unknown>;
  if (n.kind === 'dense') return String(p.units ?? '');
  if (n.kind === 'activation') return String(p.fn ?? 'act');
  return { input: 'in', dropout: 'drop', softmax: 'softmax', output: 'out' }[n.kind] ?? n.kind;
}

/** The layers of a template, left to right, coloured by kind (three classes shown). */
const Chain = memo(function Chain({ id }: { id: string }) {
  const template = TEMPLATES.find((t) => t.id === id);
  if (!template) return null;
  return (
    <span className="start-chain" aria-hidden="true">
      {template.build(3).nodes.map((n) => (
        <span key={n.id} className={`start-chip kind-${n.kind}`}>
          {chipText(n)}
        </span>
      ))}
    </span>
  );
});

function Choices<T>({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: Option<T>[];
  value: string;
  onChange(id: string): void;
}) {
  return (
    <fieldset className={`start-choices start-${name}`}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.id} className="start-card">
          <input
            type="radio"
            name={name}
            value={o.id}
            checked={value === o.id}
            onChange={() => onChange(o.id)}
          />
          <span className="start-card-title">{o.title}</span>
          <span className="start-card-about">{o.about}</span>
          {name === 'network' && <Chain id={o.id} />}
        </label>
      ))}
    </fieldset>
  );
}

export function NewProject({
  onCreate,
}: {
  onCreate(data: DataChoice, network: NetworkChoice): void;
}) {
  const [data, setData] = useState('iris.csv');
  const [network, setNetwork] = useState('mlp');
  const dataChoice = DATA_OPTIONS.find((o) => o.id === data)!;
  const networkChoice = NETWORK_OPTIONS.find((o) => o.id === network)!;
  const mismatch =
    network === 'regression' && dataChoice.value.kind === 'sample'
      ? `${dataChoice.title} has a class to predict; Regression MLP predicts a number. Pick a classifier, or your own CSV with a numeric target.`
      : null;
  const create = () => onCreate(dataChoice.value, networkChoice.value);
  // Enter on a choice creates the project (a radio does not submit its form by itself).
  const onKey = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.target as HTMLInputElement).type === 'radio') {
      e.preventDefault();
      create();
    }
  };
  return (
    <form
      className="start-new"
      aria-label="New project"
      onKeyDown={onKey}
      onSubmit={(e) => {
        e.preventDefault();
        create();
      }}
    >
      <h3>Start a new project</h3>
      <Choices
        legend="1 · Data"
        name="data"
        options={DATA_OPTIONS}
        value={data}
        onChange={setData}
      />
      <Choices
        legend="2 · Network"
        name="network"
        options={NETWORK_OPTIONS}
        value={network}
        onChange={setNetwork}
      />
      {mismatch && (
        <p className="start-warning" role="note">
          {mismatch}
        </p>
      )}
      <div className="start-create">
        <button type="submit" className="primary">
          Create project
        </button>
        <span className="muted">
          {dataChoice.value.kind === 'none' ? 'No data' : dataChoice.title} · {networkChoice.title}
        </span>
      </div>
    </form>
  );
}
