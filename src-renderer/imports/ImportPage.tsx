import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  importKinds,
  MAX_IMPORT_BYTES,
  type ImportKind,
  type ImportPreview,
  type ImportResult,
  type ImportRow,
  type ImportSheetChoice,
  type NewOrganisation,
  type Resemblance,
} from '../../src-main/contract';
import { call } from '../api/client';
import { useCall } from '../api/hooks';
import { readDocument } from '../components/documents';
import { notifySaved, showCallError } from '../components/forms';
import { ListFooter } from '../components/ListFooter';
import { saveFile } from '../components/saveFile';
import { useSearchState } from '../components/useSearchState';
import { formatFcfa, formatNumber, formatSize } from '../format';
import { useLongCall } from '../components/useLongCall';
import { WorkProgress } from '../components/WorkProgress';
import { choicesOf, ColumnsCard } from './ColumnsCard';
import { callErrorText } from './messages';
import { NewOrganisationsCard } from './NewOrganisationsCard';
import { PreviewTable } from './PreviewTable';
import { PageHeader } from '../components/PageHeader';
import { optionsOf } from '../components/options';

const PAGE_SIZE = 50;
const ACCEPT = '.xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ChosenFile {
  /** Tells two choices of the same file apart, so the preview is read again. */
  id: number;
  name: string;
  size: number;
  contentBase64: string;
}

type Only = 'errors' | 'duplicates' | 'ignored' | 'warnings' | undefined;

/** `count` picks the plural, `value` shows it with French thousands separators. */
const counted = (count: number) => ({ count, value: formatNumber(count) });

const listOf: Partial<Record<ImportKind, string>> = {
  organisations: '/organisations',
  agreements: '/conventions',
  participants: '/participants',
};

