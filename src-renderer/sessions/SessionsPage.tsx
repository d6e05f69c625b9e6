import { Stack, Tabs } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarMonth, IconList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchState } from '../components/useSearchState';
import { monthOf } from './labels';
import { SessionCalendar } from './SessionCalendar';
import { SessionList } from './SessionList';
import { SessionModal } from './SessionModal';
import { PageHeader } from '../components/PageHeader';
import { NewButton } from '../components/NewButton';

/** The sessions, as a month calendar or as a list; the view and month live in the address. */
export function SessionsPage() {
  const { t } = useTranslation();
  const { params, update, setPage } = useSearchState();
  const [creating, modal] = useDisclosure();
  const view = params.get('vue') === 'liste' ? 'list' : 'calendar';
  const monthParam = params.get('mois');
  const month = monthParam && /^\d{4}-\d{2}$/.test(monthParam) ? monthParam : monthOf();

  return (
    <Stack gap="md">
      <PageHeader title={t('sessions.title')} subtitle={t('sessions.subtitle')}>
        <NewButton onClick={modal.open}>{t('sessions.new')}</NewButton>
      </PageHeader>
      <Tabs value={view} onChange={(v) => update({ vue: v === 'list' ? 'liste' : null })}>
        <Tabs.List>
          <Tabs.Tab value="calendar" leftSection={<IconCalendarMonth size={16} />}>
            {t('sessions.tabs.calendar')}
          </Tabs.Tab>
          <Tabs.Tab value="list" leftSection={<IconList size={16} />}>
            {t('sessions.tabs.list')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="calendar" pt="md">
          {view === 'calendar' && <SessionCalendar month={month} onMonth={(m) => update({ mois: m })} />}
        </Tabs.Panel>
        <Tabs.Panel value="list" pt="md">
          {view === 'list' && (
            <SessionList
              search={params.get('q') ?? ''}
              page={Number(params.get('page') ?? 1) || 1}
              onSearch={(q) => update({ q, page: null })}
              onPage={setPage}
            />
          )}
        </Tabs.Panel>
      </Tabs>
      {creating && <SessionModal opened onClose={modal.close} />}
    </Stack>
  );
}
