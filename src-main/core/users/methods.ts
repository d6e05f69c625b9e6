import {
  byId,
  createUserInput,
  listUsersInput,
  ok,
  resetPasswordInput,
  updateUserInput,
  user,
  userPage,
} from '../../contract';
import { admin, adminRead, method } from '../method';
import * as users from './service';

/** Managing accounts (administrators only); the methods that hash a password are asynchronous. */
export const usersMethods = {
  'users.list': method({
    input: listUsersInput,
    output: userPage,
    permission: adminRead,
    handler: users.listUsers,
  }),
  'users.create': method({
    input: createUserInput,
    output: user,
    permission: admin,
    async: true,
    handler: users.createUser,
  }),
  'users.update': method({
    input: updateUserInput,
    output: user,
    permission: admin,
    handler: users.updateUser,
  }),
  'users.resetPassword': method({
    input: resetPasswordInput,
    output: ok,
    permission: admin,
    async: true,
    handler: users.resetPassword,
  }),
  /** The account can no longer sign in; its sessions end. The last administrator stays. */
  'users.deactivate': method({
    input: byId,
    output: user,
    permission: admin,
    handler: (ctx, { id }) => users.setActive(ctx, id, false),
  }),
  'users.reactivate': method({
    input: byId,
    output: user,
    permission: admin,
    handler: (ctx, { id }) => users.setActive(ctx, id, true),
  }),
};
