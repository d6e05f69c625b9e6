// The shared schemas and types of every domain (pure zod and TypeScript: no Node, no Electron).
// The methods themselves (schemas, permission and handler side by side) are declared by each
// domain in core/<domain>/methods.ts and assembled in core/methods.ts.
export * from './common';
export * from './envelope';
export * from './money';
export * from './dates';
export * from './documents';
export * from './organisations';
export * from './agreements';
export * from './diagnostics';
export * from './selection';
export * from './participants';
export * from './modules';
export * from './pathways';
export * from './sessions';
export * from './notions';
export * from './followups';
export * from './indicators';
export * from './reports';
export * from './reportFormat';
export * from './reportCharts';
export * from './attendanceSheet';
export * from './demo';
export * from './backups';
export * from './imports';
export * from './auth';
export * from './users';
export * from './audit';
export * from './system';
export * from './sync';