export function ImportPage() {
  const { t } = useTranslation();
  // The kind lives in the address, so another page can link to "import participants".
  const { params, update } = useSearchState();
  const kind = importKinds.find((k) => k === params.get('type')) ?? 'organisations';
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  // Absent until the user changes what the preview suggested (sheets, columns, values).
  const [sheets, setSheets] = useState<ImportSheetChoice[] | undefined>(undefined);
  const [newOrganisations, setNewOrganisations] = useState<NewOrganisation[]>([]);
  const [resemblances, setResemblances] = useState<Resemblance[]>([]);
  const [only, setOnly] = useState<Only>(undefined);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [templateBusy, setTemplateBusy] = useState(false);

  const preview = useCall(
    'imports.preview',
    {
      kind,
      file: { name: file?.name ?? '', contentBase64: file?.contentBase64 ?? '' },
      sheets,
      newOrganisations,
      resemblances,
      only,
      page,
      pageSize: PAGE_SIZE,
    },
    {
      enabled: file !== null,
      // The file's bytes are not part of the key: its id stands for them.
      key: [kind, file?.id, sheets, newOrganisations, resemblances, only, page],
      cache: false,
    },
  );
  const data = file ? preview.data : undefined;

  const importing = useLongCall('imports.run', { refresh: true });
  const [mode, setMode] = useState<'all' | 'validOnly' | null>(null);
  const runImport = async (chosen: 'all' | 'validOnly') => {
    setMode(chosen);
    try {
      const value = await importing.run({
        kind,
        file: { name: file!.name, contentBase64: file!.contentBase64 },
        sheets: choicesOf(data!),
        newOrganisations,
        resemblances,
        mode: chosen,
      });
      setResult(value);
      setFile(null);
      startOver();
    } catch (e) {
      showCallError(new Error(callErrorText(t, e as Error)));
    } finally {
      setMode(null);
    }
  };

  /** What was decided about the last file is forgotten with it. */
  const startOver = () => {
    setSheets(undefined);
    setNewOrganisations([]);
    setResemblances([]);
    setPage(1);
    setOnly(undefined);
  };

  const chooseKind = (next: string) => {
    update({ type: next });
    startOver();
    setResult(null);
  };

  const downloadTemplate = async () => {
    setTemplateBusy(true);
    try {
      const template = await call('imports.template', { kind });
      if (await saveFile(template)) notifySaved(t('imports.templateSaved'));
    } catch (e) {
      showCallError(e as Error);
    } finally {
      setTemplateBusy(false);
    }
  };

  const choose = async (chosen: File | null) => {
    if (!chosen) return;
    setFileError(null);
    setResult(null);
    if (chosen.size === 0) return setFileError(t('errors.fileEmpty'));
    if (chosen.size > MAX_IMPORT_BYTES) return setFileError(t('errors.importFileTooLarge'));
    try {
      const { contentBase64 } = await readDocument(chosen);
      setFile({ id: Date.now(), name: chosen.name, size: chosen.size, contentBase64 });
      startOver();
    } catch {
      setFileError(t('errors.fileUnreadable'));
    }
  };

  const changeSheets = (next: ImportSheetChoice[]) => {
    setSheets(next);
    setPage(1);
  };

  const settle = (row: ImportRow, samePerson: boolean | null) => {
    const others = resemblances.filter((r) => r.sheet !== row.sheet || r.line !== row.line);
    setResemblances(
      samePerson === null ? others : [...others, { sheet: row.sheet, line: row.line, samePerson }],
    );
  };

  const ready =
    data && data.sheets.every((s) => !s.included || (!s.missingFields.length && !s.valueErrors.length));

  return (
    <Stack gap="md">
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />

      <Paper withBorder p="md" component="section" aria-labelledby="import-kind">
        <Stack gap="sm">
          <Title order={3} size="h4" id="import-kind">
            {t('imports.steps.kind')}
          </Title>
          <SegmentedControl
            value={kind}
            onChange={chooseKind}
            data={optionsOf(importKinds, (k) => t(`imports.kinds.${k}`))}
            aria-label={t('imports.steps.kind')}
            style={{ alignSelf: 'flex-start' }}
          />
          <Text size="sm">{t(`imports.kindHints.${kind}`)}</Text>
          <Group gap="sm" align="center" wrap="nowrap">
            <Button
              variant="light"
              leftSection={<IconDownload size={16} />}
              loading={templateBusy}
              onClick={() => void downloadTemplate()}
              style={{ flexShrink: 0 }}
            >
              {t('imports.template')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('imports.templateHint')}
            </Text>
          </Group>
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="import-file">
        <Stack gap="sm">
          <Title order={3} size="h4" id="import-file">
            {t('imports.steps.file')}
          </Title>
          <Group gap="sm">
            <FileButton onChange={(f) => void choose(f)} accept={ACCEPT}>
              {(props) => (
                <Button
                  {...props}
                  variant={file ? 'default' : 'filled'}
                  leftSection={<IconFileSpreadsheet size={16} />}
                >
                  {file ? t('imports.changeFile') : t('imports.chooseFile')}
                </Button>
              )}
            </FileButton>
            {file ? (
              <Text size="sm" fw={600} data-testid="import-file-name">
                {t('imports.fileChosen', { name: file.name, size: formatSize(file.size) })}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t('imports.fileHint')}
              </Text>
            )}
          </Group>
          {fileError && (
            <Alert color="red" icon={<IconAlertTriangle />}>
              {fileError}
            </Alert>
          )}
          {file && preview.error && (
            <Alert color="red" icon={<IconAlertTriangle />} title={t('common.error')} role="alert">
              {callErrorText(t, preview.error)}
            </Alert>
          )}
          {file && !data && preview.isFetching && (
            <Group gap="xs">
              <Loader size="sm" />
              <Text size="sm" c="dimmed">
                {t('imports.reading')}
              </Text>
            </Group>
          )}
        </Stack>
      </Paper>

      {data && !preview.error && <ColumnsCard kind={kind} preview={data} onChange={changeSheets} />}

      {data && !preview.error && ready && data.unknownOrganisations.length > 0 && (
        <NewOrganisationsCard
          key={file?.id}
          unknown={data.unknownOrganisations}
          confirmed={newOrganisations}
          onConfirm={(list) => {
            setNewOrganisations(list);
            setPage(1);
          }}
        />
      )}

      {data && !preview.error && ready && (
        <Paper withBorder p="md" component="section" aria-labelledby="import-check">
          <Stack gap="sm">
            <Group justify="space-between" align="center">
              <Title order={3} size="h4" id="import-check">
                {t('imports.steps.preview')}
              </Title>
              {preview.isFetching && <Loader size="xs" />}
            </Group>
            {data.counts.total === 0 ? (
              <Alert color="yellow" icon={<IconAlertTriangle />}>
                {t('imports.noRows')}
              </Alert>
            ) : (
              <>
                <Group gap="xs" data-testid="import-summary">
                  <Badge variant="light" color="gray" size="lg" tt="none">
                    {t('imports.summary.total', counted(data.counts.total))}
                  </Badge>
                  <Badge variant="light" color="teal" size="lg" tt="none">
                    {t('imports.summary.valid', counted(data.counts.valid))}
                  </Badge>
                  {data.counts.error > 0 && (
                    <Badge variant="light" color="red" size="lg" tt="none">
                      {t('imports.summary.errors', counted(data.counts.error))}
                    </Badge>
                  )}
                  {data.counts.duplicate > 0 && (
                    <Badge variant="light" color="orange" size="lg" tt="none">
                      {t('imports.summary.duplicates', counted(data.counts.duplicate))}
                    </Badge>
                  )}
                  {data.counts.ignored > 0 && (
                    <Badge variant="light" color="gray" size="lg" tt="none">
                      {t('imports.summary.ignored', counted(data.counts.ignored))}
                    </Badge>
                  )}
                  {data.warningCount > 0 && (
                    <Badge variant="light" color="yellow" size="lg" tt="none">
                      {t('imports.summary.warnings', counted(data.warningCount))}
                    </Badge>
                  )}
                </Group>
                <SheetSums preview={data} />
                <Group gap="sm" align="center">
                  <Text size="sm">{t('imports.filter.label')}</Text>
                  <SegmentedControl
                    size="xs"
                    value={only ?? 'all'}
                    onChange={(v) => {
                      setOnly(v === 'all' ? undefined : (v as Only));
                      setPage(1);
                    }}
                    data={[
                      { value: 'all', label: t('imports.filter.all') },
                      {
                        value: 'errors',
                        label: t('imports.filter.errors'),
                        disabled: data.counts.error === 0,
                      },
                      {
                        value: 'duplicates',
                        label: t('imports.filter.duplicates'),
                        disabled: data.counts.duplicate === 0,
                      },
                      {
                        value: 'ignored',
                        label: t('imports.filter.ignored'),
                        disabled: data.counts.ignored === 0,
                      },
                      {
                        value: 'warnings',
                        label: t('imports.filter.warnings'),
                        disabled: data.warningCount === 0,
                      },
                    ]}
                    aria-label={t('imports.filter.label')}
                  />
                </Group>
                <PreviewTable kind={kind} preview={data} resemblances={resemblances} onSettle={settle} />
                <ListFooter list={{ ...data, total: data.matching }} onPage={setPage} />
                <Group gap="sm" align="center" mt="xs">
                  <Button
                    onClick={() => void runImport('all')}
                    disabled={
                      data.counts.error > 0 ||
                      data.counts.valid === 0 ||
                      preview.isFetching ||
                      importing.pending
                    }
                    loading={mode === 'all'}
                  >
                    {t('imports.importAll')}
                  </Button>
                  {data.counts.error > 0 && data.counts.valid > 0 && (
                    <Button
                      variant="light"
                      onClick={() => void runImport('validOnly')}
                      disabled={preview.isFetching || importing.pending}
                      loading={mode === 'validOnly'}
                    >
                      {t('imports.importValid', counted(data.counts.valid))}
                    </Button>
                  )}
                  <Text size="xs" c="dimmed">
                    {[
                      data.counts.error > 0 ? t('imports.importAllHint') : '',
                      data.counts.duplicate + data.counts.ignored > 0 ? t('imports.duplicatesSkipped') : '',
                      importing.pending ? t('imports.importing') : '',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                  </Text>
                </Group>
              </>
            )}
          </Stack>
        </Paper>
      )}

      {result && <ResultCard result={result} onAgain={() => setResult(null)} />}
      <WorkProgress work={importing.work} label={t('progress.work.import')} />
    </Stack>
  );
}

/** Per sheet: the amounts to import as Parcours adds them up, and each typed total beside its lines. */
function SheetSums({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const sheets = preview.sheets.filter((s) => s.included && ((s.sum && s.sum.lines > 0) || s.totals.length));
  if (sheets.length === 0) return null;
  return (
    <Stack gap={4} data-testid="import-sums">
      {sheets.map((s) => (
        <div key={s.name}>
          <Text size="sm">
            {preview.sheets.length > 1 && <b>{t('imports.summary.sheet', { name: s.name })} · </b>}
            {s.sum &&
              s.sum.lines > 0 &&
              t('imports.summary.sum', { count: s.sum.lines, value: formatFcfa(s.sum.value) })}
          </Text>
          {s.totals.map((total) => (
            <Text
              key={total.line}
              size="sm"
              c={total.typed === total.sum ? 'teal' : 'orange'}
              fw={total.typed === total.sum ? undefined : 600}
            >
              {t(total.typed === total.sum ? 'imports.summary.totalAgrees' : 'imports.summary.totalDiffers', {
                line: total.line,
                lines: total.lines,
                typed: formatFcfa(total.typed),
                sum: formatFcfa(total.sum),
              })}
            </Text>
          ))}
        </div>
      ))}
    </Stack>
  );
}

function ResultCard({ result, onAgain }: { result: ImportResult; onAgain: () => void }) {
  const { t } = useTranslation();
  const list = listOf[result.kind];
  return (
    <Alert
      color="teal"
      icon={<IconCircleCheck />}
      title={t('imports.result.title')}
      data-testid="import-result"
      role="status"
    >
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t(`imports.result.created.${result.kind}`, counted(result.created))}
        </Text>
        {result.sheets.length > 1 &&
          result.sheets.map((s) => (
            <Text key={s.name} size="sm">
              {t('imports.result.bySheet', { name: s.name, created: s.created, total: s.counts.total })}
            </Text>
          ))}
        {result.organisationsCreated > 0 && (
          <Text size="sm">{t('imports.result.organisations', counted(result.organisationsCreated))}</Text>
        )}
        {result.walkIns > 0 && <Text size="sm">{t('imports.result.walkIns', counted(result.walkIns))}</Text>}
        {result.skippedDuplicates > 0 && (
          <Text size="sm">{t('imports.result.duplicates', counted(result.skippedDuplicates))}</Text>
        )}
        {result.skippedIgnored > 0 && (
          <Text size="sm">{t('imports.result.ignored', counted(result.skippedIgnored))}</Text>
        )}
        {result.skippedErrors > 0 && (
          <Text size="sm">{t('imports.result.errors', counted(result.skippedErrors))}</Text>
        )}
        {result.skipped.length > 0 && (
          <details>
            <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-sm)' }}>
              {t('imports.result.skipped')}
            </summary>
            <Stack gap={0} mt={4}>
              {result.skipped.map((s) => (
                <Text key={`${s.sheet}:${s.line}`} size="xs">
                  {t('imports.result.skippedLine', {
                    sheet: s.sheet,
                    line: s.line,
                    status: t(`imports.table.${s.status}`),
                  })}
                </Text>
              ))}
            </Stack>
          </details>
        )}
        <Group gap="sm" mt="xs">
          {list && result.kind !== 'attendance' && (
            <Button component={Link} to={list} size="xs">
              {t(`imports.result.see.${result.kind}`)}
            </Button>
          )}
          {result.sessions.map((s) => (
            <Button key={s.id} component={Link} to={`/sessions/${s.id}`} size="xs" variant="light">
              {t('imports.result.session', { title: s.title })}
            </Button>
          ))}
          <Button size="xs" variant="default" onClick={onAgain}>
            {t('imports.result.again')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
