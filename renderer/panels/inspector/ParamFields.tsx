/**
 * The inspector's fields for one node, drawn from its kind's field list in the registry (so a new
 * kind needs no inspector code). Every change is checked against the kind's schema first: only
 * valid parameters reach the store, so undo never restores a broken graph.
 */
import type { ZodType } from 'zod';
import type { GraphNode } from '../../../engine/graph/document';
import { kindOf, type FieldDef } from '../../../engine/graph/kinds';
import { NumberField, fromSchema } from '../NumberField';
import { CheckField, SelectField } from '../help/fields';

type Params = Record<string, unknown>;

export function ParamFields({
  node,
  onChange,
}: {
  node: GraphNode;
  onChange(params: GraphNode['params']): void;
}) {
  const def = kindOf(node.kind);
  const params = node.params as Params;
  const fields = (def.fields as readonly FieldDef<Params>[]).filter(
    (f) => f.visible?.(params) ?? true,
  );
  const set = (key: string, value: unknown) => {
    const next = def.params.safeParse({ ...params, [key]: value });
    if (next.success) onChange(next.data as GraphNode['params']);
  };
  if (def.fields.length === 0) return <p className="muted">This layer has no parameters to set.</p>;
  return (
    <>
      {fields.map((f) => {
        switch (f.type) {
          case 'number':
            return (
              <NumberField
                key={f.key}
                id={`param-${f.key}`}
                label={f.label}
                help={f.help}
                value={params[f.key] as number}
                step={f.step}
                parse={fromSchema(def.params.shape[f.key] as ZodType<number>, f.message)}
                onValid={(v) => set(f.key, v)}
              />
            );
          case 'boolean':
            return (
              <CheckField
                key={f.key}
                id={`param-${f.key}`}
                label={f.label}
                help={f.help}
                checked={params[f.key] as boolean}
                onChange={(v) => set(f.key, v)}
              />
            );
          case 'select':
            return (
              <SelectField
                key={f.key}
                id={`param-${f.key}`}
                label={f.label}
                help={f.help}
                value={params[f.key] as string}
                options={f.options}
                onChange={(v) => set(f.key, v)}
              />
            );
        }
      })}
    </>
  );
}
