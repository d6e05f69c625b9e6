import type { Shape } from './shape';
import type fr from './fr.modules';

const modules: Shape<typeof fr> = {
  title: 'Training modules',
  subtitle: 'The library of modules used in the training actions, with their materials',
  new: 'New module',
  editTitle: 'Edit module',
  editOne: 'Edit the module “{{title}}”',
  details: 'Details of the module “{{title}}”',
  searchPlaceholder: 'Search a module, a theme, a target group…',
  emptyTitle: 'No modules yet',
  emptyText: 'Add the programme’s training modules and their learning materials.',
  noMatch: 'No module matches this search.',
  created: 'Module saved',
  updated: 'Module updated',
  hours: '{{value}} h',
  themePlaceholder: 'E.g. financial management',
  targetPublicPlaceholder: 'E.g. local councillors and staff',
  fields: {
    title: 'Title',
    theme: 'Theme',
    objectives: 'Learning objectives',
    durationHours: 'Duration (hours)',
    durationShort: 'Duration',
    targetPublic: 'Target group',
    sessions: 'Sessions',
    materials: 'Materials',
  },
  materials: {
    title: 'Learning materials',
    add: 'Add material',
    none: 'No material for this module.',
    download: 'Download',
    addedOn: 'added on {{date}}',
    maxSize: 'Any file type, 20 MB at most.',
    attached: 'Material added',
    removed: 'Material removed',
    removeOne: 'Remove {{name}}',
    removeTitle: 'Remove this material?',
    removeText: '“{{name}}” will no longer come with this module.',
  },
};

export default modules;
