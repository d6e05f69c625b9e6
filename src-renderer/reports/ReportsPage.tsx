import { Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarYear, organisationTypes, type ReportRequest } from '../../src-main/contract';
import { useCall } from '../api/hooks';
import { DateField, whenDate } from '../components/DateField';
import { fieldError } from '../components/forms';
import { NumberField } from '../components/NumberField';
import { QueryState } from '../components/QueryState';
import { useSearchState } from '../components/useSearchState';
import { ExportButtons } from './ExportButtons';
import { ReportView } from './ReportView';
import { PageHeader } from '../components/PageHeader';
import { RegionFilter, OrganisationTypeFilter } from '../organisations/OrganisationFilters';
import { optionsOf } from '../components/options';

const kinds = ['quarterly', 'results', 'gender', 'selection', 'minutes', 'organisation'] as const;
type Kind = (typeof kinds)[number];

/** The request a page state describes, or null while a record is still to be chosen. */
function requestOf(params: URLSearchParams, today: Date): ReportRequest | null {
  const kind = (kinds as readonly string[]).includes(params.get('rapport') ?? '')
    ? (params.get('rapport') as Kind)
    : 'quarterly';
  const year = Number(params.get('annee')) || today.getFullYear();
  const filters = {
    region: params.get('region') || undefined,
    organisationType: organisationTypes.find((v) => v === params.get('type')),
  };
  switch (kind) {
    case 'quarterly':
      return {
        kind,
        year,
        quarter: Number(params.get('trimestre')) || Math.floor(today.getMonth() / 3) + 1,
        filters,
      };
    case 'results':
      return { kind, year };
    case 'gender':
      return {
        kind,
        from: params.get('du') || `${year}-01-01`,
        to: params.get('au') || `${year}-12-31`,
        filters,
      };
    case 'selection':
    case 'minutes':
      return params.get('comite') ? { kind, roundId: params.get('comite')! } : null;
    case 'organisation':
      return params.get('organisation') ? { kind, organisationId: params.get('organisation')! } : null;
  }
}

export function ReportsPage() {
  const { t } = useTranslation();
  const { params, update } = useSearchState();
  const request = requestOf(params, new Date());
  const kind = (request?.kind ?? params.get('rapport') ?? 'quarterly') as Kind;
  return (
    <Stack gap="md">
      <PageHeader title={t('reports.title')} subtitle={t('reports.subtitle')} />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Select
            label={t('reports.kind')}
            data={optionsOf(kinds, (k) => t(`reports.kinds.${k}`))}
            value={kind}
            onChange={(v) => update({ rapport: v })}
            allowDeselect={false}
            maw={420}
          />
          <Group align="flex-end" gap="sm">
            <Parameters kind={kind} params={params} update={update} request={request} />
          </Group>
          {kind !== 'organisation' && (
            <Text size="xs" c="dimmed">
              {t('reports.elsewhere')}
            </Text>
          )}
        </Stack>
      </Paper>
      {request ? (
        <>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('reports.preview')}
            </Text>
            <ExportButtons request={request} />
          </Group>
          <Preview request={request} />
        </>
      ) : (
        <Text c="dimmed">{t('reports.chooseRecord')}</Text>
      )}
    </Stack>
  );
}

function Preview({ request }: { request: ReportRequest }) {
  const report = useCall('reports.get', { request });
  return <QueryState query={report}>{(r) => <ReportView report={r} />}</QueryState>;
}

function Parameters({
  kind,
  params,
  update,
  request,
}: {
  kind: Kind;
  params: URLSearchParams;
  update: (changes: Record<string, string | null | undefined>) => void;
  request: ReportRequest | null;
}) {
  const { t } = useTranslation();
  const rounds = useCall('rounds.list', {});
  const search = params.get('recherche') ?? '';
  const organisations = useCall('organisations.list', { search, pageSize: 50 });
  const year = request && 'year' in request ? request.year : new Date().getFullYear();
  const [yearError, setYearError] = useState<string>();
  const yearField = (
    <NumberField
      label={t('reports.year')}
      value={year}
      min={2000}
      max={2100}
      error={yearError}
      onChange={(v) => {
        // The report follows a valid year; another stays typed, with what is wrong with it.
        const error = fieldError(calendarYear, v);
        setYearError(error);
        if (!error) update({ annee: String(v) });
      }}
      w={110}
    />
  );
  const filters = (
    <>
      <RegionFilter
        label={t('indicators.filters.region')}
        value={params.get('region')}
        onChange={(v) => update({ region: v })}
        w={170}
      />
      <OrganisationTypeFilter
        label={t('indicators.filters.type')}
        value={params.get('type')}
        onChange={(v) => update({ type: v })}
        w={240}
      />
    </>
  );
  switch (kind) {
    case 'quarterly':
      return (
        <>
          {yearField}
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('reports.quarter')}
            </Text>
            <SegmentedControl
              value={String(request && 'quarter' in request ? request.quarter : 1)}
              onChange={(v) => update({ trimestre: v })}
              data={['1', '2', '3', '4'].map((q) => ({ value: q, label: `T${q}` }))}
            />
          </div>
          {filters}
        </>
      );
    case 'results':
      return yearField;
    case 'gender':
      return (
        <>
          <DateField
            label={t('indicators.filters.from')}
            value={request && 'from' in request ? request.from : null}
            onChange={whenDate((v) => update({ du: v }))}
            w={150}
          />
          <DateField
            label={t('indicators.filters.to')}
            value={request && 'to' in request ? request.to : null}
            onChange={whenDate((v) => update({ au: v }))}
            w={150}
          />
          {filters}
        </>
      );
    case 'selection':
    case 'minutes':
      return (
        <Select
          label={t('reports.round')}
          placeholder={t('reports.chooseRound')}
          data={(rounds.data ?? []).map((r) => ({ value: r.id, label: r.title }))}
          value={params.get('comite')}
          onChange={(v) => update({ comite: v })}
          w={420}
          searchable
        />
      );
    case 'organisation':
      return (
        <Select
          label={t('reports.organisation')}
          placeholder={t('reports.chooseOrganisation')}
          searchable
          searchValue={search}
          onSearchChange={(v) => update({ recherche: v })}
          data={(organisations.data?.items ?? []).map((o) => ({
            value: o.id,
            label: o.acronym ? `${o.acronym} — ${o.name}` : o.name,
          }))}
          value={params.get('organisation')}
          onChange={(v) => update({ organisation: v })}
          filter={({ options }) => options}
          w={420}
        />
      );
  }
}
