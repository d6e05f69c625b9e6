import { Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { followUpSettings, type FollowUpSettings } from '../../src-main/contract';
import { useCall } from '../api/hooks';
import { AddItemButton, ListError, RemoveItemButton } from '../components/ListField';
import { FormButtons } from '../components/FormModal';
import { useInputForm } from '../components/forms';
import { QueryState } from '../components/QueryState';
import { NumberField } from '../components/NumberField';

/** The months after a session or a pathway at which everyone is followed up. */
export function SettingsModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const settings = useCall('followUps.settings', {});
  return (
    <Modal opened onClose={onClose} title={t('followups.settings.title')} centered>
      <QueryState query={settings}>{(data) => <SettingsForm settings={data} onClose={onClose} />}</QueryState>
    </Modal>
  );
}

function SettingsForm({ settings, onClose }: { settings: FollowUpSettings; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, submit, pending } = useInputForm(
    'followUps.updateSettings',
    followUpSettings,
    { offsetsMonths: settings.offsetsMonths as (number | string)[] },
    { saved: t('followups.settings.saved'), onSaved: onClose },
  );
  const offsets = form.values.offsetsMonths;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('followups.settings.intro')}</Text>
        {offsets.map((_, i) => (
          <Group key={i} align="flex-start" wrap="nowrap">
            <NumberField
              label={t('followups.settings.offset', { n: i + 1 })}
              min={1}
              max={36}
              style={{ flex: 1 }}
              {...form.getInputProps(`offsetsMonths.${i}`)}
            />
            <RemoveItemButton
              mt={30}
              disabled={offsets.length === 1}
              onClick={() => form.removeListItem('offsetsMonths', i)}
              label={t('followups.settings.remove', { n: i + 1 })}
            />
          </Group>
        ))}
        <ListError form={form} path="offsetsMonths" />
        <Group>
          <AddItemButton
            variant="subtle"
            disabled={offsets.length >= 6}
            onClick={() => form.insertListItem('offsetsMonths', '')}
          >
            {t('followups.settings.add')}
          </AddItemButton>
        </Group>
        <Text size="xs" c="dimmed">
          {t('followups.settings.note')}
        </Text>
        <FormButtons onCancel={onClose} pending={pending} />
      </Stack>
    </form>
  );
}
