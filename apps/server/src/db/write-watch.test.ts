import { describe, expect, it } from 'vitest';
import { WriteWatch } from './write-watch.ts';

const counts = (statement: string) => {
  const watch = new WriteWatch({ signIn: ['users', 'sessions'], spaces: ['spaces', 'memberships'] });
  watch.noteQuery(statement);
  return watch.generation('signIn') > 0;
};

describe('the write watch of the embedded database', () => {
  it('counts writes that name a watched table', () => {
    expect(counts('update "users" set "name" = $1 where "id" = $2')).toBe(true);
    expect(counts('UPDATE sessions SET revoked_at = now()')).toBe(true);
    expect(counts('insert into "sessions" ("token_hash") values ($1) returning "id"')).toBe(true);
    expect(counts('with gone as (delete from "sessions" where "user_id" = $1 returning 1) select count(*) from gone')).toBe(true);
  });

  it('counts every delete, truncate, schema change and rollback, whatever it names (cascades, undone writes)', () => {
    expect(counts('delete from "spaces" where "id" = $1')).toBe(true);
    expect(counts('truncate organisations cascade')).toBe(true);
    expect(counts('alter table "users" add column "x" text')).toBe(true);
    expect(counts('drop table "things"')).toBe(true);
    expect(counts('rollback')).toBe(true);
  });

  it('leaves reads, transaction control and writes to other tables alone', () => {
    expect(counts('select "sessions"."id" from "sessions" inner join "users" on "users"."id" = "sessions"."user_id"')).toBe(false);
    expect(counts('  (select 1)')).toBe(false);
    expect(counts('with x as (select 1) select * from x')).toBe(false);
    expect(counts('begin')).toBe(false);
    expect(counts('commit')).toBe(false);
    expect(counts('insert into "audit_log" ("actor_id", "user_agent") values ($1, $2)')).toBe(false);
    expect(counts('update "spaces" set "name" = $1')).toBe(false);
  });

  it('counts an insert or update only for the group of the table it names', () => {
    const watch = new WriteWatch({ signIn: ['users', 'sessions'], spaces: ['spaces', 'memberships'] });
    watch.noteQuery('insert into "memberships" ("space_id", "user_id") values ($1, $2)');
    expect([watch.generation('signIn'), watch.generation('spaces')]).toEqual([0, 1]);
    watch.noteQuery('delete from "events" where "id" = $1');
    expect([watch.generation('signIn'), watch.generation('spaces')]).toEqual([1, 2]);
  });
});
