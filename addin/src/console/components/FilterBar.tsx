// The row of filters above a list: labelled choices and text boxes that wrap on a narrow tab. As a
// form (with `onSubmit`), Enter in any box applies it; without one, each change applies at once.
import type { FormEvent, ReactNode } from 'react';
import { Field, Input, Select, type InputProps } from '@fluentui/react-components';
import { strings } from '../../strings.js';
import { useListStyles } from './list-styles.js';

/** A choice's value and the words shown for it. */
export type Choice = readonly [value: string, text: string];

export function FilterBar({
  children,
  onSubmit,
  label,
  role,
}: {
  children: ReactNode;
  onSubmit?: () => void;
  /** The form's accessible name; only a form has one. */
  label?: string;
  role?: 'search';
}) {
  const styles = useListStyles();
  if (!onSubmit) return <div className={styles.fieldRow}>{children}</div>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className={styles.fieldRow} onSubmit={submit} role={role} aria-label={label}>
      {children}
    </form>
  );
}

/** A drop-down filter; "Any" (the empty value) comes first unless `anyChoice` is false. */
export function ChoiceFilter({
  label,
  value,
  onChange,
  choices,
  anyChoice = true,
  className,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  choices: readonly Choice[];
  anyChoice?: boolean;
  className?: string;
}) {
  return (
    <Field label={label} className={className}>
      <Select value={value} onChange={(_, data) => onChange(data.value)}>
        {anyChoice ? <option value="">{strings.console.common.any}</option> : null}
        {choices.map(([choice, text]) => (
          <option key={choice} value={choice}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** A text, address or date filter; `error` says what is wrong with what was typed. */
export function TextFilter({
  label,
  hint,
  error,
  type = 'text',
  placeholder,
  value,
  onChange,
}: {
  label: string;
  hint?: string;
  error?: string;
  type?: InputProps['type'];
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} hint={hint} validationMessage={error} validationState={error ? 'error' : 'none'}>
      <Input
        type={type}
        placeholder={placeholder}
        value={value}
        onChange={(_, data) => onChange(data.value)}
      />
    </Field>
  );
}
