import {
  authStatus,
  changePasswordInput,
  me,
  none,
  ok,
  setupInput,
  signedIn,
  signInInput,
} from '../../contract';
import { method, read } from '../method';
import * as auth from './service';

// Passwords are hashed with scrypt, off the main thread: the methods that hash are asynchronous.
export const authMethods = {
  /** Public: whether the administrator must still be created, and who is signed in (if anyone). */
  'auth.status': method({
    input: none,
    output: authStatus,
    permission: { kind: 'read', who: 'public' },
    handler: (ctx) => auth.status(ctx),
  }),
  /** Public, only while no account exists: creates the administrator and signs them in. */
  'auth.setup': method({
    input: setupInput,
    output: signedIn,
    permission: { kind: 'write', who: 'public' },
    async: true,
    handler: auth.setup,
  }),
  /** Public. Repeated failures for a login make the next attempts wait longer and longer. */
  'auth.signIn': method({
    input: signInInput,
    output: signedIn,
    permission: { kind: 'write', who: 'public' },
    async: true,
    handler: auth.signIn,
  }),
  /** Ends the caller's own session (nothing to do without one). */
  'auth.signOut': method({
    input: none,
    output: ok,
    permission: { kind: 'write', who: 'public' },
    handler: (ctx) => auth.signOut(ctx),
  }),
  'auth.me': method({ input: none, output: me, permission: read, handler: (ctx) => auth.me(ctx) }),
  'auth.changePassword': method({
    input: changePasswordInput,
    output: ok,
    permission: { kind: 'write', who: 'signedIn' },
    async: true,
    handler: auth.changePassword,
  }),
};
