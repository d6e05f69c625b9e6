import { Button, Group, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { moduleFields, type ModuleFields, type TrainingModule } from '../../src-main/contract';
import { useMutate } from '../api/hooks';
import { contractResolver, notifySaved, showCallError, showFormErrors } from '../components/forms';
import { NumberField } from '../components/NumberField';

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
  const submit = form.onSubmit((values) => {
    const fields = moduleFields.parse(values);
    const onSuccess = (m: TrainingModule) => {
      notifySaved(module ? t('training.modules.updated') : t('training.modules.created'));
      onSaved?.(m);
      onClose();
    };
    if (module)
      update.mutate(
        { id: module.id, fields },
        { onSuccess, onError: (e) => showCallError(e, form, 'fields') },
      );
    else create.mutate(fields, { onSuccess, onError: (e) => showCallError(e, form) });
  }, showFormErrors);
  return (
    <Modal
      opened
      onClose={onClose}
      title={module ? t('training.modules.editTitle') : t('training.modules.new')}
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('training.modules.fields.title')}
            withAsterisk
            {...form.getInputProps('title')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('training.modules.fields.theme')}
              placeholder={t('training.modules.themePlaceholder')}
              {...form.getInputProps('theme')}
            />
            <NumberField
              label={t('training.modules.fields.durationHours')}
              withAsterisk
              min={0.5}
              step={0.5}
              {...form.getInputProps('durationHours')}
            />
          </SimpleGrid>
          <Textarea
            label={t('training.modules.fields.objectives')}
            autosize
            minRows={3}
            {...form.getInputProps('objectives')}
          />
          <Textarea
            label={t('training.modules.fields.targetPublic')}
            placeholder={t('training.modules.targetPublicPlaceholder')}
            autosize
            minRows={2}
            {...form.getInputProps('targetPublic')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
