// Loads the `samhandling` command from its TypeScript sources. Compiling some 700 modules through
// tsx on every start costs about 3 s of CPU (a server start, a CLI command, each worker process), so
// the sources are bundled once per version of them with esbuild (already installed with tsx) into one
// plain-JS file under node_modules/.cache, and later starts load that file in a fraction of the time.
// npm packages stay outside the bundle, loaded from node_modules as before. If the bundle cannot be
// made, the sources run through tsx as they always did.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const ENTRY = path.join(root, 'apps', 'cli', 'src', 'main.ts');
/** Our sources that end up in the bundle (the workspace packages the CLI imports). */
const SOURCE_DIRS = ['apps/cli/src', 'apps/server/src', 'packages/contracts/src', 'packages/engine/src'].map((dir) => path.join(root, dir));
const PACKAGE_FILES = ['apps/cli', 'apps/server', 'packages/contracts', 'packages/engine'].map((dir) =>
  path.join(root, dir, 'package.json'),
);
const CACHE_DIR = path.join(root, 'node_modules', '.cache', 'samhandling-cli');

function sourceFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') files.push(...sourceFiles(full));
    } else if (!/\.test\.tsx?$/.test(entry.name)) files.push(full);
  }
  return files;
}

/** A hash of everything that decides the bundle: our sources, the workspace manifests, this file, esbuild. */
function bundleKey(esbuildVersion) {
  const hash = createHash('sha256')
    .update(root)
    .update('\0')
    .update(esbuildVersion)
    .update('\0')
    .update(readFileSync(import.meta.filename));
  for (const file of [...SOURCE_DIRS.flatMap(sourceFiles).sort(), ...PACKAGE_FILES]) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 20);
}

/**
 * Each module keeps its own `import.meta.url`, written in as the source file's address: the server
 * finds its data files, the web build and its worker threads' entry files relative to its sources.
 */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.(ts|mts)$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/** npm packages load from node_modules at run time; only our workspace packages are bundled. */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@samhandling/') ? undefined : { path: args.path, external: true },
    );
  },
};

async function bundledCli() {
  const require = createRequire(import.meta.url);
  // Its version from its manifest: loading esbuild itself costs a start 0.1 s, and only a build needs it.
  const file = path.join(CACHE_DIR, `cli-${bundleKey(require('esbuild/package.json').version)}.mjs`);
  if (!existsSync(file)) {
    const esbuild = require('esbuild');
    mkdirSync(CACHE_DIR, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    try {
      await esbuild.build({
        entryPoints: [ENTRY],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        outfile: partial,
        sourcemap: 'inline',
        sourcesContent: false,
        logLevel: 'silent',
        plugins: [externalPackages, keepModuleUrls],
      });
      renameSync(partial, file);
    } finally {
      rmSync(partial, { force: true });
    }
    // Bundles of earlier versions of the sources are of no further use.
    for (const name of readdirSync(CACHE_DIR))
      if (name.startsWith('cli-') && path.join(CACHE_DIR, name) !== file && !name.endsWith('.tmp'))
        rmSync(path.join(CACHE_DIR, name), { force: true });
  }
  // Errors' stack traces name the TypeScript sources' files and lines.
  process.setSourceMapsEnabled(true);
  return import(pathToFileURL(file).href);
}

/** The CLI's module (`main`), bundled if possible, else through tsx. */
export async function loadCli() {
  if (process.env.SAMHANDLING_NO_BUNDLE !== 'true') {
    try {
      return await bundledCli();
    } catch (error) {
      if (process.env.LOG_LEVEL === 'debug') console.error('samhandling: running through tsx, the bundle failed:', error);
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(ENTRY).href);
}
