import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Value = number | string;

type Props = Omit<
  NumberInputProps,
  | 'value'
  | 'onChange'
  | 'allowDecimal'
  | 'allowNegative'
  | 'clampBehavior'
  | 'decimalScale'
  | 'decimalSeparator'
  | 'thousandSeparator'
> & {
  value?: Value | null;
  onChange?: (value: Value) => void;
  /** An amount: thousands grouped with spaces (1 500 000). */
  amount?: boolean;
};

/** What the form holds for what NumberInput reports: a number when the text is one ("21.50"), else the text. */
const read = (v: Value): Value => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);
const same = (a: Value, b: Value | null | undefined) => a === b || (a === '' && b == null);

/**
 * The number field of every form. It takes the decimal comma in French (point in English),
 * a minus sign, any value out of range: nothing typed is dropped, clamped or reverted, and the
 * contract's schema says what is wrong (« Indiquez un nombre entier » for 21,5 where decimals are
 * not allowed). The form gets a number, or the text when it is not one yet ("21,", "-").
 */
export function NumberField({ value, onChange, amount, ...props }: Props) {
  const { i18n } = useTranslation();
  const [typed, setTyped] = useState<Value>(value ?? '');
  const [held, setHeld] = useState(value);
  if (!Object.is(value, held)) {
    // Changed by the form itself (reset, a record loaded) rather than by typing: show it.
    setHeld(value);
    if (!same(read(typed), value)) setTyped(value ?? '');
  }
  return (
    <NumberInput
      decimalSeparator={i18n.language === 'en' ? '.' : ','}
      thousandSeparator={amount ? ' ' : undefined}
      clampBehavior="none"
      {...props}
      value={typed}
      onChange={(v) => {
        setTyped(v);
        onChange?.(read(v));
      }}
    />
  );
}
