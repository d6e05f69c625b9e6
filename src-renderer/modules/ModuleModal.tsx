import { SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { moduleFields, type ModuleFields, type TrainingModule } from '../../src-main/contract';
import { useMutate } from '../api/hooks';
import { FormModal } from '../components/FormModal';
import { contractResolver, useFormSubmit } from '../components/forms';
import { NumberField } from '../components/NumberField';
import { LongTextField } from '../components/LongTextField';

const empty: ModuleFields = {
  title: '',
  theme: '',
  objectives: '',
  durationHours: null as never,
  targetPublic: '',
};

const fromModule = (m: TrainingModule): ModuleFields => ({
  title: m.title,
  theme: m.theme ?? '',
  objectives: m.objectives ?? '',
  durationHours: m.durationHours,
  targetPublic: m.targetPublic ?? '',
});

/** Adds a module to the library, or edits one. */
export function ModuleModal({
  module,
  onClose,
  onSaved,
}: {
  module?: TrainingModule;
  onClose: () => void;
  onSaved?: (m: TrainingModule) => void;
}) {
  const { t } = useTranslation();
  const create = useMutate('modules.create');
  const update = useMutate('modules.update');
  const form = useForm<ModuleFields>({
    initialValues: module ? fromModule(module) : empty,
    validate: contractResolver(moduleFields),
  });
  const { submit, pending } = useFormSubmit(form, {
    send: (values) => {
      const fields = moduleFields.parse(values);
      return module ? update.mutateAsync({ id: module.id, fields }) : create.mutateAsync(fields);
    },
    prefix: module ? 'fields' : undefined,
    saved: module ? t('modules.updated') : t('modules.created'),
    onSaved: (m) => {
      onSaved?.(m);
      onClose();
    },
  });
  return (
    <FormModal
      onClose={onClose}
      title={module ? t('modules.editTitle') : t('modules.new')}
      size="lg"
      onSubmit={submit}
      pending={pending}
    >
      <TextInput label={t('modules.fields.title')} withAsterisk {...form.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('modules.fields.theme')}
          placeholder={t('modules.themePlaceholder')}
          {...form.getInputProps('theme')}
        />
        <NumberField
          label={t('modules.fields.durationHours')}
          withAsterisk
          min={0.5}
          step={0.5}
          {...form.getInputProps('durationHours')}
        />
      </SimpleGrid>
      <LongTextField
        label={t('modules.fields.objectives')}
        minRows={3}
        {...form.getInputProps('objectives')}
      />
      <LongTextField
        label={t('modules.fields.targetPublic')}
        placeholder={t('modules.targetPublicPlaceholder')}
        {...form.getInputProps('targetPublic')}
      />
    </FormModal>
  );
}
