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
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  importKinds,
  MAX_IMPORT_BYTES,
  type ImportKind,
  type ImportMapping,
  type ImportResult,
} from '../../src-main/contract';
import { call } from '../api/client';
import { readDocument } from '../components/documents';
import { notifySaved, showCallError } from '../components/forms';
import { ListFooter } from '../components/ListFooter';
import { saveFile } from '../components/saveFile';
import { useSearchState } from '../components/useSearchState';
import { formatNumber, formatSize } from '../format';
import { ColumnsCard } from './ColumnsCard';
import { callErrorText } from './messages';
import { PreviewTable } from './PreviewTable';

const PAGE_SIZE = 50;
const ACCEPT = '.xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ChosenFile {
  /** Tells two choices of the same file apart, so the preview is read again. */
  id: number;
  name: string;
  size: number;
  contentBase64: string;
}

type Only = 'errors' | 'duplicates' | undefined;

/** `count` picks the plural, `value` shows it with French thousands separators. */
const counted = (count: number) => ({ count, value: formatNumber(count) });

const listOf: Partial<Record<ImportKind, string>> = {
  organisations: '/organisations',
  agreements: '/conventions',
  participants: '/participants',
};

export function ImportPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  // The kind lives in the address, so another page can link to "import participants".
  const { params, update } = useSearchState();
  const kind = importKinds.find((k) => k === params.get('type')) ?? 'organisations';
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | undefined>(undefined);
  const [only, setOnly] = useState<Only>(undefined);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [templateBusy, setTemplateBusy] = useState(false);

  const preview = useQuery({
    // The file's bytes are not part of the key: its id stands for them.
    queryKey: ['imports.preview', kind, file?.id, mapping, only, page],
    queryFn: () =>
      call('imports.preview', {
        kind,
        file: { name: file!.name, contentBase64: file!.contentBase64 },
        mapping,
        only,
        page,
        pageSize: PAGE_SIZE,
      }),
    enabled: file !== null,
    placeholderData: keepPreviousData,
    gcTime: 0,
  });
  const data = file ? preview.data : undefined;

  const run = useMutation({
    mutationFn: (mode: 'all' | 'validOnly') =>
      call('imports.run', {
        kind,
        file: { name: file!.name, contentBase64: file!.contentBase64 },
        mapping: data!.mapping,
        mode,
      }),
    onSuccess: (value) => {
      setResult(value);
      setFile(null);
      setMapping(undefined);
      void client.invalidateQueries();
    },
    onError: (e: Error) => showCallError(new Error(callErrorText(t, e))),
  });

  const chooseKind = (next: string) => {
    update({ type: next });
    setMapping(undefined);
    setPage(1);
    setOnly(undefined);
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
      setMapping(undefined);
      setPage(1);
      setOnly(undefined);
    } catch {
      setFileError(t('errors.fileUnreadable'));
    }
  };

  const changeMapping = (next: ImportMapping) => {
    setMapping(next);
    setPage(1);
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('imports.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('imports.subtitle')}
        </Text>
      </div>

      <Paper withBorder p="md" component="section" aria-labelledby="import-kind">
        <Stack gap="sm">
          <Title order={3} size="h4" id="import-kind">
            {t('imports.steps.kind')}
          </Title>
          <SegmentedControl
            value={kind}
            onChange={chooseKind}
            data={importKinds.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
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

      {data && !preview.error && <ColumnsCard kind={kind} preview={data} onChange={changeMapping} />}

      {data && !preview.error && data.missingFields.length === 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="import-check">
          <Stack gap="sm">
            <Group justify="space-between" align="center">
              <Title order={3} size="h4" id="import-check">
                {t('imports.steps.preview')}
              </Title>
              {preview.isFetching && <Loader size="xs" />}
            </Group>
            {data.total === 0 ? (
              <Alert color="yellow" icon={<IconAlertTriangle />}>
                {t('imports.noRows')}
              </Alert>
            ) : (
              <>
                <Group gap="xs" data-testid="import-summary">
                  <Badge variant="light" color="gray" size="lg" tt="none">
                    {t('imports.summary.total', counted(data.total))}
                  </Badge>
                  <Badge variant="light" color="teal" size="lg" tt="none">
                    {t('imports.summary.valid', counted(data.validCount))}
                  </Badge>
                  {data.errorCount > 0 && (
                    <Badge variant="light" color="red" size="lg" tt="none">
                      {t('imports.summary.errors', counted(data.errorCount))}
                    </Badge>
                  )}
                  {data.duplicateCount > 0 && (
                    <Badge variant="light" color="orange" size="lg" tt="none">
                      {t('imports.summary.duplicates', counted(data.duplicateCount))}
                    </Badge>
                  )}
                </Group>
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
                      { value: 'errors', label: t('imports.filter.errors'), disabled: data.errorCount === 0 },
                      {
                        value: 'duplicates',
                        label: t('imports.filter.duplicates'),
                        disabled: data.duplicateCount === 0,
                      },
                    ]}
                    aria-label={t('imports.filter.label')}
                  />
                </Group>
                <PreviewTable kind={kind} preview={data} />
                <ListFooter
                  total={data.matching}
                  page={data.page}
                  pageSize={data.pageSize}
                  onPage={setPage}
                />
                <Group gap="sm" align="center" mt="xs">
                  <Button
                    onClick={() => run.mutate('all')}
                    disabled={data.errorCount > 0 || data.validCount === 0 || preview.isFetching}
                    loading={run.isPending && run.variables === 'all'}
                  >
                    {t('imports.importAll')}
                  </Button>
                  {data.errorCount > 0 && data.validCount > 0 && (
                    <Button
                      variant="light"
                      onClick={() => run.mutate('validOnly')}
                      disabled={preview.isFetching}
                      loading={run.isPending && run.variables === 'validOnly'}
                    >
                      {t('imports.importValid', counted(data.validCount))}
                    </Button>
                  )}
                  <Text size="xs" c="dimmed">
                    {[
                      data.errorCount > 0 ? t('imports.importAllHint') : '',
                      data.duplicateCount > 0 ? t('imports.duplicatesSkipped') : '',
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
        {result.walkIns > 0 && <Text size="sm">{t('imports.result.walkIns', counted(result.walkIns))}</Text>}
        {result.skippedDuplicates > 0 && (
          <Text size="sm">{t('imports.result.duplicates', counted(result.skippedDuplicates))}</Text>
        )}
        {result.skippedErrors > 0 && (
          <Text size="sm">{t('imports.result.errors', counted(result.skippedErrors))}</Text>
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
