import { Button, Group } from '@mantine/core';
import { IconChevronLeft, IconPrinter } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { attendanceSheets, EMPTY_ROWS, signatureColumns, type Session } from '../../src-main/contract';
import { useCall } from '../api/hooks';
import { QueryState } from '../components/QueryState';
import { formatDate } from '../format';
import { placeOf, weekdayOf } from './labels';
import './sheet.css';

type Day = Session['days'][number];

/** The attendance sheet people sign, printed from the session's register, outside the app's frame. */
export function AttendanceSheetPage() {
  const { id = '' } = useParams();
  const query = useCall('sessions.get', { id });
  return <QueryState query={query}>{(s) => <AttendanceSheet session={s} />}</QueryState>;
}

function AttendanceSheet({ session: s }: { session: Session }) {
  const { t } = useTranslation();
  const sheets = attendanceSheets(s.days);
  return (
    <div className="sheet">
      <Group className="no-print" justify="space-between" mb="md">
        <Button
          component={Link}
          to={`/sessions/${s.id}`}
          variant="default"
          leftSection={<IconChevronLeft size={16} />}
        >
          {t('sessions.sheet.back')}
        </Button>
        <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
          {t('sessions.sheet.print')}
        </Button>
      </Group>
      {(sheets.length ? sheets : [[]]).map((days, i) => (
        <section key={i} className="sheet-page">
          <SheetHeader
            session={s}
            part={sheets.length > 1 ? { n: i + 1, count: sheets.length } : undefined}
          />
          <SheetTable session={s} days={days} />
          <div className="sheet-trainers">{t('sessions.sheet.trainersSignature')}</div>
        </section>
      ))}
    </div>
  );
}

function SheetHeader({ session: s, part }: { session: Session; part?: { n: number; count: number } }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const place = placeOf(s);
  const first = s.days[0]?.date;
  const last = s.days[s.days.length - 1]?.date;
  const dates = !first
    ? none
    : first === last
      ? formatDate(first)
      : t('sessions.list.range', { from: formatDate(first), to: formatDate(last) });
  const trainers = s.trainers.map((tr) => tr.name).join(', ') || none;
  const line = (label: string, value: string) => (
    <p>
      <strong>{t('sessions.sheet.label', { label })}</strong> {value}
    </p>
  );
  return (
    <header className="sheet-header">
      <div className="sheet-heading">
        <p className="sheet-programme">{t('app.programme')}</p>
        <h1>{t('sessions.sheet.title')}</h1>
        {part && <p className="sheet-part">{t('sessions.sheet.part', part)}</p>}
      </div>
      <div className="sheet-info">
        {line(t('sessions.sheet.session'), s.title)}
        {s.pathway && line(t('sessions.fields.organisation'), s.pathway.organisationName)}
        {line(t('sessions.sheet.module'), s.moduleTitle ?? none)}
        {line(t('sessions.sheet.place'), place || none)}
        {line(t('sessions.sheet.dates'), dates)}
        {line(t('sessions.sheet.trainers'), trainers)}
      </div>
    </header>
  );
}

function SheetTable({ session: s, days }: { session: Session; days: Day[] }) {
  const { t } = useTranslation();
  const signatures = days.flatMap((d) => (d.halfDay ? [`${d.id}`] : [`${d.id}-am`, `${d.id}-pm`]));
  const blank = Array.from({ length: EMPTY_ROWS }, (_, i) => s.participants.length + i + 1);
  return (
    <table className="sheet-table" data-testid="attendance-sheet">
      <thead>
        <tr>
          <th rowSpan={2} className="col-number">
            {t('sessions.sheet.number')}
          </th>
          <th rowSpan={2} className="col-name">
            {t('sessions.sheet.name')}
          </th>
          <th rowSpan={2}>{t('sessions.sheet.organisation')}</th>
          <th rowSpan={2}>{t('sessions.sheet.position')}</th>
          <th rowSpan={2} className="col-sex">
            {t('sessions.sheet.sex')}
          </th>
          <th rowSpan={2} className="col-phone">
            {t('sessions.sheet.phone')}
          </th>
          {days.map((d) => (
            <th
              key={d.id}
              colSpan={signatureColumns(d)}
              className="col-day"
              data-testid={`sheet-day-${d.date}`}
            >
              {weekdayOf(d.date)} {formatDate(d.date)}
            </th>
          ))}
        </tr>
        <tr>
          {days.map((d) =>
            d.halfDay ? (
              <th key={d.id} className="col-signature">
                {t('sessions.sheet.signature')}
              </th>
            ) : (
              <Fragment key={d.id}>
                <th className="col-signature">{t('sessions.sheet.morning')}</th>
                <th className="col-signature">{t('sessions.sheet.afternoon')}</th>
              </Fragment>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {s.participants.map((p, i) => (
          <tr key={p.id}>
            <td className="col-number">{i + 1}</td>
            <td className="col-name">
              <span className="sheet-last-name">{p.lastName}</span> {p.firstName}
            </td>
            <td>{p.organisationAcronym ?? p.organisationName}</td>
            <td>{p.position ?? ''}</td>
            <td className="col-sex">{t(`sessions.sexShort.${p.sex}`)}</td>
            <td className="col-phone">{p.phone ?? ''}</td>
            {signatures.map((c) => (
              <td key={c} />
            ))}
          </tr>
        ))}
        {blank.map((n) => (
          <tr key={n}>
            <td className="col-number">{n}</td>
            <td />
            <td />
            <td />
            <td />
            <td />
            {signatures.map((c) => (
              <td key={c} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
