/**
 * One case with a long record, for measuring /cases/[ref] at its worst: about 500 timeline items
 * (status changes, contacts, petition events, notes) and sources attached to many of them. Added
 * with plain SQL to the bench database once; later runs find it by its notes ("Bench: …").
 */
import postgres from "postgres";

export const BIG_CASE_ITEMS = 500;
const MARK = "Bench: ";

export async function ensureBigCase(url: string): Promise<{ ref: string; items: number }> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const count = async (id: string) => {
      const [row] = await sql<{ n: number }[]>`
        select ((select count(*) from status_changes where case_id = ${id})
              + (select count(*) from consular_contacts where case_id = ${id})
              + (select count(*) from petition_events where case_id = ${id})
              + (select count(*) from case_notes where case_id = ${id}))::int as n`;
      return row?.n ?? 0;
    };
    const [marked] = await sql<{ id: string; ref: string }[]>`
      select c.id, c.ref from case_notes n join cases c on c.id = n.case_id where n.body like ${`${MARK}%`} limit 1`;
    if (marked) {
      const items = await count(marked.id);
      if (items >= BIG_CASE_ITEMS) return { ref: marked.ref, items };
    }

    const [kase] = await sql<{ id: string; ref: string; worker: string; start: string }[]>`
      select c.id, c.ref,
             coalesce((select a.account_id from case_assignments a where a.case_id = c.id limit 1),
                      (select id from accounts where role = 'coordinator' order by email limit 1)) as worker,
             greatest(coalesce(c.detained_on, current_date - 1000), current_date - 3000)::text as start
      from cases c
      where not c.restricted and c.is_open
      order by c.ref limit 1`;
    if (!kase) throw new Error("the bench database has no open, unrestricted case to give a long timeline");
    const need = Math.max(0, BIG_CASE_ITEMS - (await count(kase.id)));
    const contacts = Math.round(need * 0.4);
    const petitions = Math.round(need * 0.15);
    const notes = Math.max(1, need - contacts - petitions);

    await sql.begin(async (tx) => {
      // Dates spread evenly from the detention (at most ~8 years back) to yesterday.
      const spread = (n: number) =>
        tx`(${kase.start}::date + ((g::numeric / ${n + 1}) * (current_date - 1 - ${kase.start}::date))::int)`;
      await tx`
        insert into consular_contacts (case_id, kind, counterpart, occurred_on, occurred_precision, our_participants,
                                       their_participants, outcome, summary, detainee_condition, follow_up_on, recorded_by)
        select ${kase.id}, (array['visit','call','letter','diplomatic_note','meeting_officials','access_request'])[1 + g % 6]::contact_kind,
               (array['detainee','family','authorities','lawyer','authorities','authorities'])[1 + g % 6]::contact_counterpart,
               ${spread(contacts)}, 'day', 'Consul', case when g % 3 = 0 then 'Prison administration' end,
               (array['access_granted','held','pending','access_denied','held','no_answer'])[1 + g % 6]::contact_outcome,
               'Contact ' || g || ' of a long-running case: the summary a caseworker reads before the next call.',
               case when g % 6 = 0 then 'Stable; asked for letters from home.' end,
               case when g % 10 = 0 then ${spread(contacts)} + 14 end, ${kase.worker}
        from generate_series(1, ${contacts}) g`;
      await tx`
        insert into case_notes (case_id, occurred_on, occurred_precision, body, recorded_by)
        select ${kase.id}, ${spread(notes)}, 'day',
               ${MARK} || 'note ' || g || ': what the family said, what the lawyer saw, what to ask at the next meeting.',
               ${kase.worker}
        from generate_series(1, ${notes}) g`;
      await tx`
        with p as (
          insert into petitions (case_id, petitioner, addressee, asks, state, filed_on, filed_precision, answer_due, recorded_by)
          select ${kase.id}, 'Association of families of detainees', 'Ministry of Foreign Affairs', 'release', 'submitted',
                 ${spread(petitions)}, 'day', ${spread(petitions)} + 60, ${kase.worker}
          from generate_series(1, ${petitions}) g
          returning id, filed_on
        )
        insert into petition_events (petition_id, case_id, from_state, to_state, occurred_on, occurred_precision, note, recorded_by)
        select p.id, ${kase.id}, null, 'submitted', p.filed_on, 'day', 'Filed.', ${kase.worker} from p`;
      // Sources: one for every fifth contact, each attached to its contact.
      await tx`
        with c as (
          select id, occurred_on, row_number() over (order by occurred_on, id) as k
          from consular_contacts where case_id = ${kase.id}
        ), s as (
          insert into sources (id, case_id, kind, title, publisher, published_on, published_precision, url, recorded_by)
          select gen_random_uuid(), ${kase.id}, 'news_agency', 'Report on contact ' || c.k, 'Yonhap News Agency',
                 c.occurred_on, 'day', 'https://yonhap.example/' || c.k, ${kase.worker}
          from c where c.k % 5 = 0
          returning id, published_on
        )
        insert into source_links (source_id, case_id, contact_id, created_by)
        select s.id, ${kase.id}, c.id, ${kase.worker} from s join c on c.occurred_on = s.published_on and c.k % 5 = 0
        on conflict do nothing`;
      await tx`
        update cases set last_contact_on = (select max(occurred_on) from consular_contacts
                                            where case_id = ${kase.id} and retracted_at is null)
        where id = ${kase.id}`;
    });
    return { ref: kase.ref, items: await count(kase.id) };
  } finally {
    await sql.end();
  }
}
