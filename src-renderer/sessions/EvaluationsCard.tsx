import { Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { recordEvaluationsInput, type Session } from '../../src-main/contract';
import { useAnswerKeeper, useMutate } from '../api/hooks';
import { contractResolver, notifySaved, useFormSubmit } from '../components/forms';
import { NumberField } from '../components/NumberField';
import { formatNumber } from '../format';
import { formatPoints } from './FiguresCard';
import { fullName } from '../participants/labels';

type Score = number | string;
type Row = { participantId: string; satisfaction: Score; preScore: Score; postScore: Score };
type Values = { evaluations: Row[] };

const resolve = contractResolver(recordEvaluationsInput);
// A text that is not a number yet ("-") goes to the schema as it is, to be refused with a message.
const scoreOf = (v: Score) => (v === '' ? null : (v as number));
const toInput = (sessionId: string, rows: Row[]) => ({
  sessionId,
  evaluations: rows.map((r) => ({
    participantId: r.participantId,
    satisfaction: scoreOf(r.satisfaction),
    preScore: scoreOf(r.preScore),
    postScore: scoreOf(r.postScore),
  })),
});

function rowsOf(session: Session, current: Row[] = []): Row[] {
  const kept = new Map(current.map((r) => [r.participantId, r]));
  return session.participants.map((p) => {
    const row = kept.get(p.id);
    if (row) return row;
    const e = session.evaluations.find((x) => x.participantId === p.id);
    return {
      participantId: p.id,
      satisfaction: e?.satisfaction ?? '',
      preScore: e?.preScore ?? '',
      postScore: e?.postScore ?? '',
    };
  });
}

/** Satisfaction and knowledge tests, saved for everyone at once; gains come back from the server. */
export function EvaluationsCard({
  session,
  onDirty,
}: {
  session: Session;
  onDirty: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const keepAnswer = useAnswerKeeper();
  const record = useMutate('sessions.recordEvaluations');
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { evaluations: rowsOf(session) },
    validate: (values) => resolve(toInput(session.id, values.evaluations)),
  });
  // People added or removed meanwhile join or leave the table; what was typed stays.
  const ids = session.participants.map((p) => p.id).join(',');
  useEffect(() => {
    const rows = form.getValues().evaluations;
    if (rows.map((r) => r.participantId).join(',') !== ids)
      form.setFieldValue('evaluations', rowsOf(session, rows));
  }, [ids]);

  const saved = (participantId: string) => session.evaluations.find((e) => e.participantId === participantId);
  const dirty = form.values.evaluations.some((r) => {
    const e = saved(r.participantId);
    return (
      scoreOf(r.satisfaction) !== (e?.satisfaction ?? null) ||
      scoreOf(r.preScore) !== (e?.preScore ?? null) ||
      scoreOf(r.postScore) !== (e?.postScore ?? null)
    );
  });
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const { submit, pending } = useFormSubmit(form, {
    send: (values) => record.mutateAsync(toInput(session.id, values.evaluations)),
    onSaved: (updated) => {
      keepAnswer('sessions.get', { id: updated.id }, updated);
      notifySaved(t('sessions.evaluations.saved'));
    },
  });
  const none = t('common.none');
  const f = session.figures;

  if (session.participants.length === 0) return null;
  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate>
        <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
          <div style={{ flex: 1 }}>
            <Title order={4}>{t('sessions.evaluations.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('sessions.evaluations.hint')}
            </Text>
          </div>
          <Group gap="xs" wrap="nowrap">
            {dirty && (
              <Badge color="orange" variant="light">
                {t('sessions.evaluations.unsaved')}
              </Badge>
            )}
            <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={pending}>
              {t('sessions.evaluations.save')}
            </Button>
          </Group>
        </Group>
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing={4} striped data-testid="evaluations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sessions.register.participant')}</Table.Th>
                {(['satisfaction', 'preScore', 'postScore'] as const).map((key) => (
                  <Table.Th key={key} w={160}>
                    {t(`sessions.evaluations.heads.${key}`)}
                    <Text size="xs" c="dimmed">
                      {t(
                        key === 'satisfaction'
                          ? 'sessions.evaluations.scale5'
                          : 'sessions.evaluations.scale100',
                      )}
                    </Text>
                  </Table.Th>
                ))}
                <Table.Th w={110} ta="right">
                  {t('sessions.evaluations.gain')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.values.evaluations.map((row, i) => {
                const person = session.participants.find((p) => p.id === row.participantId);
                if (!person) return null;
                const name = fullName(person);
                const gain = saved(row.participantId)?.gain ?? null;
                const field = (key: 'satisfaction' | 'preScore' | 'postScore', max: number) => (
                  <NumberField
                    size="xs"
                    aria-label={t('sessions.evaluations.field', {
                      field: t(`sessions.evaluations.${key}`),
                      name,
                    })}
                    min={key === 'satisfaction' ? 1 : 0}
                    max={max}
                    hideControls
                    {...form.getInputProps(`evaluations.${i}.${key}`)}
                  />
                );
                return (
                  <Table.Tr key={row.participantId} style={{ verticalAlign: 'top' }}>
                    <Table.Td>
                      <Text size="sm" fw={600} mt={4}>
                        {name}
                      </Text>
                    </Table.Td>
                    <Table.Td>{field('satisfaction', 5)}</Table.Td>
                    <Table.Td>{field('preScore', 100)}</Table.Td>
                    <Table.Td>{field('postScore', 100)}</Table.Td>
                    <Table.Td ta="right" fw={600} data-testid={`gain-${row.participantId}`}>
                      <Text size="sm" fw={600} mt={4}>
                        {gain === null ? none : formatPoints(gain)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('sessions.evaluations.means')}</Table.Th>
                <Table.Th data-testid="evaluations-satisfaction">
                  {f.satisfaction === null
                    ? none
                    : t('sessions.figures.outOf5', { value: formatNumber(f.satisfaction, 1) })}
                </Table.Th>
                <Table.Th />
                <Table.Th />
                <Table.Th ta="right" data-testid="evaluations-gain">
                  {f.meanGain === null ? none : formatPoints(f.meanGain, 1)}
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </form>
    </Card>
  );
}
