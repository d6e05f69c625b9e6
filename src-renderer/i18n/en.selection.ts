import type { Shape } from './en';
import type fr from './fr.selection';

const selection: Shape<typeof fr> = {
  title: 'Selection',
};

export default selection;
