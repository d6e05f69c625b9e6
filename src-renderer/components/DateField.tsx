import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isoDate } from '../../src-main/contract';
import { formatDate } from '../format';
import { fieldError } from './forms';

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const ISO_SHAPED = /^\d{4}-\d{2}-\d{2}$/;
const pad = (n: string) => n.padStart(2, '0');

/**
 * Reads what people type in Mali: `02/03/2024` is 2 March, never 3 February. A date that does
 * not exist stays one (31/02/2024 → `2024-02-31`) and text that is not a date stays as typed,
 * for the contract's isoDate to refuse each with its own message; empty is null.
 */
export function readDate(text: string): string | null {
  const s = text.trim();
  if (!s) return null;
  const dayFirst = DAY_FIRST.exec(s);
  if (dayFirst) return `${dayFirst[3]}-${pad(dayFirst[2]!)}-${pad(dayFirst[1]!)}`;
  const yearFirst = YEAR_FIRST.exec(s);
  if (yearFirst) return `${yearFirst[1]}-${pad(yearFirst[2]!)}-${pad(yearFirst[3]!)}`;
  return s;
}

/** The text for a value: `dd/mm/yyyy` for a date (even an impossible one), anything else as it was typed. */
const textOf = (value: string | null | undefined) =>
  !value ? '' : ISO_SHAPED.test(value) ? formatDate(value) : value;

const isDate = (value: string | null | undefined): value is string => isoDate.safeParse(value).success;

/** For a filter: passes on only a real date, or null when the field is emptied. */
export const whenDate =
  (apply: (value: string | null) => void) =>
  (value: string | null): void => {
    if (value === null || isDate(value)) apply(value);
  };

type Props = Omit<TextInputProps, 'value' | 'onChange'> & {
  value?: string | null;
  onChange?: (value: string | null) => void;
};

/**
 * A date field that shows and reads `dd/mm/yyyy`, holds `YYYY-MM-DD`, and never erases what was
 * typed: on leaving the field, or on submit, a date that does not exist says « Date impossible »
 * and text that is not a date says how to write one. The button beside it opens a calendar.
 */
export function DateField({ value, onChange, error, onBlur, ...props }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(() => textOf(value));
  const [held, setHeld] = useState(value);
  const [blurError, setBlurError] = useState<string>();
  const [calendar, setCalendar] = useState(false);
  if (value !== held) {
    // Changed by the form itself (reset, a record loaded) rather than by typing: show it.
    setHeld(value);
    if (readDate(typed) !== (value ?? null)) setTyped(textOf(value));
  }
  const reading = readDate(typed);
  const type = (text: string) => {
    setTyped(text);
    setBlurError(undefined);
    onChange?.(readDate(text));
  };
  return (
    <TextInput
      placeholder={t('common.datePlaceholder')}
      {...props}
      value={typed}
      onChange={(e) => type(e.currentTarget.value)}
      onBlur={(e) => {
        setBlurError(fieldError(isoDate.nullable(), reading));
        onBlur?.(e);
      }}
      error={error || blurError}
      rightSectionPointerEvents="all"
      rightSection={
        <Popover opened={calendar} onChange={setCalendar} position="bottom-end" trapFocus returnFocus shadow="md">
          <Popover.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={t('common.openCalendar')}
              disabled={props.disabled}
              onClick={() => setCalendar((open) => !open)}
            >
              <IconCalendar size={16} />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <DatePicker
              value={isDate(reading) ? reading : null}
              defaultDate={isDate(reading) ? reading : undefined}
              onChange={(date) => {
                type(textOf(date));
                setCalendar(false);
              }}
            />
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}
