import { parseArgs } from 'node:util';
import { loadConfig, prepareDatabase, seedDemo } from '@samhandling/server';
import type { Command } from '../main.ts';

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Load the demo content into an empty database',
  help: `Usage: samhandling seed --demo [--password P]

--demo          load the four demo spaces, fictional demo users and localities
--password P    the demo users' password (default: generated and printed)

Does nothing when the database already has users or spaces.`,
  async run(args) {
    const { values } = parseArgs({ args, options: { demo: { type: 'boolean' }, password: { type: 'string' } }, strict: true });
    if (!values.demo) {
      console.error('Nothing to seed: pass --demo.');
      return 2;
    }
    const { handle, deps } = await prepareDatabase(loadConfig());
    try {
      const result = await seedDemo(deps, values.password ? { password: values.password } : {});
      if (!result.seeded) {
        console.log('The database is not empty; demo content was not loaded.');
        return 0;
      }
      console.log('Demo content loaded. Demo accounts (all fictional):');
      for (const c of result.credentials) console.log(`  ${c.email.padEnd(28)} ${c.password}${c.isAdmin ? '   (platform admin)' : ''}`);
      return 0;
    } finally {
      await handle.close();
    }
  },
};
