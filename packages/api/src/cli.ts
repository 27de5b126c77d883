import { parseArgs } from 'node:util';
import { hashPassword } from './auth/password';
import { USER_ROLES, type UserRole } from './auth/roles';
import { revokeUserSessions } from './auth/session.service';
import { openRuntime } from './bootstrap';
import { silentLogger } from './logging/logger';
import { findUserByEmail, insertUser, normalizeEmail, updateUser } from './users/users.repository';

const USAGE = `Usage:
  pnpm cli user create --email <email> --name <name> --role <role> [--role <role>...] [--locale nl|en]
  pnpm cli user set-password --email <email>
  pnpm cli user roles --email <email> --role <role> [--role <role>...]
  pnpm cli user list

The password is read from stdin (typed, hidden, on a terminal; or piped: echo pw | pnpm cli ...).
Roles: ${USER_ROLES.join(', ')}`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function readPassword(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let text = '';
    for await (const chunk of stdin) text += chunk;
    return text.replace(/\r?\n$/, '');
  }
  process.stderr.write('Password: ');
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  return new Promise((resolve) => {
    let value = '';
    const onData = (key: string) => {
      for (const ch of key) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') process.exit(130);
        if (ch === '\u007f') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}

function parseRoles(values: string[] | undefined): UserRole[] {
  if (!values || values.length === 0) fail('Give at least one --role.');
  for (const role of values) {
    if (!(USER_ROLES as readonly string[]).includes(role)) fail(`Unknown role: ${role}`);
  }
  return [...new Set(values as UserRole[])];
}

async function main() {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [group, command] = positionals;
  if (values.help || group !== 'user' || !command) fail(values.help ? '' : 'Unknown command.');

  // Check the arguments before opening the database: a typo should not wait for PGlite.
  if (!['create', 'set-password', 'roles', 'list'].includes(command)) {
    fail(`Unknown command: user ${command}`);
  }
  if (command !== 'list' && !values.email) fail('--email is required.');
  if (command === 'create' && !values.name) fail('--name is required.');
  const roles = command === 'create' || command === 'roles' ? parseRoles(values.role) : [];
  const locale = values.locale ?? 'nl';
  if (locale !== 'nl' && locale !== 'en') fail('--locale must be nl or en.');

  const { deps, database } = await openRuntime({ migrate: true, logger: silentLogger() });
  const { db } = deps;
  try {
    if (command === 'create') {
      if (!values.email || !values.name) fail('--email and --name are required.');
      if (await findUserByEmail(db, values.email)) fail(`A user ${values.email} exists already.`);
      const password = await readPassword();
      if (password.length < 12) fail('The password needs at least 12 characters.');
      const user = await insertUser(db, {
        email: normalizeEmail(values.email),
        name: values.name,
        roles,
        locale,
        password_hash: await hashPassword(password),
      });
      process.stdout.write(`Created ${user.email} (${user.roles.join(', ')}) with id ${user.id}\n`);
    } else if (command === 'set-password') {
      if (!values.email) fail('--email is required.');
      const user = await findUserByEmail(db, values.email);
      if (!user) fail(`No user ${values.email}.`);
      const password = await readPassword();
      if (password.length < 12) fail('The password needs at least 12 characters.');
      const now = new Date();
      await updateUser(db, user.id, { password_hash: await hashPassword(password) }, now);
      await revokeUserSessions(db, user.id, now);
      process.stdout.write(`Password of ${user.email} changed; its sessions were ended.\n`);
    } else if (command === 'roles') {
      if (!values.email) fail('--email is required.');
      const user = await findUserByEmail(db, values.email);
      if (!user) fail(`No user ${values.email}.`);
      const now = new Date();
      await updateUser(db, user.id, { roles }, now);
      await revokeUserSessions(db, user.id, now);
      process.stdout.write(`${user.email} now has roles: ${roles.join(', ')}\n`);
    } else if (command === 'list') {
      const users = await db
        .selectFrom('users')
        .select(['email', 'name', 'roles'])
        .orderBy('email')
        .execute();
      for (const u of users)
        process.stdout.write(
          `${(u.email ?? '-').padEnd(32)} ${u.roles.join(',').padEnd(20)} ${u.name}\n`,
        );
    } else {
      fail(`Unknown command: user ${command}`);
    }
  } finally {
    await database.close();
  }
}

await main();
