import type { Shape } from './en';
import type fr from './fr.diagnostics';

const diagnostics: Shape<typeof fr> = {
  title: 'Diagnostics',
};

export default diagnostics;
