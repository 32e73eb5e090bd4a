import type { Command } from '../main.ts';

export const analyseCommand: Command = {
  name: 'analyse',
  summary: 'Travel time from every origin to the nearest and second-nearest service (the accessibility engine)',
  // The engine prints its own full help; this command hands everything to it.
  help: 'Usage: samhandling analyse --help   (see packages/engine/README.md)',
  async run(args) {
    const { runAnalyseCli } = await import('@samhandling/engine/cli');
    return runAnalyseCli(args);
  },
};
