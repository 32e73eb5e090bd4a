import type { CoverageEntry } from '@samhandling/contracts';
import { sql, type RawBuilder } from 'kysely';
import type { Deps } from '../../../platform/deps.ts';

/**
 * Where coverage is counted: the spaces the caller may see, and (for a municipality or a county)
 * the municipalities. A source counts a thing when its space is among `spaceIds` and — with
 * municipalities — when the thing lies in one of them, or names none and its space works there.
 */
export interface CoverageScope {
  spaceIds: string[];
  /** Of those, the spaces whose members-only things the caller may see (a source with members-only rows filters by it). */
  memberSpaceIds: string[];
  municipalityCodes: string[] | null;
  now: Date;
}

/**
 * A coverage source: one function in the service of the module that owns the things (events,
 * inputs, measures, initiatives …), listed once in coverage.service.ts. See docs/adr/0015.
 */
export type CoverageSource = (deps: Deps, scope: CoverageScope) => Promise<CoverageEntry[]>;

/** The SQL condition a source's repository puts on its rows: `spaceColumn` and `municipalityColumn` are qualified column names. */
export function inCoverageScope(scope: CoverageScope, spaceColumn: string, municipalityColumn: string | null): RawBuilder<boolean> {
  const space = sql.ref(spaceColumn);
  const inSpaces = sql<boolean>`${space} = any(${scope.spaceIds}::uuid[])`;
  if (!scope.municipalityCodes) return inSpaces;
  const codes = scope.municipalityCodes;
  const spaceWorksThere = sql<boolean>`exists (select 1 from space_municipalities sm where sm.space_id = ${space} and sm.municipality_code = any(${codes}::text[]))`;
  if (!municipalityColumn) return sql<boolean>`(${inSpaces} and ${spaceWorksThere})`;
  const municipality = sql.ref(municipalityColumn);
  return sql<boolean>`(${inSpaces} and (${municipality} = any(${codes}::text[]) or (${municipality} is null and ${spaceWorksThere})))`;
}

/** Only rows tagged with at least one goal or target. */
export function tagged(goalsColumn: string | null, targetsColumn: string): RawBuilder<boolean> {
  return goalsColumn
    ? sql<boolean>`(cardinality(${sql.ref(goalsColumn)}) > 0 or cardinality(${sql.ref(targetsColumn)}) > 0)`
    : sql<boolean>`cardinality(${sql.ref(targetsColumn)}) > 0`;
}
