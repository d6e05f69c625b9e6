import { Paper } from '@mantine/core';
import { DataTable, type Column } from '../components/DataTable';
import { QueryState } from '../components/QueryState';
import { useFilterParams } from './filters';

interface RecordsPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The records behind a figure, a page at a time (the page number lives in the address). */
export function RecordsList<T extends { id: string }>({
  query,
  label,
  testId,
  columns,
  empty,
}: {
  query: { data: RecordsPage<T> | undefined; error: Error | null; isPending: boolean };
  label: string;
  testId: string;
  columns: Column<T>[];
  empty: string;
}) {
  const { setPage } = useFilterParams();
  return (
    <QueryState query={query}>
      {(data) => (
        <Paper withBorder p="md">
          <DataTable
            label={label}
            testId={testId}
            columns={columns}
            list={data}
            empty={empty}
            onPage={setPage}
            minWidth={760}
            highlightOnHover
            verticalSpacing="sm"
          />
        </Paper>
      )}
    </QueryState>
  );
}
