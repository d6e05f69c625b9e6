import { Badge, Card, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FrameworkDomain, FrameworkVersion } from '../../src-main/contract';
import { formatDate } from '../format';

/** A version of the grid, read-only: each domain's criteria with one descriptor per level. */
export function FrameworkView({ version, isCurrent }: { version: FrameworkVersion; isCurrent: boolean }) {
  const { t } = useTranslation();
  const criteria = version.domains.reduce((n, d) => n + d.criteria.length, 0);
  const levels = Array.from(
    { length: version.scaleMax - version.scaleMin + 1 },
    (_, i) => version.scaleMin + i,
  );
  return (
    <Stack gap="md">
      <Card withBorder>
        <Title order={3} size="h4">
          {version.frameworkName}
        </Title>
        <Group gap="xs" mt={6}>
          <Badge variant="filled" data-testid="framework-version">
            {t('diagnostics.grid.version', { version: version.version })}
          </Badge>
          {isCurrent && <Badge variant="light">{t('diagnostics.grid.current')}</Badge>}
          <Badge variant="outline" color="gray">
            {t('diagnostics.grid.scale', { min: version.scaleMin, max: version.scaleMax })}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('diagnostics.grid.domains', { count: version.domains.length })} ·{' '}
            {t('diagnostics.grid.criteria', { count: criteria })} ·{' '}
            {t('diagnostics.grid.createdOn', { date: formatDate(version.createdAt) })} ·{' '}
            {t('diagnostics.grid.diagnostics', { count: version.diagnosticsCount })}
          </Text>
        </Group>
        {version.notes && (
          <Text size="sm" mt="sm">
            {t('diagnostics.grid.versionNotes', { notes: version.notes })}
          </Text>
        )}
      </Card>
      {version.domains.map((domain, i) => (
        <DomainTable key={domain.id} number={i + 1} domain={domain} levels={levels} />
      ))}
    </Stack>
  );
}

function DomainTable({
  number,
  domain,
  levels,
}: {
  number: number;
  domain: FrameworkDomain;
  levels: number[];
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="section" aria-label={domain.name}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={4}>
          {number}. {domain.name}
        </Title>
        <Code>{domain.code}</Code>
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table withColumnBorders withTableBorder verticalSpacing="xs" fz="sm" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="24%">{t('diagnostics.grid.criterion')}</Table.Th>
              {levels.map((level) => (
                <Table.Th key={level}>{t('diagnostics.grid.levelN', { level })}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {domain.criteria.map((c, j) => (
              <Table.Tr key={c.id}>
                <Table.Td fw={600} style={{ verticalAlign: 'top' }}>
                  <Text span c="dimmed" size="sm" mr={6}>
                    {number}.{j + 1}
                  </Text>
                  {c.name}
                </Table.Td>
                {levels.map((level, k) => (
                  <Table.Td key={level} style={{ verticalAlign: 'top' }}>
                    {c.descriptors[k]}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
