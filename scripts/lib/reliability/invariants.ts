/**
 * What must hold in any Casefile database, whatever was thrown at the app: the rules the zod
 * schemas and the data-access layer enforce, checked in SQL over every row. Each query counts the
 * rows that break one rule; every count must be zero.
 */
import type postgres from "postgres";
import { type Check, check } from "./setup";

const RULES: Array<{ name: string; query: string }> = [
  {
    name: "every case has a name (1–200 characters, trimmed) and a two-letter detaining country",
    query: `select count(*) from cases where full_name = '' or full_name <> btrim(full_name) or char_length(full_name) > 200
            or detaining_country !~ '^[A-Z]{2}$' or (nationality is not null and nationality !~ '^[A-Z]{2}$')`,
  },
  {
    name: "case text within the form's limits",
    query: `select count(*) from cases where char_length(coalesce(summary, '')) > 10000
            or char_length(coalesce(allegations, '')) > 5000 or char_length(coalesce(facility, '')) > 300
            or char_length(coalesce(native_name, '')) > 200 or exists (select 1 from unnest(other_names) n where char_length(n) > 200)`,
  },
  {
    name: "version counters: each case's version is 1 + its audited updates",
    query: `select count(*) from cases k where k.version <> 1 + (select count(*) from audit_log a
            where a.entity = 'cases' and a.action = 'update' and a.entity_id = k.id::text)`,
  },
  {
    name: "every case opened through the app has its audit row",
    query: `select count(*) from cases k where k.created_by is not null and not exists
            (select 1 from audit_log a where a.entity = 'cases' and a.action = 'create' and a.entity_id = k.id::text)`,
  },
  {
    name: "every consular contact has its audit row",
    query: `select count(*) from consular_contacts c where not exists
            (select 1 from audit_log a where a.entity = 'consular_contacts' and a.action = 'create' and a.entity_id = c.id::text)`,
  },
  {
    name: "every status change has its audit row",
    query: `select count(*) from status_changes s where not exists
            (select 1 from audit_log a where a.entity = 'status_changes' and a.action = 'create' and a.entity_id = s.id::text)`,
  },
  {
    name: "every petition has its audit row and its first event",
    query: `select count(*) from petitions p where not exists
            (select 1 from audit_log a where a.entity = 'petitions' and a.action = 'create' and a.entity_id = p.id::text)
            or not exists (select 1 from petition_events e where e.petition_id = p.id)`,
  },
  {
    name: "every note and source has its audit row",
    query: `select (select count(*) from case_notes n where not exists
              (select 1 from audit_log a where a.entity = 'case_notes' and a.action = 'create' and a.entity_id = n.id::text))
          + (select count(*) from sources s where not exists
              (select 1 from audit_log a where a.entity = 'sources' and a.action = 'create' and a.entity_id = s.id::text))`,
  },
  {
    name: "each case's status follows its latest status change",
    query: `select count(*) from cases k where k.status is distinct from coalesce((select s.status from status_changes s
            where s.case_id = k.id and s.retracted_at is null
            order by s.occurred_on desc, s.recorded_at desc, s.id desc limit 1), 'detained')`,
  },
  {
    name: "each case's last contact follows its contacts",
    query: `select count(*) from cases k where k.last_contact_on is distinct from
            (select max(occurred_on) from consular_contacts c where c.case_id = k.id and c.retracted_at is null)`,
  },
  {
    name: "timeline text within limits, required text present, no future dates of events",
    query: `select (select count(*) from consular_contacts where char_length(coalesce(summary, '')) > 5000 or occurred_on > current_date + 1)
          + (select count(*) from status_changes where char_length(coalesce(note, '')) > 5000 or occurred_on > current_date + 1)
          + (select count(*) from case_notes where btrim(body) = '' or char_length(body) > 10000)
          + (select count(*) from petitions where btrim(petitioner) = '' or btrim(addressee) = '')
          + (select count(*) from sources where btrim(title) = '' or (url is not null and url !~ '^https?://'))`,
  },
  {
    name: "accounts have an email and a name",
    query: `select count(*) from accounts where email !~ '^[^@\\s]+@[^@\\s]+$' or btrim(name) = ''`,
  },
];

/** Runs every rule; one check per rule. */
export async function databaseInvariants(sql: postgres.Sql): Promise<Check[]> {
  const out: Check[] = [];
  for (const rule of RULES) {
    const [row] = await sql.unsafe<{ count: string }[]>(`select (${rule.query}) as count`);
    const n = Number(row?.count ?? -1);
    out.push(check(rule.name, n === 0, `${n} rows break it`));
  }
  return out;
}
