import { ActionIcon, Alert, Badge, Menu, Paper, Stack, Switch, Text } from '@mantine/core';
import { IconDots, IconKey, IconLock, IconLockOpen, IconEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../src-main/contract';
import { useCall, useMutate } from '../api/hooks';
import { useCan, useMe } from '../auth/session';
import { ConfirmModal } from '../components/ConfirmModal';
import { DataTable, type Column } from '../components/DataTable';
import { QueryState } from '../components/QueryState';
import { notifySaved, showCallError } from '../components/forms';
import { useSearchState } from '../components/useSearchState';
import { formatDate } from '../format';
import { ResetPasswordModal, UserModal } from './UserModal';
import { PageHeader } from '../components/PageHeader';
import { NewButton } from '../components/NewButton';

const roleColors: Record<User['role'], string> = {
  admin: 'grape',
  trainer: 'teal',
  committee: 'blue',
  reader: 'gray',
};

/** The accounts: who may sign in, with which role; trainers with their pathways. */
export function UsersPage() {
  const { t } = useTranslation();
  const allowed = useCan('users.list');
  if (!allowed) {
    return (
      <Alert color="yellow" icon={<IconLock />}>
        {t('auth.adminOnly')}
      </Alert>
    );
  }
  return <Users />;
}

function Users() {
  const { t } = useTranslation();
  const me = useMe();
  const { params, update, setPage } = useSearchState();
  const includeInactive = params.get('inactifs') === '1';
  const page = Number(params.get('page') ?? 1);
  const list = useCall('users.list', { includeInactive, page, pageSize: 25 });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [deactivating, setDeactivating] = useState<User | null>(null);
  const deactivate = useMutate('users.deactivate');
  const reactivate = useMutate('users.reactivate');

  const columns: Column<User>[] = [
    {
      id: 'name',
      header: t('auth.users.fields.name'),
      cell: (u) => (
        <Text span inherit fw={500}>
          {u.name}
          {u.id === me.id && (
            <Text span c="dimmed" size="sm">
              {' '}
              ({t('auth.users.you')})
            </Text>
          )}
        </Text>
      ),
    },
    {
      id: 'login',
      header: t('auth.users.fields.login'),
      cell: (u) => (
        <Text span inherit ff="monospace">
          {u.login}
        </Text>
      ),
    },
    {
      id: 'role',
      header: t('auth.users.fields.role'),
      cell: (u) => (
        <Badge variant="light" color={roleColors[u.role]}>
          {t(`auth.role.${u.role}`)}
        </Badge>
      ),
    },
    {
      id: 'pathways',
      header: t('auth.users.fields.pathways'),
      cell: (u) =>
        u.role === 'admin'
          ? t('auth.users.allPathways')
          : u.role === 'trainer'
            ? u.pathways.map((p) => p.title).join(', ') || t('auth.users.noPathway')
            : t('common.none'),
    },
    {
      id: 'lastSignIn',
      header: t('auth.users.fields.lastSignIn'),
      cell: (u) => (u.lastSignInAt ? formatDate(u.lastSignInAt.slice(0, 10)) : t('auth.users.never')),
    },
    {
      id: 'status',
      header: t('auth.users.fields.status'),
      cell: (u) => (
        <Badge variant="dot" color={u.active ? 'teal' : 'gray'}>
          {u.active ? t('auth.users.active') : t('auth.users.inactive')}
        </Badge>
      ),
    },
    {
      id: 'actions',
      header: null,
      width: 48,
      cell: (u) => (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" aria-label={`${t('auth.users.actions')} — ${u.name}`}>
              <IconDots size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconEdit size={16} />} onClick={() => setEditing(u)}>
              {t('common.edit')}
            </Menu.Item>
            <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setResetting(u)}>
              {t('auth.users.resetPassword')}
            </Menu.Item>
            {u.active ? (
              <Menu.Item color="red" leftSection={<IconLock size={16} />} onClick={() => setDeactivating(u)}>
                {t('auth.users.deactivate')}
              </Menu.Item>
            ) : (
              <Menu.Item
                leftSection={<IconLockOpen size={16} />}
                onClick={() =>
                  reactivate.mutate(
                    { id: u.id },
                    {
                      onSuccess: () => notifySaved(t('auth.users.reactivated')),
                      onError: (e) => showCallError(e),
                    },
                  )
                }
              >
                {t('auth.users.reactivate')}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader title={t('auth.users.title')} subtitle={t('auth.users.subtitle')}>
        <NewButton onClick={() => setEditing('new')}>{t('auth.users.new')}</NewButton>
      </PageHeader>
      <Paper withBorder p="md">
        <Switch
          label={t('auth.users.showInactive')}
          checked={includeInactive}
          onChange={(e) => update({ inactifs: e.currentTarget.checked ? '1' : null })}
          mb="sm"
        />
        <QueryState query={list}>
          {(users) => (
            <>
              <DataTable
                label={t('auth.users.title')}
                testId="users-table"
                columns={columns}
                list={users}
                rowProps={(u) => ({ c: u.active ? undefined : 'dimmed' })}
                onPage={setPage}
                minWidth={860}
                verticalSpacing="sm"
              />
            </>
          )}
        </QueryState>
      </Paper>
      {editing && (
        <UserModal user={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
      <ConfirmModal
        opened={deactivating !== null}
        title={t('auth.users.deactivateTitle')}
        text={t('auth.users.deactivateText', { name: deactivating?.name ?? '' })}
        confirmLabel={t('auth.users.deactivate')}
        loading={deactivate.isPending}
        onClose={() => setDeactivating(null)}
        onConfirm={() =>
          deactivate.mutate(
            { id: deactivating!.id },
            {
              onSuccess: () => {
                notifySaved(t('auth.users.deactivated'));
                setDeactivating(null);
              },
              onError: (e) => {
                setDeactivating(null);
                showCallError(e);
              },
            },
          )
        }
      />
    </Stack>
  );
}
