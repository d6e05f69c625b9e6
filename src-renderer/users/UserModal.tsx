import { MultiSelect, PasswordInput, Select, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  createUserInput,
  newPassword,
  roles,
  userFields,
  type Role,
  type User,
} from '../../src-main/contract';
import { useCall, useMutate } from '../api/hooks';
import { FormModal } from '../components/FormModal';
import { contractResolver, useFormSubmit } from '../components/forms';
import { z } from 'zod';
import { optionsOf } from '../components/options';

type Values = { name: string; login: string; role: Role; password: string; pathwayIds: string[] };

/** Creates an account (with a temporary password), or changes its name, role and pathways. */
export function UserModal({ user, onClose }: { user?: User; onClose: () => void }) {
  const { t } = useTranslation();
  const pathways = useCall('pathways.list', {});
  const create = useMutate('users.create');
  const update = useMutate('users.update');
  const resolveNew = contractResolver(createUserInput);
  const resolveEdit = contractResolver(userFields);
  const form = useForm<Values>({
    initialValues: {
      name: user?.name ?? '',
      login: user?.login ?? '',
      role: user?.role ?? 'trainer',
      password: '',
      pathwayIds: user?.pathways.map((p) => p.id) ?? [],
    },
    validate: ({ login, password, ...fields }) =>
      user ? resolveEdit(fields) : resolveNew({ ...fields, login, password }),
  });
  const { submit, pending } = useFormSubmit(form, {
    send: ({ login, password, ...fields }) => {
      const pathwayIds = fields.role === 'trainer' ? fields.pathwayIds : [];
      return user
        ? update.mutateAsync({ id: user.id, fields: { ...fields, pathwayIds } })
        : create.mutateAsync({ ...fields, pathwayIds, login, password });
    },
    prefix: user ? 'fields' : undefined,
    saved: user ? t('auth.users.updated') : t('auth.users.created'),
    onSaved: onClose,
  });
  return (
    <FormModal
      onClose={onClose}
      title={user ? t('auth.users.editTitle') : t('auth.users.new')}
      size="lg"
      onSubmit={submit}
      pending={pending}
    >
      <TextInput
        label={t('auth.users.fields.name')}
        withAsterisk
        data-autofocus
        {...form.getInputProps('name')}
      />
      <TextInput
        label={t('auth.users.fields.login')}
        description={user ? undefined : t('auth.setup.loginHint')}
        withAsterisk
        disabled={!!user}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        {...form.getInputProps('login')}
      />
      <Select
        label={t('auth.users.fields.role')}
        withAsterisk
        allowDeselect={false}
        data={optionsOf(roles, (r) => t(`auth.role.${r}`))}
        description={t(`auth.roleHint.${form.values.role}`)}
        {...form.getInputProps('role')}
      />
      {form.values.role === 'trainer' && (
        <MultiSelect
          label={t('auth.users.fields.pathways')}
          description={t('auth.users.fields.pathwaysHint')}
          searchable
          data={(pathways.data ?? []).map((p) => ({
            value: p.id,
            label: `${p.title} — ${p.organisationName}`,
          }))}
          nothingFoundMessage={t('common.none')}
          {...form.getInputProps('pathwayIds')}
        />
      )}
      {!user && (
        <PasswordInput
          label={t('auth.users.fields.password')}
          description={t('auth.users.fields.passwordHint')}
          withAsterisk
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
      )}
    </FormModal>
  );
}

/** The administrator gives someone a new password (forgotten, or known by someone else). */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useMutate('users.resetPassword');
  const form = useForm({
    initialValues: { password: '' },
    validate: contractResolver(z.object({ password: newPassword })),
  });
  const { submit, pending } = useFormSubmit(form, {
    send: ({ password }) => reset.mutateAsync({ id: user.id, password }),
    saved: t('auth.users.resetDone'),
    onSaved: onClose,
  });
  return (
    <FormModal
      onClose={onClose}
      title={t('auth.users.resetTitle', { name: user.name })}
      onSubmit={submit}
      pending={pending}
    >
      <Text size="sm">{t('auth.users.resetText')}</Text>
      <PasswordInput
        label={t('auth.users.fields.password')}
        description={t('auth.users.fields.passwordHint')}
        withAsterisk
        autoComplete="new-password"
        data-autofocus
        {...form.getInputProps('password')}
      />
    </FormModal>
  );
}
