import { AppShell, Burger, Group, Image, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBooks,
  IconArrowsExchange,
  IconGitMerge,
  IconDatabase,
  IconBuildingCommunity,
  IconCalendarEvent,
  IconClipboardCheck,
  IconGenderBigender,
  IconLayoutDashboard,
  IconTargetArrow,
  IconFileCertificate,
  IconReportAnalytics,
  IconFileImport,
  IconGavel,
  IconListCheck,
  IconRoute,
  IconUsers,
  IconHistory,
  IconUserShield,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import type { Method } from '../../src-main/core/methods';
import { useCall } from '../api/hooks';
import { useMe } from '../auth/session';
import { UserMenu } from '../auth/UserMenu';
import logo from '../../resources/icon.svg';

// Below this width (75em, 1200 px) the navigation folds behind a burger, so that wide tables keep
// the page's width (at 1024 × 768 the 240 px navbar cut the participants table's last column).
const NAV_BREAKPOINT = 'lg';

export function Shell() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const me = useMe();
  const [navOpened, nav] = useDisclosure();
  const items: { to: string; label: string; icon: typeof IconUsers; method?: Method }[] = [
    { to: '/', label: t('nav.dashboard'), icon: IconLayoutDashboard },
    { to: '/organisations', label: t('nav.organisations'), icon: IconBuildingCommunity },
    { to: '/parcours', label: t('nav.pathways'), icon: IconRoute },
    { to: '/sessions', label: t('nav.sessions'), icon: IconCalendarEvent },
    { to: '/participants', label: t('nav.participants'), icon: IconUsers },
    { to: '/modules', label: t('nav.modules'), icon: IconBooks },
    { to: '/suivis', label: t('nav.followUps'), icon: IconClipboardCheck },
    { to: '/indicateurs', label: t('nav.indicators'), icon: IconTargetArrow },
    { to: '/genre', label: t('nav.gender'), icon: IconGenderBigender },
    { to: '/rapports', label: t('nav.reports'), icon: IconReportAnalytics },
    { to: '/selection', label: t('nav.selection'), icon: IconGavel },
    { to: '/conventions', label: t('nav.agreements'), icon: IconFileCertificate },
    { to: '/grille-diagnostic', label: t('nav.framework'), icon: IconListCheck },
    { to: '/sauvegardes', label: t('nav.backups'), icon: IconDatabase, method: 'backups.list' },
    { to: '/synchronisation', label: t('sync.nav'), icon: IconArrowsExchange, method: 'sync.exportFile' },
    {
      to: '/synchronisation/conflits',
      label: t('sync.conflictsPage.nav'),
      icon: IconGitMerge,
      method: 'sync.conflicts',
    },
    { to: '/import', label: t('nav.imports'), icon: IconFileImport, method: 'imports.run' },
    { to: '/utilisateurs', label: t('auth.users.nav'), icon: IconUserShield, method: 'users.list' },
    { to: '/journal', label: t('audit.nav'), icon: IconHistory, method: 'audit.list' },
  ];
  // Pages whose very purpose the role may not use are not offered (the core refuses them anyway).
  const shown = items.filter((item) => !item.method || me.methods.includes(item.method));
  // The page's own entry: the longest address the location falls under (« Conflits » within « Synchronisation »).
  const current = shown
    .map((item) => item.to)
    .filter((to) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`)))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: NAV_BREAKPOINT, collapsed: { mobile: !navOpened } }}
      padding={{ base: 'md', lg: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="lg" justify="space-between">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom={NAV_BREAKPOINT}
              size="sm"
              aria-label={t('app.navigation')}
              aria-expanded={navOpened}
            />
            <Image src={logo} w={32} h={32} alt="" />
            <Stack gap={0}>
              <Title order={1} size="h4" lh={1.1}>
                {t('app.name')}
              </Title>
              <Text size="xs" c="dimmed">
                {t('app.programme')}
              </Text>
            </Stack>
          </Group>
          <Group gap="lg" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('app.navigation')}>
        {shown.map(({ to, label, icon: Icon }) => (
          <NavLink
            key={to}
            component={Link}
            to={to}
            label={label}
            leftSection={<Icon size={18} stroke={1.6} />}
            active={to === current}
            onClick={nav.close}
            variant="light"
            style={{ borderRadius: 8 }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Outlet />
        {/* The desktop app shows these in its About dialog (menu « Aide »). */}
        {!window.parcours && <VersionFooter />}
      </AppShell.Main>
    </AppShell>
  );
}

/** A migration's tag (`0011_list_indexes`) starts with its index: the schema's plain number is the next. */
const schemaNumber = (tag: string) => Number.parseInt(tag, 10) + 1;

/** Web mode's page footer: the version of Parcours and the schema of its data. */
function VersionFooter() {
  const { t } = useTranslation();
  const about = useCall('system.about', {});
  if (!about.data) return null;
  return (
    <Text component="footer" size="xs" c="dimmed" ta="right" mt="xl" data-testid="version-footer">
      {t('app.version', {
        version: about.data.appVersion,
        schema: about.data.schemaVersion ? schemaNumber(about.data.schemaVersion) : t('common.none'),
      })}
    </Text>
  );
}
