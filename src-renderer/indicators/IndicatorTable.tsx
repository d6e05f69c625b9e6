import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconHistory, IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { IndicatorRow } from '../../src-main/contract';
import { formatDate, formatIndicatorValue } from '../format';

type Edit = (kind: 'value' | 'history' | 'edit', indicator: IndicatorRow) => void;

/** The indicators of one result: definition, baseline, target and value of the year, origin. */
export function IndicatorTable({
  indicators,
  year,
  onEdit,
}: {
  indicators: IndicatorRow[];
  year: number;
  onEdit: Edit;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('indicators.resultsFramework.indicator')}</Table.Th>
            <Table.Th w={100} ta="right">
              {t('indicators.resultsFramework.baseline')}
            </Table.Th>
            <Table.Th w={100} ta="right" style={{ whiteSpace: 'nowrap' }}>
              {t('indicators.resultsFramework.target', { year })}
            </Table.Th>
            <Table.Th w={150} style={{ whiteSpace: 'nowrap' }}>
              {t('indicators.resultsFramework.value', { year })}
            </Table.Th>
            <Table.Th w={210}>{t('indicators.resultsFramework.origin')}</Table.Th>
            <Table.Th w={80}>
              <VisuallyHidden>{t('indicators.resultsFramework.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicators.map((i) => (
            <Table.Tr key={i.id} data-testid={`indicator-${i.code}`}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {i.code} · {i.name}
                </Text>
                {i.definition && (
                  <Text size="xs" c="dimmed">
                    {i.definition}
                  </Text>
                )}
                <Text size="xs" c="dimmed" mt={2}>
                  {t(`indicators.resultsFramework.units.${i.unit}`)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatIndicatorValue(i.unit, i.baseline)}</Table.Td>
              <Table.Td ta="right" data-testid="target">
                {formatIndicatorValue(i.unit, i.target)}
              </Table.Td>
              <Table.Td>
                <ValueCell indicator={i} />
              </Table.Td>
              <Table.Td>
                <OriginCell indicator={i} year={year} onEdit={onEdit} />
              </Table.Td>
              <Table.Td>
                <Actions indicator={i} onEdit={onEdit} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ValueCell({ indicator: i }: { indicator: IndicatorRow }) {
  const { t } = useTranslation();
  const { total, women, men } = i.value;
  const reached = i.reached;
  return (
    <Stack gap={4}>
      <Text fw={700} data-testid="value">
        {formatIndicatorValue(i.unit, total)}
      </Text>
      {i.bySex && (
        <div data-testid="value-by-sex">
          <Text size="xs">{t('indicators.womenValue', { value: formatIndicatorValue(i.unit, women) })}</Text>
          <Text size="xs">{t('indicators.menValue', { value: formatIndicatorValue(i.unit, men) })}</Text>
        </div>
      )}
      {reached !== null && (
        <>
          <Progress
            value={reached || i.target! <= 0 ? 100 : Math.min(100, (total! / i.target!) * 100)}
            color={reached ? 'teal' : 'orange'}
            size="sm"
            aria-hidden
          />
          <Text size="xs" c={reached ? 'teal' : 'orange'} data-testid="reached">
            {reached ? t('indicators.resultsFramework.reached') : t('indicators.resultsFramework.notReached')}
          </Text>
        </>
      )}
    </Stack>
  );
}

function OriginCell({ indicator: i, year, onEdit }: { indicator: IndicatorRow; year: number; onEdit: Edit }) {
  const { t } = useTranslation();
  if (i.kind === 'computed') {
    return (
      <Tooltip
        label={i.computedKey ? t(`indicators.resultsFramework.computedKeys.${i.computedKey}`) : ''}
        multiline
        w={280}
        withArrow
      >
        <Badge
          variant="light"
          color="teal"
          rightSection={<IconInfoCircle size={12} />}
          data-testid="origin"
          tabIndex={0}
        >
          {t('indicators.resultsFramework.computed')}
        </Badge>
      </Tooltip>
    );
  }
  const last = i.entered.find((v) => v.year === year);
  return (
    <Stack gap={2} align="flex-start">
      <Badge variant="light" color="gray" data-testid="origin">
        {t('indicators.resultsFramework.entered')}
      </Badge>
      <Text size="xs" c="dimmed" data-testid="last-source">
        {last
          ? t('indicators.resultsFramework.lastValue', { source: last.source, date: formatDate(last.recordedOn) })
          : t('indicators.resultsFramework.noValueForYear', { year })}
      </Text>
      <Button
        size="compact-xs"
        variant="light"
        mt={2}
        onClick={() => onEdit('value', i)}
        aria-label={t('indicators.resultsFramework.recordValueFor', { code: i.code })}
      >
        {t('indicators.resultsFramework.recordValue')}
      </Button>
    </Stack>
  );
}

function Actions({ indicator: i, onEdit }: { indicator: IndicatorRow; onEdit: Edit }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {i.entered.length > 0 && (
        <Tooltip label={t('indicators.resultsFramework.historyCount', { count: i.entered.length })}>
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={() => onEdit('history', i)}
            aria-label={t('indicators.resultsFramework.historyFor', { code: i.code })}
          >
            <IconHistory size={16} />
          </ActionIcon>
        </Tooltip>
      )}
      <Tooltip label={t('indicators.resultsFramework.edit')}>
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={() => onEdit('edit', i)}
          aria-label={t('indicators.resultsFramework.editFor', { code: i.code })}
        >
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
