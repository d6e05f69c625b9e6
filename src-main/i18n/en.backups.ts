import type { Shape } from './shape';
import type fr from './fr.backups';

const backups: Shape<typeof fr> = {
  title: 'Backups',
  subtitle:
    'Verified copies of all the programme’s data, documents included. Parcours makes them automatically at start, every 6 hours and on closing.',
  backupNow: 'Back up now',
  export: 'Export a backup',
  restoreFile: 'Restore a backup',
  created: 'Backup made and verified',
  exported: 'Backup exported: keep the file on a USB key, away from the computer.',
  carryTitle: 'A copy away from the computer',
  carryText:
    'A computer can be stolen, break down or burn: regularly export a backup (.parcours file) to a USB key and keep it somewhere else. It can be restored on any computer where Parcours is installed.',
  folder: 'Backups folder: {{folder}}',
  lastAutomatic: 'Last automatic backup: {{date}}',
  noAutomatic: 'No automatic backup yet.',
  empty: 'No backup yet.',
  fields: {
    date: 'Date',
    kind: 'Kind',
    size: 'Size',
    version: 'Version',
    status: 'Status',
  },
  kind: {
    automatic: 'Automatic',
    manual: 'Manual',
    before_restore: 'Before restore',
    before_upgrade: 'Before upgrade',
  },
  status: {
    verified: 'Verified',
    damaged: 'Damaged',
  },
  damagedHint: 'Its content no longer matches the verified copy: it cannot be restored.',
  restore: 'Restore',
  restoreOne: 'Restore the backup of {{date}}',
  checking: 'Checking the backup…',
  tooLarge:
    'This file is {{size}}: Parcours restores backups of at most {{max}}. Ask for help to restore this file.',
  refusedTitle: 'This backup was not restored',
  confirmTitle: 'Restore this backup?',
  contains: 'What the backup holds',
  madeOn: 'Made on',
  appVersion: 'Parcours version',
  schemaVersion: 'Data version',
  counts: {
    organisations: 'Organisations',
    participants: 'Participants',
    sessions: 'Sessions',
    documents: 'Documents',
  },
  upgraded: 'This backup comes from an earlier version of Parcours: its data will be upgraded.',
  replaceWarning:
    'All current data will be replaced by this backup’s. It is first kept in a “before restore” backup, which you can restore in turn.',
  confirm: 'Replace the data',
  restored: 'Data restored: backup of {{date}}',
  unknownVersion: 'unknown',
};

export default backups;
