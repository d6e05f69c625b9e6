import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Menu,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDots, IconKey, IconLock, IconLockOpen, IconEdit, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../src-main/contract';
import { useCall, useMutate } from '../api/hooks';
import { useCan, useMe } from '../auth/session';
import { ConfirmModal } from '../components/ConfirmModal';
import { ListFooter } from '../components/ListFooter';
import { QueryState } from '../components/QueryState';
import { notifySaved, showCallError } from '../components/forms';
import { useSearchState } from '../components/useSearchState';
import { formatDate } from '../format';
import { ResetPasswordModal, UserModal } from './UserModal';

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
  const { params, update } = useSearchState();
  const includeInactive = params.get('inactifs') === '1';
  const page = Number(params.get('page') ?? 1);
  const list = useCall('users.list', { includeInactive, page, pageSize: 25 });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [deactivating, setDeactivating] = useState<User | null>(null);
  const deactivate = useMutate('users.deactivate');
  const reactivate = useMutate('users.reactivate');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('auth.users.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('auth.users.subtitle')}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('auth.users.new')}
        </Button>
      </Group>
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
              <Table.ScrollContainer minWidth={860}>
                <Table verticalSpacing="sm" data-testid="users-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('auth.users.fields.name')}</Table.Th>
                      <Table.Th>{t('auth.users.fields.login')}</Table.Th>
                      <Table.Th>{t('auth.users.fields.role')}</Table.Th>
                      <Table.Th>{t('auth.users.fields.pathways')}</Table.Th>
                      <Table.Th>{t('auth.users.fields.lastSignIn')}</Table.Th>
                      <Table.Th>{t('auth.users.fields.status')}</Table.Th>
                      <Table.Th w={48} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {users.items.map((u) => (
                      <Table.Tr key={u.id} c={u.active ? undefined : 'dimmed'}>
                        <Table.Td fw={500}>
                          {u.name}
                          {u.id === me.id && (
                            <Text span c="dimmed" size="sm">
                              {' '}
                              ({t('auth.users.you')})
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ff="monospace">{u.login}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={roleColors[u.role]}>
                            {t(`auth.role.${u.role}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {u.role === 'admin'
                            ? t('auth.users.allPathways')
                            : u.role === 'trainer'
                              ? u.pathways.map((p) => p.title).join(', ') || t('auth.users.noPathway')
                              : t('common.none')}
                        </Table.Td>
                        <Table.Td>
                          {u.lastSignInAt ? formatDate(u.lastSignInAt.slice(0, 10)) : t('auth.users.never')}
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="dot" color={u.active ? 'teal' : 'gray'}>
                            {u.active ? t('auth.users.active') : t('auth.users.inactive')}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target>
                              <ActionIcon
                                variant="subtle"
                                aria-label={`${t('auth.users.actions')} — ${u.name}`}
                              >
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
                                <Menu.Item
                                  color="red"
                                  leftSection={<IconLock size={16} />}
                                  onClick={() => setDeactivating(u)}
                                >
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
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <ListFooter
                total={users.total}
                page={users.page}
                pageSize={users.pageSize}
                onPage={(p) => update({ page: String(p) })}
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
