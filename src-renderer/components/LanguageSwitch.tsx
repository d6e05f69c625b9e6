import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languages } from '../i18n';

/** FR / EN: the interface language, changed at once. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={i18n.language}
      onChange={(lng) => void i18n.changeLanguage(lng)}
      data={languages.map((l) => ({ value: l, label: l.toUpperCase() }))}
    />
  );
}
