import {
  Badge,
  Card,
  CloseButton,
  Divider,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkDomain } from '../../src-main/contract';
import { levelsOf, type DiagnosticFormType, type Grid } from './values';

/** One card per domain of the grid, each criterion scored on the grid's scale. */
export function ScoreGrid({ grid, form }: { grid: Grid; form: DiagnosticFormType }) {
  const rowOf = new Map(form.values.scores.map((s, i) => [s.criterionId, i]));
  return (
    <>
      {grid.domains.map((domain, d) => (
        <DomainCard key={domain.id} number={d + 1} domain={domain} grid={grid} form={form} rowOf={rowOf} />
      ))}
    </>
  );
}

function DomainCard({
  number,
  domain,
  grid,
  form,
  rowOf,
}: {
  number: number;
  domain: FrameworkDomain;
  grid: Grid;
  form: DiagnosticFormType;
  rowOf: Map<string, number>;
}) {
  const { t } = useTranslation();
  const rows = domain.criteria.map((c) => rowOf.get(c.id) ?? -1);
  const scored = rows.filter((i) => form.values.scores[i]?.score != null).length;
  return (
    <Card withBorder component="section" aria-label={domain.name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Title order={4}>
          {number}. {domain.name}
        </Title>
        <Badge variant="light" color={scored === rows.length ? 'teal' : 'gray'}>
          {t('diagnostics.form.domainProgress', { scored, total: rows.length })}
        </Badge>
      </Group>
      <Stack gap="sm">
        {domain.criteria.map((criterion, c) => (
          <Fragment key={criterion.id}>
            {c > 0 && <Divider />}
            <CriterionRow
              label={`${number}.${c + 1}`}
              name={criterion.name}
              descriptors={criterion.descriptors}
              row={rows[c]!}
              grid={grid}
              form={form}
            />
          </Fragment>
        ))}
      </Stack>
    </Card>
  );
}

function CriterionRow({
  label,
  name,
  descriptors,
  row,
  grid,
  form,
}: {
  label: string;
  name: string;
  descriptors: string[];
  row: number;
  grid: Grid;
  form: DiagnosticFormType;
}) {
  const { t } = useTranslation();
  const score = form.values.scores[row]?.score ?? null;
  const descriptor = (level: number) => descriptors[level - grid.scaleMin] ?? '';
  // After a refused completion, unscored criteria stand out.
  const flagged = score === null && Boolean(form.errors.scores);
  const scoreError = form.errors[`scores.${row}.score`];

  return (
    <div role="group" aria-label={name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Text size="sm" fw={500}>
          <Text span c="dimmed" size="sm" mr={6}>
            {label}
          </Text>
          {name}
        </Text>
        <Group gap={4} wrap="nowrap">
          <SegmentedControl
            size="xs"
            color="teal"
            aria-label={t('diagnostics.form.criterionScore', { name })}
            data-path={`scores.${row}.score`}
            value={score === null ? '' : String(score)}
            onChange={(value) => form.setFieldValue(`scores.${row}.score`, Number(value))}
            data={levelsOf(grid).map((level) => ({
              value: String(level),
              label: (
                <Tooltip label={descriptor(level)} multiline w={260} openDelay={300} withArrow>
                  <span style={{ display: 'inline-block', minWidth: 16 }}>{level}</span>
                </Tooltip>
              ),
            }))}
          />
          <CloseButton
            size="sm"
            aria-label={t('diagnostics.form.clearScore')}
            onClick={() => form.setFieldValue(`scores.${row}.score`, null)}
            style={{ visibility: score === null ? 'hidden' : undefined }}
          />
        </Group>
      </Group>
      <Text
        size="xs"
        mt={4}
        c={flagged ? 'red' : score === null ? 'dimmed' : undefined}
        fw={flagged ? 600 : 400}
      >
        {score === null
          ? t('diagnostics.form.notScored')
          : t('diagnostics.form.levelDescriptor', { level: score, text: descriptor(score) })}
      </Text>
      {scoreError && (
        <Text size="xs" c="red">
          {scoreError}
        </Text>
      )}
      <TextInput
        mt={6}
        size="xs"
        label={t('diagnostics.fields.evidence')}
        placeholder={t('diagnostics.form.evidenceHint')}
        {...form.getInputProps(`scores.${row}.evidence`)}
      />
    </div>
  );
}
