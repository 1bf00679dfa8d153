import { ROLES, roleSchema } from '../../lib/schema/api';
import { chooseDb, DB_ENV } from '../db/db-target';
import { openDatabase } from '../db/open-database';
import { orgSlugProblem } from '../store/orgs';
import { createAccessToken, listTokens, revokeToken, revokeUserTokens } from '../store/tokens';
import { emailProblem, normaliseEmail } from '../store/users';
import { CommandFailed, DEFAULTS, UsageError, type CliIo } from './cli-io';
import type { Command } from './command';
import { parseOptions } from './parse-options';

export const tokenCommand: Command = {
  name: 'token',
  summary: 'create, revoke or list access tokens',
  usage: `Usage:
  quiver token create --user <email> --role ${ROLES.join('|')} [--org ${DEFAULTS.org}] [--db ${DEFAULTS.db}]
  quiver token revoke <token or token id> [--db …]
  quiver token revoke --user <email> [--org ${DEFAULTS.org}] [--db …]
  quiver token list [--org <slug>] [--db …]

create   creates the org and the user if needed (the role given becomes the user's role) and
         prints a new access token. It is shown this once: only its hash is stored.
revoke   revokes one token, or every token of a user; requests with it then get 401.
list     lists tokens by id, user, role and state; never the tokens themselves.

--db is a SQLite database file or a postgres:// URL (${DB_ENV} sets it when not given).`,
  async run(args: string[], io: CliIo) {
    const [sub, ...rest] = args;
    if (sub === undefined || sub === '--help' || sub === '-h') {
      io.out(this.usage);
      return sub === undefined ? 2 : 0;
    }
    const { values, positionals } = parseOptions(rest, {
      user: { type: 'string' },
      role: { type: 'string' },
      org: { type: 'string' },
      db: { type: 'string' },
    });
    if (values.help) {
      io.out(this.usage);
      return 0;
    }
    const run = { create, revoke, list }[sub as 'create' | 'revoke' | 'list'];
    if (!run) throw new UsageError(`unknown token command "${sub}"; use create, revoke or list`);
    return run(values, positionals, io);
  },
};

interface TokenOptions {
  user?: string | undefined;
  role?: string | undefined;
  org?: string | undefined;
  db?: string | undefined;
}

async function create(values: TokenOptions, positionals: string[], io: CliIo): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (!values.user) throw new UsageError('--user <email> is required');
  if (!values.role) throw new UsageError(`--role is required: one of ${ROLES.join(', ')}`);
  const role = roleSchema.safeParse(values.role);
  if (!role.success) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, not "${values.role}"`);
  const emailIssue = emailProblem(normaliseEmail(values.user));
  if (emailIssue) throw new UsageError(`--user ${emailIssue}`);
  const orgSlug = values.org ?? DEFAULTS.org;
  const orgIssue = orgSlugProblem(orgSlug);
  if (orgIssue) throw new UsageError(`--org ${orgIssue}`);

  const db = await openDatabase(chooseDb(values.db, DEFAULTS.db));
  try {
    const created = await createAccessToken(db, { orgSlug, email: values.user, role: role.data });
    if (created.createdOrg) io.err(`Created org "${created.orgSlug}".`);
    if (created.createdUser) io.err(`Created user ${created.email} (${created.role}) in org "${created.orgSlug}".`);
    if (created.previousRole) io.err(`Changed ${created.email}'s role from ${created.previousRole} to ${created.role}.`);
    io.err(`New access token for ${created.email} (${created.role}, org "${created.orgSlug}"), id ${created.tokenId}.`);
    io.err('It is shown only this once; store it now:');
    io.out(created.token);
    return 0;
  } finally {
    await db.destroy();
  }
}

async function revoke(values: TokenOptions, positionals: string[], io: CliIo): Promise<number> {
  const [token, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (token && values.user) throw new UsageError('give either a token or --user, not both');
  if (!token && !values.user) throw new UsageError('name the token (or its id) to revoke, or --user <email>');
  const db = await openDatabase(chooseDb(values.db, DEFAULTS.db));
  try {
    if (token) {
      if (!(await revokeToken(db, token))) throw new CommandFailed('no live token with that id; nothing revoked');
      io.out('Revoked 1 token.');
      return 0;
    }
    const orgSlug = values.org ?? DEFAULTS.org;
    const count = await revokeUserTokens(db, orgSlug, values.user!);
    if (count === 0) throw new CommandFailed(`${values.user} has no live tokens in org "${orgSlug}"; nothing revoked`);
    io.out(`Revoked ${count} token(s) of ${values.user} in org "${orgSlug}".`);
    return 0;
  } finally {
    await db.destroy();
  }
}

async function list(values: TokenOptions, positionals: string[], io: CliIo): Promise<number> {
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const db = await openDatabase(chooseDb(values.db, DEFAULTS.db));
  try {
    const tokens = await listTokens(db, values.org);
    if (tokens.length === 0) io.err('No tokens.');
    for (const t of tokens) {
      const state = t.revokedAt ? `revoked ${t.revokedAt}` : 'live';
      io.out(`${t.tokenId}  ${t.orgSlug}  ${t.email}  ${t.role}  created ${t.createdAt}  ${state}`);
    }
    return 0;
  } finally {
    await db.destroy();
  }
}
