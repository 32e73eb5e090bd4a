import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application types.
export async function up(db: Kysely<any>): Promise<void> {
  // The dashboards' median days from an input's arrival to its first answer (issue 12 §3) read the
  // first status change out of `received` per input: a join over every status change, which PGlite
  // (no statistics until db/maintenance.ts runs ANALYZE) planned as one index lookup per input,
  // ≈ 0.6–1 s for 50,000 inputs. The first answer's time is now kept on the input itself, by a
  // trigger on the status changes (whoever writes them: the input service, the demo, imports), so
  // the median is one aggregate over `inputs`. It is the earliest change out of `received`, as the
  // query computed it, and it follows inserts, updates and deletes of the changes.
  await sql`alter table inputs add column first_answered_at timestamptz`.execute(db);
  await sql`
    update inputs i set first_answered_at = c.at
    from (select input_id, min(at) as at from input_status_changes where from_status = 'received' group by input_id) c
    where c.input_id = i.id`.execute(db);
  await sql`
    create function input_first_answer_of(target_input uuid) returns void language sql as $$
      update inputs set first_answered_at = (
        select min(at) from input_status_changes where input_id = target_input and from_status = 'received'
      ) where id = target_input $$`.execute(db);
  await sql`
    create function input_status_changes_first_answer() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'DELETE' then perform input_first_answer_of(new.input_id); end if;
      if tg_op <> 'INSERT' and (tg_op = 'DELETE' or old.input_id <> new.input_id) then perform input_first_answer_of(old.input_id); end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger input_status_changes_first_answer after insert or update or delete on input_status_changes
    for each row execute function input_status_changes_first_answer()`.execute(db);
  await sql`
    create index inputs_first_answer on inputs (space_id, municipality_code) include (created_at, first_answered_at)
    where first_answered_at is not null and hidden_at is null`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward; restore a backup to go back.');
}
