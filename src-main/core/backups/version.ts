import pkg from '../../../package.json';

/** This version of Parcours, written into every backup and archive. */
export const APP_VERSION: string = pkg.version;
