import {
  Alert,
  Badge,
  Button,
  Card,
  Divider,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '../../src-main/contract';
import { formatDate, formatScore } from '../format';
import { unscoredByDomain, type DiagnosticFormType, type Grid } from './values';

/** Progress, saved scores and the actions of a diagnostic, beside its grid. */
export function SummaryCard({
  grid,
  form,
  diagnostic,
  saving,
  completing,
  onComplete,
  onRemove,
}: {
  grid: Grid;
  form: DiagnosticFormType;
  diagnostic?: Diagnostic;
  saving: boolean;
  completing: boolean;
  onComplete: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const total = form.values.scores.length;
  const scored = form.values.scores.filter((s) => s.score !== null).length;
  const completed = diagnostic?.status === 'completed';
  const refusal = form.errors.scores;

  return (
    <Card withBorder component="aside" aria-label={t('diagnostics.summary.title')}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('diagnostics.summary.title')}</Title>
          {form.isDirty() && (
            <Badge color="orange" variant="light">
              {t('diagnostics.summary.unsaved')}
            </Badge>
          )}
        </Group>

        <div>
          <Text size="sm" fw={600} data-testid="scored-count">
            {t('diagnostics.summary.progress', { scored, total })}
          </Text>
          <Progress
            value={total ? (scored / total) * 100 : 0}
            mt={6}
            color={scored === total ? 'teal' : 'blue'}
            aria-label={t('diagnostics.summary.progress', { scored, total })}
          />
          <Text size="xs" c="dimmed" mt={6}>
            {scored === total
              ? t('diagnostics.summary.allScored')
              : t('diagnostics.summary.remaining', { count: total - scored })}
          </Text>
        </div>

        {refusal && scored < total && (
          <Refusal message={String(refusal)} missing={unscoredByDomain(grid, form.values)} />
        )}

        {completed && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} p="xs">
            <Text size="sm" fw={600}>
              {t('diagnostics.summary.completedOn', { date: formatDate(diagnostic.completedAt) })}
            </Text>
            <Text size="xs">{t('diagnostics.summary.completedHint')}</Text>
          </Alert>
        )}
        <Button
          type="submit"
          variant={completed ? 'filled' : 'default'}
          loading={saving}
          leftSection={<IconDeviceFloppy size={16} />}
        >
          {completed ? t('diagnostics.summary.saveCorrections') : t('diagnostics.summary.saveDraft')}
        </Button>
        {!completed && (
          <Button loading={completing} leftSection={<IconCircleCheck size={16} />} onClick={onComplete}>
            {t('diagnostics.summary.complete')}
          </Button>
        )}
        {diagnostic && !completed && (
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={onRemove}>
            {t('common.delete')}
          </Button>
        )}
        <Divider />
        <SavedScores grid={grid} diagnostic={diagnostic} />
      </Stack>
    </Card>
  );
}

function Refusal({ message, missing }: { message: string; missing: { name: string; missing: number }[] }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      p="xs"
      role="alert"
      data-path="scores"
    >
      <Text size="sm" fw={600}>
        {message}
      </Text>
      {missing.length > 0 && (
        <>
          <Text size="xs" mt={4}>
            {t('diagnostics.summary.toScore')}
          </Text>
          <Stack gap={0}>
            {missing.map((d) => (
              <Text key={d.name} size="xs">
                · {d.name} ({d.missing})
              </Text>
            ))}
          </Stack>
        </>
      )}
    </Alert>
  );
}

/** The index and domain scores the core computed at the last save. */
function SavedScores({ grid, diagnostic }: { grid: Grid; diagnostic?: Diagnostic }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <div>
      <Group justify="space-between" align="baseline">
        <Text size="sm" fw={600}>
          {t('diagnostics.summary.index')}
        </Text>
        <Text size="xl" fw={700} data-testid="saved-index">
          {diagnostic?.index == null ? none : formatScore(diagnostic.index, grid.scaleMax)}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('diagnostics.summary.indexHint')}
      </Text>
      <Table mt="xs" verticalSpacing={2} horizontalSpacing={0} withRowBorders={false} fz="xs">
        <Table.Tbody>
          {grid.domains.map((d) => {
            const score = diagnostic?.domainScores.find((s) => s.code === d.code)?.score ?? null;
            return (
              <Table.Tr key={d.id}>
                <Table.Td pr="xs">{d.name}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {score === null ? none : formatScore(score, grid.scaleMax)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
