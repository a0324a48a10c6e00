/**
 * A checkbox and a select with their label and an ⓘ explanation, laid out like NumberField: the
 * label names the control (htmlFor), the ⓘ sits beside it, and the control lists the explanation
 * in aria-describedby so a screen reader reads it with the field.
 */
import type { ReactNode } from 'react';
import { Hint, hintId } from './Hint';

export function CheckField({
  id,
  label,
  help,
  checked,
  disabled = false,
  onChange,
  className = 'field check',
}: {
  id: string;
  label: ReactNode;
  help: string;
  checked: boolean;
  disabled?: boolean;
  onChange(checked: boolean): void;
  className?: string;
}) {
  return (
    <div className={className}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={hintId(id)}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <Hint id={hintId(id)} label={typeof label === 'string' ? label : id} text={help} />
    </div>
  );
}

export function SelectField<V extends string>({
  id,
  label,
  help,
  value,
  options,
  disabled = false,
  onChange,
  className = 'field',
}: {
  id: string;
  label: string;
  help: string;
  value: V;
  options: readonly { value: V; label: string }[];
  disabled?: boolean;
  onChange(value: V): void;
  className?: string;
}) {
  return (
    <div className={className}>
      <span className="field-label">
        <label htmlFor={id}>{label}</label>
        <Hint id={hintId(id)} label={label} text={help} />
      </span>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={hintId(id)}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
