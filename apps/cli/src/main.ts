import { analyseCommand } from './commands/analyse.ts';
import { backupCommand } from './commands/backup.ts';
import { importCommand } from './commands/import.ts';
import { migrateCommand } from './commands/migrate.ts';
import { restoreCommand } from './commands/restore.ts';
import { seedCommand } from './commands/seed.ts';
import { serveCommand } from './commands/serve.ts';
import { usersCommand } from './commands/users.ts';

export interface Command {
  name: string;
  summary: string;
  help: string;
  run(args: string[]): Promise<number>;
}

const commands: Command[] = [serveCommand, migrateCommand, seedCommand, usersCommand, analyseCommand, importCommand, backupCommand, restoreCommand];

const overview = `Samhandling – a platform for multi-level, cross-sector collaboration in rural Sweden

Usage: samhandling <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Run "samhandling <command> --help" for a command's options.
Configuration comes from the environment (PORT, DATA_DIR, DATABASE_URL, …); see README.md.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(overview);
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${overview}`);
    return 2;
  }
  // `analyse` prints the engine's own, complete help.
  if ((rest.includes('--help') || rest.includes('-h')) && command !== analyseCommand) {
    console.log(command.help);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    const { ConfigError, DirectoryLockedError } = await import('@samhandling/server');
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    if (error instanceof DirectoryLockedError) {
      console.error(`samhandling: ${error.message}`);
      return 3;
    }
    if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (error as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      console.error(`samhandling ${name}: ${(error as Error).message}\n\n${command.help}`);
      return 2;
    }
    console.error(`samhandling ${name}: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}
