import { Badge, Button, Paper, Stack, Tabs } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ListFollowUpsInput } from '../../src-main/contract';
import { useSearchState } from '../components/useSearchState';
import { useCall } from '../api/hooks';
import { ListFooter } from '../components/ListFooter';
import { QueryState } from '../components/QueryState';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { FollowUpTable } from './FollowUpTable';
import { slugOf, viewOfSlug, views, type View } from './labels';
import { SettingsModal } from './SettingsModal';
import { PageHeader } from '../components/PageHeader';
import { FilterSelect, ListToolbar } from '../components/ListToolbar';
import { RegionFilter } from '../organisations/OrganisationFilters';

const PAGE_SIZE = 25;

/** The trainers' list of follow-ups: what is due, overdue, planned, done or cancelled. */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const { params, update, setPage } = useSearchState();
  const [settingsOpened, settings] = useDisclosure();
  const view = viewOfSlug(params.get('vue'));
  const input: ListFollowUpsInput = {
    view,
    trainerName: params.get('formateur') ?? undefined,
    organisationId: params.get('organisation') ?? undefined,
    region: params.get('region') ?? undefined,
    page: Number(params.get('page') ?? 1) || 1,
    pageSize: PAGE_SIZE,
  };
  const list = useCall('followUps.list', input);
  const filtered = Boolean(input.trainerName || input.organisationId || input.region);

  return (
    <Stack gap="md">
      <PageHeader title={t('nav.followUps')} subtitle={t('followups.subtitle')}>
        <Button variant="default" leftSection={<IconSettings size={16} />} onClick={settings.open}>
          {t('followups.settings.button')}
        </Button>
      </PageHeader>

      <ListToolbar
        filtered={filtered}
        onClear={() => update({ formateur: null, organisation: null, region: null })}
      >
        <FilterSelect
          label={t('followups.trainer')}
          searchable
          data={list.data?.trainers ?? []}
          value={input.trainerName ?? null}
          onChange={(v) => update({ formateur: v })}
          style={{ flex: 1, minWidth: 200 }}
        />
        <OrganisationSelect
          label={t('followups.organisation')}
          placeholder={t('followups.organisationPlaceholder')}
          nothingFoundMessage={t('followups.nothingFound')}
          clearable
          value={input.organisationId ?? null}
          onChange={(v) => update({ organisation: v })}
          style={{ flex: 2, minWidth: 240 }}
        />
        <RegionFilter
          label={t('followups.region')}
          value={input.region ?? null}
          onChange={(v) => update({ region: v })}
          w={180}
        />
      </ListToolbar>

      <Tabs
        value={view}
        onChange={(v) => update({ vue: v === 'due' ? null : slugOf(v as View) })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('followups.viewsLabel')}>
          {views.map((v) => (
            <Tabs.Tab key={v.view} value={v.view} color={v.color} c={v.color}>
              {t(`followups.views.${v.view}`)}
              {v.view === view && list.data && !list.isPlaceholderData && (
                <Badge size="sm" variant="light" color={v.color ?? 'gray'} ml={6}>
                  {list.data.total}
                </Badge>
              )}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>

      <QueryState query={list}>
        {(data) => (
          <Paper withBorder p="md">
            <FollowUpTable items={data.items} />
            <ListFooter list={data} onPage={setPage} />
          </Paper>
        )}
      </QueryState>
      {settingsOpened && <SettingsModal onClose={settings.close} />}
    </Stack>
  );
}
