import { parseArgs } from 'node:util';
import { email as emailSchema, password as passwordSchema } from '@samhandling/contracts';
import { anonymous, createUser, loadConfig, passwordProblem, prepareDatabase, translate } from '@samhandling/server';
import type { Command } from '../main.ts';

const help = `Usage: samhandling users create --email E --password P [--admin] [--name N]

--email E       the account's e-mail address (required)
--password P    at least 10 characters, not a common leaked password, not holding the
                e-mail address or "samhandling" (required)
--admin         make the account a platform admin
--name N        display name (default: the part of the address before @)`;

export const usersCommand: Command = {
  name: 'users',
  summary: 'Manage user accounts (users create …)',
  help,
  async run(args) {
    const [sub, ...rest] = args;
    if (sub !== 'create') {
      console.error(help);
      return 2;
    }
    const { values } = parseArgs({
      args: rest,
      options: { email: { type: 'string' }, password: { type: 'string' }, admin: { type: 'boolean' }, name: { type: 'string' } },
      strict: true,
    });
    const problems: string[] = [];
    const email = emailSchema.safeParse(values.email ?? '');
    if (!email.success) problems.push('--email: a valid e-mail address is required');
    if (!passwordSchema.safeParse(values.password ?? '').success) problems.push('--password: at least 10 characters are required');
    else if (email.success) {
      const problem = passwordProblem(values.password!, email.data);
      if (problem) problems.push(`--password: ${translate('en', problem)}`);
    }
    if (problems.length || !email.success) {
      console.error(problems.join('\n'));
      return 2;
    }
    const { handle, deps } = await prepareDatabase(loadConfig());
    try {
      const user = await createUser(deps, { actor: anonymous, requestId: null }, {
        email: email.data,
        name: values.name?.trim() || email.data.split('@')[0]!,
        password: values.password!,
        isAdmin: values.admin ?? false,
      });
      console.log(`Created ${user.isAdmin ? 'admin ' : ''}user ${user.email} (${user.id}).`);
      return 0;
    } catch (error) {
      if ((error as { code?: string }).code === 'conflict') {
        console.error(`An account with ${email.data} already exists.`);
        return 1;
      }
      throw error;
    } finally {
      await handle.close();
    }
  },
};
