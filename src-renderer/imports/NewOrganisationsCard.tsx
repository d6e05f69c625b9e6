import {
  Alert,
  Autocomplete,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconBuildingCommunity } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  levels,
  organisationTypes,
  type NewOrganisation,
  type UnknownOrganisation,
} from '../../src-main/contract';
import { maliRegions } from '../organisations/regions';
import { optionsOf } from '../components/options';

interface Draft extends Omit<NewOrganisation, 'type' | 'level'> {
  create: boolean;
  type: NewOrganisation['type'] | null;
  level: NewOrganisation['level'] | null;
}

/** What the file says of an organisation, as a first draft (or as the user confirmed it). */
const draftOf = (o: UnknownOrganisation, confirmed: NewOrganisation | undefined): Draft =>
  confirmed
    ? { ...confirmed, create: true }
    : {
        create: true,
        reference: o.reference,
        name: o.name,
        acronym: o.acronym ?? '',
        type: null,
        level: null,
        region: o.region ?? '',
      };

/**
 * The organisations the lines name that Parcours does not know: checked and completed by the user,
 * then created with the import, in the same all-or-nothing operation.
 */
export function NewOrganisationsCard({
  unknown,
  confirmed,
  onConfirm,
}: {
  unknown: UnknownOrganisation[];
  confirmed: NewOrganisation[];
  onConfirm: (list: NewOrganisation[]) => void;
}) {
  const { t } = useTranslation();
  // The user's changes over what the file says (a region typed for the sheet later still shows).
  const [edits, setEdits] = useState<Record<string, Partial<Draft>>>({});
  const [editing, setEditing] = useState(confirmed.length === 0);
  const all = unknown.map((o) => ({
    ...draftOf(
      o,
      confirmed.find((c) => c.reference === o.reference),
    ),
    ...edits[o.reference],
  }));
  const lines = new Map(unknown.map((o) => [o.reference, o.lines]));
  const update = (reference: string, change: Partial<Draft>) =>
    setEdits((e) => ({ ...e, [reference]: { ...e[reference], ...change } }));
  const updateAll = (change: Partial<Draft>) =>
    setEdits((e) => Object.fromEntries(unknown.map((o) => [o.reference, { ...e[o.reference], ...change }])));
  const chosen = all.filter((d) => d.create);
  const complete = chosen.length > 0 && chosen.every((d) => d.type && d.level && d.name.trim());
  const types = optionsOf(organisationTypes, (v) => t(`organisations.type.${v}`));
  const levelOptions = optionsOf(levels, (v) => t(`organisations.level.${v}`));

  if (!editing && confirmed.length > 0) {
    return (
      <Paper withBorder p="md" component="section" aria-labelledby="import-organisations">
        <Group justify="space-between">
          <Group gap="xs">
            <IconBuildingCommunity size={18} />
            <Text size="sm" fw={600} id="import-organisations" data-testid="new-organisations-confirmed">
              {t('imports.newOrganisations.confirmed', { count: confirmed.length })}
            </Text>
          </Group>
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {t('imports.newOrganisations.change')}
          </Button>
        </Group>
      </Paper>
    );
  }
  if (all.length === 0) return null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-organisations">
      <Stack gap="sm">
        <Title order={3} size="h4" id="import-organisations">
          {t('imports.steps.organisations')}
        </Title>
        <Text size="sm">{t('imports.newOrganisations.hint', { count: all.length })}</Text>
        <Group gap="sm">
          <Select
            size="xs"
            label={t('imports.newOrganisations.typeForAll')}
            data={types}
            value={null}
            placeholder="—"
            onChange={(v) => v && updateAll({ type: v as Draft['type'] })}
            comboboxProps={{ withinPortal: true }}
            w={280}
          />
          <Select
            size="xs"
            label={t('imports.newOrganisations.levelForAll')}
            data={levelOptions}
            value={null}
            placeholder="—"
            onChange={(v) => v && updateAll({ level: v as Draft['level'] })}
            comboboxProps={{ withinPortal: true }}
            w={180}
          />
        </Group>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing={4} data-testid="new-organisations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>{t('imports.newOrganisations.create')}</Table.Th>
                <Table.Th>{t('imports.newOrganisations.reference')}</Table.Th>
                <Table.Th>{t('imports.newOrganisations.name')}</Table.Th>
                <Table.Th w={150}>{t('imports.newOrganisations.acronym')}</Table.Th>
                <Table.Th w={230}>{t('imports.newOrganisations.type')}</Table.Th>
                <Table.Th w={130}>{t('imports.newOrganisations.level')}</Table.Th>
                <Table.Th w={130}>{t('imports.newOrganisations.region')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {all.map((d) => (
                <Table.Tr key={d.reference}>
                  <Table.Td>
                    <Checkbox
                      aria-label={`${t('imports.newOrganisations.create')} ${d.reference}`}
                      checked={d.create}
                      onChange={(e) => update(d.reference, { create: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {d.reference}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('imports.newOrganisations.lines', { count: lines.get(d.reference) ?? 0 })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={`${t('imports.newOrganisations.name')} ${d.reference}`}
                      value={d.name}
                      disabled={!d.create}
                      error={d.create && !d.name.trim() ? t('errors.required') : undefined}
                      onChange={(e) => update(d.reference, { name: e.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={`${t('imports.newOrganisations.acronym')} ${d.reference}`}
                      value={d.acronym ?? ''}
                      disabled={!d.create}
                      onChange={(e) => update(d.reference, { acronym: e.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={`${t('imports.newOrganisations.type')} ${d.reference}`}
                      data={types}
                      value={d.type}
                      disabled={!d.create}
                      onChange={(v) => update(d.reference, { type: v as Draft['type'] })}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={`${t('imports.newOrganisations.level')} ${d.reference}`}
                      data={levelOptions}
                      value={d.level}
                      disabled={!d.create}
                      onChange={(v) => update(d.reference, { level: v as Draft['level'] })}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Autocomplete
                      size="xs"
                      aria-label={`${t('imports.newOrganisations.region')} ${d.reference}`}
                      data={maliRegions}
                      value={d.region ?? ''}
                      disabled={!d.create}
                      onChange={(v) => update(d.reference, { region: v })}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {!complete && chosen.length > 0 && (
          <Alert color="yellow" p="xs">
            {t('imports.newOrganisations.incomplete')}
          </Alert>
        )}
        <Group>
          <Button
            disabled={!complete}
            onClick={() => {
              onConfirm(
                chosen.map((d) => ({
                  reference: d.reference,
                  name: d.name.trim(),
                  acronym: d.acronym?.trim() || null,
                  type: d.type!,
                  level: d.level!,
                  region: d.region?.trim() || null,
                })),
              );
              setEditing(false);
            }}
          >
            {t('imports.newOrganisations.confirm')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
