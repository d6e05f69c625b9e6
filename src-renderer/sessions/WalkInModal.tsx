import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant, Session } from '../../src-main/contract';
import { useCall } from '../api/hooks';
import { fullName } from '../participants/labels';

/**
 * Someone who came on the day, found among the people already recorded (of any organisation);
 * someone never recorded is created instead (`onCreateNew`).
 */
export function WalkInModal({
  session,
  opened,
  adding,
  onAdd,
  onCreateNew,
  onClose,
}: {
  session: Session;
  opened: boolean;
  adding: boolean;
  onAdd: (p: Participant) => void;
  onCreateNew: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [searchText, setSearchText] = useState('');
  const [chosen, setChosen] = useState<Participant | null>(null);
  const [search] = useDebouncedValue(searchText, 250);
  const label = (p: Participant) =>
    `${fullName(p)} — ${p.organisationAcronym ?? p.organisationName}${p.phone ? ` — ${p.phone}` : ''}`;
  // While a person is chosen, the box shows their label: that is not a new search.
  const found = useCall('participants.list', {
    search: chosen && search === label(chosen) ? '' : search,
    pageSize: 20,
  });
  const registered = new Set(session.participants.map((p) => p.id));
  const people = [
    ...(chosen ? [chosen] : []),
    ...(found.data?.items ?? []).filter((p) => !registered.has(p.id) && p.id !== chosen?.id),
  ];
  return (
    <Modal opened={opened} onClose={onClose} title={t('sessions.walkIn.title')} size="lg" centered>
      <Stack>
        <Select
          label={t('sessions.walkIn.search')}
          placeholder={t('sessions.walkIn.searchPlaceholder')}
          searchable
          clearable
          data={people.map((p) => ({ value: p.id, label: label(p) }))}
          filter={({ options }) => options}
          searchValue={searchText}
          onSearchChange={setSearchText}
          value={chosen?.id ?? null}
          onChange={(id) => setChosen(people.find((p) => p.id === id) ?? null)}
          nothingFoundMessage={found.isFetching ? t('common.loading') : t('sessions.walkIn.nothingFound')}
          data-autofocus
          // Focused on opening: the list opens when typing, not over the buttons below.
          openOnFocus={false}
        />
        {chosen?.position && (
          <Text size="sm" c="dimmed">
            {t('common.labelValue', { label: t('sessions.walkIn.position'), value: chosen.position })}
          </Text>
        )}
        <Group justify="space-between">
          <Button variant="subtle" leftSection={<IconUserPlus size={16} />} onClick={onCreateNew}>
            {t('sessions.walkIn.create')}
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button disabled={!chosen} loading={adding} onClick={() => chosen && onAdd(chosen)}>
              {t('sessions.walkIn.add')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
