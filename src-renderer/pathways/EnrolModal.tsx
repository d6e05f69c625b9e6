import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pathway } from '../../src-main/contract';
import { useCall, useMutate } from '../api/hooks';
import { notifySaved, showCallError } from '../components/forms';
import { QueryState } from '../components/QueryState';
import { fullName } from '../participants/labels';

/** Picks people of the pathway's organisation to enrol, several at once. */
export function EnrolModal({ pathway, onClose }: { pathway: Pathway; onClose: () => void }) {
  const { t } = useTranslation();
  const [searchText, setSearchText] = useState('');
  const [search] = useDebouncedValue(searchText, 250);
  const [chosen, setChosen] = useState<string[]>([]);
  const people = useCall('participants.list', {
    organisationId: pathway.organisationId,
    search,
    pageSize: 100,
  });
  const enrol = useMutate('pathways.enrol');
  const enrolled = new Set(pathway.participants.map((p) => p.id));
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => (on ? [...current, id] : current.filter((x) => x !== id)));
  const submit = () =>
    enrol.mutate(
      { pathwayId: pathway.id, participantIds: chosen },
      {
        onSuccess: () => {
          notifySaved(t('pathways.enrolment.enrolled', { count: chosen.length }));
          onClose();
        },
        onError: (e) => showCallError(e),
      },
    );

  return (
    <Modal opened onClose={onClose} title={t('pathways.enrolment.enrol')} size="lg" centered>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('pathways.enrolment.enrolHint', { organisation: pathway.organisationName })}
        </Text>
        <TextInput
          aria-label={t('common.search')}
          placeholder={t('pathways.enrolment.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={searchText}
          onChange={(e) => setSearchText(e.currentTarget.value)}
        />
        <QueryState query={people}>
          {(data) =>
            data.items.length === 0 ? (
              <Text size="sm" c="dimmed" py="md" ta="center">
                {search ? t('participants.noMatch') : t('pathways.enrolment.nobody')}
              </Text>
            ) : (
              <ScrollArea.Autosize mah={420}>
                <Table verticalSpacing={6}>
                  <Table.Tbody>
                    {data.items.map((person) => {
                      const already = enrolled.has(person.id);
                      return (
                        <Table.Tr key={person.id}>
                          <Table.Td w={36}>
                            <Checkbox
                              aria-label={fullName(person)}
                              checked={already || chosen.includes(person.id)}
                              disabled={already}
                              onChange={(e) => toggle(person.id, e.currentTarget.checked)}
                            />
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" fw={600}>
                              {fullName(person)}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {[t(`participants.sex.${person.sex}`), person.position].filter(Boolean).join(' · ')}
                            </Text>
                          </Table.Td>
                          <Table.Td ta="right">
                            {already && <Badge variant="light">{t('pathways.enrolment.already')}</Badge>}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            )
          }
        </QueryState>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={chosen.length === 0} loading={enrol.isPending} onClick={submit}>
            {t('pathways.enrolment.enrolCount', { count: chosen.length })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
