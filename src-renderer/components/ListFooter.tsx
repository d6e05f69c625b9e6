import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Where a list's page stands: how many results, which page, and the pager. */
export interface Paging {
  list: { total: number; page: number; pageSize: number };
  onPage: (page: number) => void;
}

export function ListFooter({ list: { total, page, pageSize }, onPage }: Paging) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" mt="md">
      <Text size="sm" c="dimmed">
        {t('common.results', { count: total })} · {t('common.pageOf', { page, pages })}
      </Text>
      {pages > 1 && <Pagination total={pages} value={page} onChange={onPage} size="sm" />}
    </Group>
  );
}
