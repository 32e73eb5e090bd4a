// Entry for running the analyse command directly: npx tsx packages/engine/src/cli/run-analyse.ts --help
import { runAnalyseCli } from './analyse.ts';

process.exitCode = await runAnalyseCli(process.argv.slice(2));
