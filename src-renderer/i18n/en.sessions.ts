import type { Shape } from './en';
import type fr from './fr.sessions';

const sessions: Shape<typeof fr> = {
  title: 'Training-action sessions',
};

export default sessions;
