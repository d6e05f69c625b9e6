import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconEdit, IconFileText } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useParams } from 'react-router';
import type { Session } from '../../src-main/contract';
import { useCall } from '../api/hooks';
import { ConfirmModal } from '../components/ConfirmModal';
import { QueryState } from '../components/QueryState';
import { formatDate, formatFcfa } from '../format';
import { EvaluationsCard } from './EvaluationsCard';
import { FiguresCard } from './FiguresCard';
import { monthOf, phaseColor, placeOf } from './labels';
import { ParticipantsCard } from './ParticipantsCard';
import { RegisterCard } from './RegisterCard';
import { SessionModal } from './SessionModal';
import { ExportMenu } from '../reports/ExportButtons';
import { Field } from '../components/Field';
import { BackLink } from '../components/BackLink';

export function SessionPage() {
  const { id = '' } = useParams();
  const query = useCall('sessions.get', { id });
  return <QueryState query={query}>{(s) => <SessionDetail key={s.id} session={s} />}</QueryState>;
}

function SessionDetail({ session: s }: { session: Session }) {
  const { t } = useTranslation();
  const [editing, edit] = useDisclosure();
  // Unsaved marks or evaluations: leaving the page asks first.
  const [unsaved, setUnsaved] = useState({ register: false, evaluations: false });
  const onRegisterDirty = useCallback((dirty: boolean) => setUnsaved((u) => ({ ...u, register: dirty })), []);
  const onEvaluationsDirty = useCallback(
    (dirty: boolean) => setUnsaved((u) => ({ ...u, evaluations: dirty })),
    [],
  );
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      (unsaved.register || unsaved.evaluations) && currentLocation.pathname !== nextLocation.pathname,
  );
  const none = t('common.none');
  const place = placeOf(s);

  return (
    <Stack gap="md">
      <BackLink to="/sessions">{t('sessions.detail.back')}</BackLink>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={2}>{s.title}</Title>
          <Group gap="xs" mt={6}>
            <Badge variant="light" color={phaseColor[s.phase]}>
              {t(`sessions.phase.${s.phase}`)}
            </Badge>
            {s.days[0] && (
              <Anchor component={Link} to={`/sessions?mois=${monthOf(s.days[0].date)}`} size="sm">
                {t('sessions.detail.calendar')}
              </Anchor>
            )}
          </Group>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" leftSection={<IconEdit size={16} />} onClick={edit.open}>
            {t('common.edit')}
          </Button>
          <Button component={Link} to={`/sessions/${s.id}/feuille`} leftSection={<IconFileText size={16} />}>
            {t('sessions.detail.sheet')}
          </Button>
          <ExportMenu
            items={[
              { label: t('reports.kinds.attendance'), request: { kind: 'attendance', sessionId: s.id } },
            ]}
          />
        </Group>
      </Group>

      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg" verticalSpacing="md">
          <Field label={t('sessions.detail.pathway')}>
            {s.pathway ? (
              <>
                <Anchor component={Link} to={`/parcours/${s.pathway.id}`} size="sm" fw={600}>
                  {s.pathway.title}
                </Anchor>
                <Text size="sm">{s.pathway.organisationName}</Text>
                <Text size="xs" c="dimmed">
                  {t('common.labelValue', {
                    label: t('sessions.fields.action'),
                    value: s.pathway.actionTitle,
                  })}
                </Text>
              </>
            ) : (
              <Text size="sm">{t('sessions.list.standalone')}</Text>
            )}
          </Field>
          <Field label={t('sessions.detail.module')}>
            <Text size="sm">{s.moduleTitle ?? none}</Text>
          </Field>
          <Field label={t('sessions.detail.place')}>
            <Text size="sm">{place || none}</Text>
          </Field>
          <Field label={t('sessions.detail.days')}>
            {s.days.map((d) => (
              <Text size="sm" key={d.id}>
                {t('sessions.detail.dayLine', {
                  date: formatDate(d.date),
                  start: d.startTime,
                  end: d.endTime,
                })}
                {d.halfDay && ` (${t('sessions.detail.halfDay')})`}
              </Text>
            ))}
          </Field>
          <Field label={t('sessions.detail.trainers')}>
            {s.trainers.length === 0 && <Text size="sm">{none}</Text>}
            {s.trainers.map((tr, i) => (
              <Text size="sm" key={i}>
                {t('sessions.detail.trainer', {
                  name: tr.name,
                  sex: t(`sessions.sex.${tr.sex}`),
                  kind: t(`sessions.trainerKind.${tr.kind}`).toLocaleLowerCase(),
                })}
              </Text>
            ))}
          </Field>
          <Field label={t('sessions.detail.cost')}>
            <Text size="sm" data-testid="session-cost">
              {formatFcfa(s.costFcfa)}
            </Text>
          </Field>
        </SimpleGrid>
      </Card>

      <FiguresCard session={s} />
      <ParticipantsCard session={s} />
      <RegisterCard session={s} onDirty={onRegisterDirty} />
      <EvaluationsCard session={s} onDirty={onEvaluationsDirty} />

      {editing && <SessionModal session={s} opened onClose={edit.close} />}
      <ConfirmModal
        opened={blocker.state === 'blocked'}
        title={t('sessions.register.leaveTitle')}
        text={t('sessions.register.leaveText')}
        confirmLabel={t('sessions.register.leave')}
        onConfirm={() => blocker.proceed?.()}
        onClose={() => blocker.reset?.()}
      />
    </Stack>
  );
}
