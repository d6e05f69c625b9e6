import type { Shape } from './shape';
import type fr from './fr.demo';

const demo: Shape<typeof fr> = {
  welcomeTitle: 'Welcome',
  welcomeText:
    'The database is empty. You can start entering your programme, or first load a demonstration programme to discover every page and every report with realistic data.',
  contentsTitle: 'The demonstration programme holds:',
  contents: {
    organisations:
      'the organisations of the Koulikoro region named by the programme document (CNSC, CAFO, AOPP, Governorate, Regional Council, DRA, DRSV, DRPIA, chamber of agriculture…);',
    agreements:
      'the 18 operational partnership agreements of Kidal and Gao signed in 2023, as the review of partnerships lists them;',
    year: 'a year of programme: diagnostics, selection committee, pathways, sessions with attendance and evaluations, post-training follow-ups;',
    people: 'fictitious participants (more than 40 % women).',
  },
  removable: 'It is removed in one go, without touching the data you enter yourself.',
  load: 'Load the demonstration programme',
  startEmpty: 'Start with an empty database',
  emptyLine: 'The database is empty.',
  loadLater: 'Load the demonstration programme',
  loaded:
    'Demonstration programme loaded: {{organisations}} organisations, {{agreements}} agreements, {{participants}} participants, {{sessions}} sessions.',
  bannerTitle: 'Demonstration data',
  bannerText:
    'The organisations, people and figures shown come from the demonstration programme loaded on {{date}}.',
  remove: 'Remove the demonstration',
  removeTitle: 'Remove the demonstration?',
  removeText:
    'Only the demonstration data is removed ({{records}} records), with what you added to it since if it concerns only the demonstration. The data you entered yourself is kept. This cannot be undone.',
  removed_one: 'Demonstration removed: {{formatted}} record.',
  removed_other: 'Demonstration removed: {{formatted}} records.',
  addedSince_one: 'Including {{count}} record added since loading.',
  addedSince_other: 'Including {{count}} records added since loading.',
};

export default demo;
