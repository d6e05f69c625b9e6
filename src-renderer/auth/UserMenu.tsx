import { Badge, Button, Group, Menu, PasswordInput, Text, UnstyledButton } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconChevronDown, IconKey, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePasswordInput } from '../../src-main/contract';
import { call } from '../api/client';
import { FormModal } from '../components/FormModal';
import { contractResolver, useFormSubmit } from '../components/forms';
import { useMe, useSessionChanged } from './session';

/** Who is signed in, in the header: their own password, and signing out. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const changed = useSessionChanged();
  const [changing, setChanging] = useState(false);
  const signOut = useMutation({ mutationFn: () => call('auth.signOut', {}), onSettled: () => changed() });
  return (
    <Group gap="xs" wrap="nowrap">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={t('auth.signedInAs', { name: me.name })} data-testid="signed-in-user">
            <Group gap={6} wrap="nowrap">
              <IconUserCircle size={22} stroke={1.5} />
              <div>
                <Text size="sm" fw={600} lh={1.1}>
                  {me.name}
                </Text>
                <Text size="xs" c="dimmed" lh={1.1}>
                  {t(`auth.role.${me.role}`)}
                </Text>
              </div>
              <IconChevronDown size={14} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Badge variant="light" size="sm">
              {me.login}
            </Badge>
          </Menu.Label>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setChanging(true)}>
            {t('auth.changePassword.menu')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Button
        variant="subtle"
        color="gray"
        size="compact-sm"
        leftSection={<IconLogout size={16} />}
        loading={signOut.isPending}
        onClick={() => signOut.mutate()}
      >
        {t('auth.signOut')}
      </Button>
      {changing && <ChangePasswordModal onClose={() => setChanging(false)} />}
    </Group>
  );
}

type Values = { currentPassword: string; newPassword: string; confirm: string };

function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const resolve = contractResolver(changePasswordInput);
  const form = useForm<Values>({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: ({ confirm, ...values }) => ({
      ...resolve(values),
      ...(confirm !== values.newPassword ? { confirm: t('errors.passwordsDiffer') } : {}),
    }),
  });
  const { submit, pending } = useFormSubmit(form, {
    send: ({ confirm: _, ...values }) => call('auth.changePassword', values),
    saved: t('auth.changePassword.done'),
    onSaved: onClose,
  });
  return (
    <FormModal onClose={onClose} title={t('auth.changePassword.title')} onSubmit={submit} pending={pending}>
      <PasswordInput
        label={t('auth.changePassword.current')}
        autoComplete="current-password"
        data-autofocus
        {...form.getInputProps('currentPassword')}
      />
      <PasswordInput
        label={t('auth.changePassword.new')}
        description={t('auth.setup.passwordHint')}
        autoComplete="new-password"
        {...form.getInputProps('newPassword')}
      />
      <PasswordInput
        label={t('auth.changePassword.confirm')}
        autoComplete="new-password"
        {...form.getInputProps('confirm')}
      />
    </FormModal>
  );
}
