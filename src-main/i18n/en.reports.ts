import type { Shape } from './shape';
import type fr from './fr.reports';

const reports: Shape<typeof fr> = {
  unresolvedConflicts_one:
    'Provisional figures: {{count}} synchronisation conflict not yet decided touches this report’s data (Synchronisation › Conflicts).',
  unresolvedConflicts_other:
    'Provisional figures: {{count}} synchronisation conflicts not yet decided touch this report’s data (Synchronisation › Conflicts).',
  title: 'Reports',
  subtitle: 'Committee reports, as PDF for reading and printing, as XLSX for the data',
  kind: 'Report',
  kinds: {
    quarterly: 'Quarterly operational report',
    results: 'Annual results report',
    gender: 'Gender report',
    selection: 'Selection file',
    minutes: 'Selection committee minutes',
    organisation: 'Organisation profile',
    attendance: 'Attendance sheet',
  },
  noData: 'No data.',
  year: 'Year',
  quarter: 'Quarter',
  round: 'Selection committee',
  chooseRound: 'Choose a committee',
  organisation: 'Organisation',
  chooseOrganisation: 'Search an organisation',
  chooseRecord: 'Choose above what the report is about.',
  elsewhere: 'A session’s attendance sheet is exported from the session’s page.',
  preview: 'Preview: the same figures as the PDF and the XLSX file.',
  export: { pdf: 'Export as PDF', xlsx: 'Export as XLSX' },
  exportMenu: 'Export',
  exportNamed: '{{label}} ({{format}})',
  saved: '{{name}} saved',
};

export default reports;
