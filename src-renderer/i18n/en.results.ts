import type { Shape } from './en';
import type fr from './fr.results';

const results: Shape<typeof fr> = {
  title: 'Results',
};

export default results;
