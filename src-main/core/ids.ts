import { v7 } from 'uuid';

/** UUIDv7: sortable by creation time, mergeable between installations. */
export const newId = (): string => v7();
