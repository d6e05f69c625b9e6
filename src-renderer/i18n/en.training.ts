import type { Shape } from './en';
import type fr from './fr.training';

const training: Shape<typeof fr> = {
  title: 'Pathways and participants',
};

export default training;
