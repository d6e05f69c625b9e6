import { TextInput, type TextInputProps } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Reads `8h30`, `8:30`, `830` or `8` as `08:30` / `08:00`; anything else is left for the contract to refuse. */
export function normaliseTime(text: string): string {
  const match = text.trim().match(/^(\d{1,2})(?:\s*[:hH.]\s*|(?=\d{2}$))?(\d{2})?$/);
  if (!match) return text.trim();
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  if (hours > 23 || minutes > 59) return text.trim();
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

type Props = Omit<TextInputProps, 'value' | 'onChange'> & {
  value?: string;
  onChange?: (value: string) => void;
};

/**
 * An hour as `hh:mm`, 24-hour clock whatever the computer's language (the browser's own time
 * field shows AM/PM on an English system).
 */
export function TimeField({ value, onChange, onBlur, ...props }: Props) {
  const { t } = useTranslation();
  return (
    <TextInput
      placeholder={t('sessions.form.timePlaceholder')}
      inputMode="numeric"
      maxLength={5}
      leftSection={<IconClock size={16} />}
      {...props}
      value={value ?? ''}
      onChange={(e) => onChange?.(e.currentTarget.value)}
      onBlur={(e) => {
        const normalised = normaliseTime(e.currentTarget.value);
        if (normalised !== e.currentTarget.value) onChange?.(normalised);
        onBlur?.(e);
      }}
    />
  );
}
