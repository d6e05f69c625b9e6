import type { Shape } from './shape';
import type fr from './fr.sync';

// English texts of the synchronisation between headquarters and the field laptops.
const sync: Shape<typeof fr> = {
  nav: 'Synchronisation',
  title: 'Synchronisation',
  subtitle: 'Exchange the records between headquarters and the field laptops, by file',
  thisInstallation: 'This installation',
  roles: { headquarters: 'Headquarters (the programme’s reference)', field: 'Field laptop' },
  changes_one: '{{count}} change recorded on this installation',
  changes_other: '{{count}} changes recorded on this installation',
  conflicts_one: '{{count}} conflict to decide',
  conflicts_other: '{{count}} conflicts to decide',
  noConflict: 'No conflict',
  quarantined_one: '{{count}} change in quarantine',
  quarantined_other: '{{count}} changes in quarantine',
  laptops: 'Enrolled field laptops',
  noLaptop: 'No field laptop enrolled.',
  fields: {
    label: 'Laptop name',
    account: 'Account',
    enrolledAt: 'Enrolled on',
    lastReceived: 'Last file received',
    lastSent: 'Last file written',
  },
  batchNumber: 'no. {{number}}',
  never: 'None',
  writeFor: 'Write the file for this laptop',
  enrol: 'Enrol a field laptop',
  enrolHint:
    'The enrolment file holds the laptop’s data: give it to the trainer, and read them the code separately (never in the same message).',
  labelPlaceholder: 'Gao laptop',
  accountPlaceholder: 'Choose the trainer’s account',
  enrolled: 'Laptop enrolled: enrolment file saved.',
  codeTitle: 'Enrolment code',
  codeHint: 'Read this code to the trainer: it will not be shown again.',
  exportMine: 'Export my changes',
  exported: 'Synchronisation file saved.',
  importFile: 'Import a .parcours-sync file',
  importing: 'Reading the file…',
  received: 'File applied',
  saveReply: 'Save the answer for this laptop',
  replyHint: 'Send this file back to the laptop: it brings what it lacks and confirms receipt.',
  gaps: 'Missing files',
};

export default sync;
