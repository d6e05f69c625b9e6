import { byId, documentContent } from '../../contract';
import { method, read } from '../method';
import * as documents from './service';

export const documentsMethods = {
  'documents.get': method({
    input: byId,
    output: documentContent,
    permission: read,
    handler: (ctx, { id }) => documents.getDocument(ctx, id),
  }),
};
