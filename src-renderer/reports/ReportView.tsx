import { Alert, Card, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { barsSvg, formatCell, radarSvg, type Block, type Column, type Report } from '../../src-main/contract';

const numeric = (c: Column) => c.format !== 'text' && c.format !== 'date';

/** The charts are the PDF's own SVG, drawn from the report's data (text escaped when drawn). */
function Chart({ svg, title }: { svg: string; title: string }) {
  return (
    <div>
      <Text fw={600} size="sm" mb={4}>
        {title}
      </Text>
      <div
        role="img"
        aria-label={title}
        style={{ maxWidth: 560 }}
        dangerouslySetInnerHTML={{ __html: svg.replace('<svg ', '<svg style="width:100%;height:auto" ') }}
      />
    </div>
  );
}

function BlockView({ block }: { block: Block }) {
  const { t } = useTranslation();
  switch (block.type) {
    case 'text':
      return <Text size="sm">{block.text}</Text>;
    case 'figures':
      return (
        <SimpleGrid cols={{ base: 2, md: Math.min(block.items.length, 6) }}>
          {block.items.map((item) => (
            <Card key={item.label} withBorder padding="sm">
              <Text fw={700} size="xl" c="teal">
                {formatCell(item.value, item.format)}
              </Text>
              <Text size="xs" c="dimmed">
                {item.label}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      );
    case 'table':
      return (
        <div>
          {block.title && (
            <Text fw={600} size="sm" mb={4}>
              {block.title}
            </Text>
          )}
          {block.rows.length === 0 ? (
            <Text size="sm" c="dimmed" fs="italic">
              {t('reports.noData')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={500}>
              <Table striped withTableBorder fz="xs" data-testid={`report-table-${block.sheet}`}>
                <Table.Thead>
                  <Table.Tr>
                    {block.columns.map((c) => (
                      <Table.Th key={c.label} ta={numeric(c) ? 'right' : 'left'}>
                        {c.label}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {block.rows.map((row, i) => (
                    <Table.Tr key={i}>
                      {block.columns.map((c, j) => (
                        <Table.Td
                          key={j}
                          ta={numeric(c) ? 'right' : 'left'}
                          style={{ whiteSpace: numeric(c) ? 'nowrap' : undefined }}
                        >
                          {formatCell(row[j] ?? null, c.format)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                  {block.total && (
                    <Table.Tr fw={700}>
                      {block.columns.map((c, j) => (
                        <Table.Td key={j} ta={numeric(c) ? 'right' : 'left'}>
                          {block.total![j] == null ? '' : formatCell(block.total![j]!, c.format)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </div>
      );
    case 'bars':
      return <Chart title={block.title} svg={barsSvg(block)} />;
    case 'radar':
      return <Chart title={block.title} svg={radarSvg(block)} />;
  }
}

/** A report as the committees will read it: the same model the PDF and the XLSX are written from. */
export function ReportView({ report }: { report: Report }) {
  return (
    <Paper withBorder p="lg" data-testid="report-view">
      <Stack gap="md">
        <div>
          <Text size="xs" c="dimmed">
            {report.programme}
          </Text>
          <Title order={3}>{report.title}</Title>
          <Text c="teal">{report.subtitle}</Text>
          {report.scope.map((line) => (
            <Text key={line} size="sm" c="dimmed">
              {line}
            </Text>
          ))}
          {report.warning && (
            <Alert color="orange" mt="sm" data-testid="report-warning">
              {report.warning}
            </Alert>
          )}
        </div>
        {report.sections.map((section) => (
          <Stack key={section.title} gap="sm">
            <Title order={4} c="teal">
              {section.title}
            </Title>
            {section.blocks.map((block, i) => (
              <BlockView key={i} block={block} />
            ))}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
