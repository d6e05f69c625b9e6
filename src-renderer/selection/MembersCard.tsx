import { Button, Group, Select, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { memberFields, memberRoles, type MemberFields, type Round } from '../../src-main/contract';
import { useMutate } from '../api/hooks';
import { buttonColumn, DataTable, type Column } from '../components/DataTable';
import { contractResolver, showCallError, useFormSubmit } from '../components/forms';
import { optionsOf } from '../components/options';
import { TitledCard } from '../components/TitledCard';

export function MembersCard({ round }: { round: Round }) {
  const { t } = useTranslation();
  const add = useMutate('rounds.addMember');
  const update = useMutate('rounds.updateMember');
  const remove = useMutate('rounds.removeMember');
  const form = useForm<MemberFields>({
    initialValues: { name: '', role: 'member', institution: '', present: true },
    validate: contractResolver(memberFields),
  });
  const columns: Column<Round['members'][number]>[] = [
    {
      id: 'name',
      header: t('selection.members.name'),
      cell: (m) => (
        <Text span inherit fw={600}>
          {m.name}
        </Text>
      ),
    },
    { id: 'role', header: t('selection.members.role'), cell: (m) => t(`selection.members.roles.${m.role}`) },
    {
      id: 'institution',
      header: t('selection.members.institution'),
      cell: (m) => m.institution ?? t('common.none'),
    },
    {
      id: 'present',
      header: t('selection.members.present'),
      cell: (m) => (
        <Switch
          aria-label={`${t('selection.members.present')} : ${m.name}`}
          checked={m.present}
          onChange={(e) =>
            update.mutate(
              {
                id: m.id,
                fields: {
                  name: m.name,
                  role: m.role,
                  institution: m.institution,
                  present: e.currentTarget.checked,
                },
              },
              { onError: (err) => showCallError(err) },
            )
          }
        />
      ),
    },
    buttonColumn({
      id: 'remove',
      label: (m) => `${t('common.delete')} ${m.name}`,
      icon: IconTrash,
      color: 'red',
      onClick: (m) => remove.mutate({ id: m.id }, { onError: (e) => showCallError(e) }),
    }),
  ];
  const roles = optionsOf(memberRoles, (r) => t(`selection.members.roles.${r}`));
  const { submit, pending } = useFormSubmit(form, {
    send: (values) => add.mutateAsync({ roundId: round.id, fields: memberFields.parse(values) }),
    prefix: 'fields',
    onSaved: () => form.reset(),
  });

  return (
    <TitledCard title={t('selection.members.title')}>
      {round.members.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('selection.members.none')}
        </Text>
      ) : (
        <DataTable
          label={t('selection.members.title')}
          columns={columns}
          rows={round.members}
          verticalSpacing="xs"
          mb="sm"
        />
      )}
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="sm">
          <TextInput
            label={t('selection.members.name')}
            withAsterisk
            style={{ flex: 2 }}
            {...form.getInputProps('name')}
          />
          <Select
            label={t('selection.members.role')}
            withAsterisk
            allowDeselect={false}
            data={roles}
            style={{ flex: 1 }}
            {...form.getInputProps('role')}
          />
          <TextInput
            label={t('selection.members.institution')}
            style={{ flex: 2 }}
            {...form.getInputProps('institution')}
          />
          <Button type="submit" mt={25} loading={pending}>
            {t('selection.members.add')}
          </Button>
        </Group>
      </form>
    </TitledCard>
  );
}
