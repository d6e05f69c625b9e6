import { Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IndicatorRow } from '../../src-main/contract';
import { formatDate, formatIndicatorValue } from '../format';

/** Every value entered for an indicator, latest first, with its source. */
export function HistoryModal({ indicator, onClose }: { indicator: IndicatorRow; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('indicators.resultsFramework.historyFor', { code: indicator.code })}
      size="xl"
      centered
    >
      <Text size="sm" fw={600} mb="sm">
        {indicator.name}
      </Text>
      <Table verticalSpacing="xs" data-testid="history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('indicators.resultsFramework.historyTable.year')}</Table.Th>
            <Table.Th>{t('indicators.resultsFramework.historyTable.sex')}</Table.Th>
            <Table.Th ta="right">{t('indicators.resultsFramework.historyTable.value')}</Table.Th>
            <Table.Th>{t('indicators.resultsFramework.historyTable.source')}</Table.Th>
            <Table.Th>{t('indicators.resultsFramework.historyTable.recordedOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicator.entered.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>{v.year}</Table.Td>
              <Table.Td>
                {v.sex === 'F'
                  ? t('common.women')
                  : v.sex === 'M'
                    ? t('common.men')
                    : t('indicators.resultsFramework.valueForm.total')}
              </Table.Td>
              <Table.Td ta="right">{formatIndicatorValue(indicator.unit, v.value)}</Table.Td>
              <Table.Td>{v.source}</Table.Td>
              <Table.Td>{formatDate(v.recordedOn)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
