import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

dayjs.extend(customParseFormat);

const FORMATS = ['DD/MM/YYYY', 'D/M/YYYY', 'DD-MM-YYYY', 'DD.MM.YYYY', 'YYYY-MM-DD'];

/** Reads what people type in Mali: `02/03/2024` is 2 March, never 3 February. */
export function parseDayFirst(text: string): string | null {
  const parsed = dayjs(text.trim(), FORMATS, true);
  return parsed.isValid() ? parsed.format('YYYY-MM-DD') : null;
}

type Props = Omit<DateInputProps, 'value' | 'onChange'> & {
  value?: string | null;
  onChange?: (value: string | null) => void;
};

/** A date field that shows and reads `dd/mm/yyyy` and holds `YYYY-MM-DD`. */
export function DateField(props: Props) {
  const { t } = useTranslation();
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      placeholder={t('common.datePlaceholder')}
      dateParser={parseDayFirst}
      clearable
      {...props}
      onChange={(value) => props.onChange?.(value ? dayjs(value).format('YYYY-MM-DD') : null)}
    />
  );
}
