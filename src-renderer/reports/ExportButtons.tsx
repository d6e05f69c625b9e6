import { Button, Group, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReportFormat, ReportRequest } from '../../src-main/contract';
import { notifySaved, showCallError } from '../components/forms';
import { saveFile } from '../components/saveFile';
import { useLongCall } from '../components/useLongCall';
import { WorkProgress } from '../components/WorkProgress';

const icons = { pdf: IconFileTypePdf, xlsx: IconFileSpreadsheet };

/** Saves a report as PDF or XLSX: a save dialog in the desktop app, a download in web mode. */
function useReportExport() {
  const { t } = useTranslation();
  const exporting = useLongCall('reports.export');
  const save = async (request: ReportRequest, format: ReportFormat) => {
    try {
      const file = await exporting.run({ request, format });
      if (await saveFile(file)) notifySaved(t('reports.saved', { name: file.fileName }));
    } catch (error) {
      showCallError(error as Error);
    }
  };
  const progress = <WorkProgress work={exporting.work} label={t('progress.work.report')} />;
  return { busy: exporting.pending, save, progress };
}

/** One button per format, for the reports page. */
export function ExportButtons({ request }: { request: ReportRequest }) {
  const { t } = useTranslation();
  const { busy, save, progress } = useReportExport();
  return (
    <Group gap="xs">
      {progress}
      {(['pdf', 'xlsx'] as const).map((format) => {
        const Icon = icons[format];
        return (
          <Button
            key={format}
            variant="default"
            leftSection={<Icon size={16} />}
            disabled={busy}
            onClick={() => void save(request, format)}
          >
            {t(`reports.export.${format}`)}
          </Button>
        );
      })}
    </Group>
  );
}

/** An "Export" menu for a record's page: its reports, each in the formats offered. */
export function ExportMenu({
  items,
}: {
  items: { label: string; request: ReportRequest; formats?: ReportFormat[] }[];
}) {
  const { t } = useTranslation();
  const { busy, save, progress } = useReportExport();
  return (
    <>
      {progress}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            rightSection={<IconChevronDown size={14} />}
            loading={busy}
          >
            {t('reports.exportMenu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {items.flatMap(({ label, request, formats = ['pdf', 'xlsx'] }) =>
            formats.map((format) => {
              const Icon = icons[format];
              return (
                <Menu.Item
                  key={`${label}-${format}`}
                  leftSection={<Icon size={16} />}
                  onClick={() => void save(request, format)}
                >
                  {t('reports.exportNamed', { label, format: format.toUpperCase() })}
                </Menu.Item>
              );
            }),
          )}
        </Menu.Dropdown>
      </Menu>
    </>
  );
}
