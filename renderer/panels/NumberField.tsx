/**
 * A number input checked as it is typed: an invalid value shows its reason and never reaches
 * the store; the field follows outside changes (undo/redo) of its value.
 */
import { useEffect, useState } from 'react';
import type { ZodType } from 'zod';
import { Hint, hintId } from './help/Hint';

export type Parse = (v: number) => { value: number } | { error: string };

/** A parser from a zod schema; `message` replaces zod's wording when given. */
export const fromSchema =
  (schema: ZodType<number>, message?: string): Parse =>
  (v) => {
    const r = schema.safeParse(v);
    return r.success
      ? { value: r.data }
      : { error: message ?? r.error.issues[0]?.message ?? 'invalid' };
  };

export function NumberField({
  label,
  value,
  step,
  parse,
  onValid,
  id: givenId,
  className = 'field',
  disabled = false,
  help,
}: {
  label: string;
  value: number;
  step: number;
  parse: Parse;
  onValid(v: number): void;
  id?: string;
  className?: string;
  disabled?: boolean;
  /** One sentence on what the value does, shown by an ⓘ beside the label. */
  help?: string;
}) {
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // Follow undo/redo unless the user is mid-edit with an invalid value.
    setText(String(value));
    setError(null);
  }, [value]);
  const id = givenId ?? `field-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className={className}>
      <span className="field-label">
        <label htmlFor={id}>{label}</label>
        {help && <Hint id={hintId(id)} label={label} text={help} />}
      </span>
      <input
        id={id}
        type="number"
        step={step}
        value={text}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={
          [error ? `${id}-error` : '', help ? hintId(id) : ''].filter(Boolean).join(' ') ||
          undefined
        }
        onChange={(e) => {
          setText(e.target.value);
          const n = e.target.value.trim() === '' ? Number.NaN : Number(e.target.value);
          const r = Number.isNaN(n) ? { error: `${label} needs a number` } : parse(n);
          if ('error' in r) setError(r.error);
          else {
            setError(null);
            if (r.value !== value) onValid(r.value);
          }
        }}
      />
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
