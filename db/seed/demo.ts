/**
 * Demo data: four accounts and the cases from the five stories in the domain brief (Baek Won-soon,
 * Jun Kyung-chul, the family of seven detained in 1999, the defector at the U.S. consulate in
 * Vladivostok). Facts (names, dates, places, organisations) come from the stories; the sentences
 * are ours. Everything goes in one transaction, with one "seed" audit row per inserted record.
 *
 * Runs from scripts (no 'server-only'): `seedDemo(makeDb(url))`.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import {
  type CaseStatus,
  type ContactCounterpart,
  type ContactKind,
  type ContactOutcome,
  type DatePrecision,
  isOpenStatus,
  type PetitionAsk,
  type Role,
  type SourceKind,
} from "@/lib/domain";
import { hashPassword } from "@/lib/password";
import { buildSearchText } from "@/lib/search";
import type { Db, Tx } from "../client";
import { writeAudit } from "../dal/audit";
import {
  accounts,
  caseAssignments,
  caseLinks,
  caseNotes,
  cases,
  consularContacts,
  type NewCase,
  petitionEvents,
  petitions,
  sourceLinks,
  sources,
  statusChanges,
} from "../schema";

export const DEMO_PASSWORD = "casefile-demo";

export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: "admin@example.org", name: "Hana Seo", role: "admin" },
  { email: "coordinator@example.org", name: "Daniel Moreau", role: "coordinator" },
  { email: "caseworker@example.org", name: "Min-ji Kang", role: "caseworker" },
  { email: "caseworker2@example.org", name: "Olga Petrenko", role: "caseworker" },
];

/* ----------------------------------------------------------------------------------------------
 * Shapes of the story data
 * -------------------------------------------------------------------------------------------- */

/** A date as the sources give it: the representative day, how precise it is, and whether it is approximate. */
interface When {
  on: string;
  precision: DatePrecision;
  approx: boolean;
}
/** Known to the day. */
const onDay = (on: string): When => ({ on, precision: "day", approx: false });
/** "Around" a date: `on` is the representative day ("early November" = the 5th, "late February" = the 25th). */
const around = (on: string, precision: DatePrecision): When => ({ on, precision, approx: true });

/** Case columns written from the story; status, dates derived from the timeline and search text are computed. */
type CaseFacts = Omit<
  NewCase,
  | "id"
  | "searchText"
  | "status"
  | "statusOn"
  | "isOpen"
  | "lastContactOn"
  | "createdBy"
  | "createdAt"
  | "updatedBy"
  | "updatedAt"
  | "version"
>;

/** Every timeline fact has a key, so that sources can say which facts they support. */
interface StatusFact {
  key: string;
  status: CaseStatus;
  when: When;
  deadlineOn?: string;
  place?: string;
  note: string;
}
interface ContactFact {
  key: string;
  kind: ContactKind;
  counterpart: ContactCounterpart;
  when: When;
  ourParticipants?: string;
  theirParticipants?: string;
  outcome: ContactOutcome;
  summary: string;
  followUpOn?: string;
}
interface PetitionFact {
  key: string;
  petitioner: string;
  addressee: string;
  asks: PetitionAsk;
  asksDetail: string;
  /** Filed and waiting: every demo petition is "submitted", with one event recording the filing. */
  filed: When;
}
interface NoteFact {
  key: string;
  when: When;
  body: string;
}
interface SourceFact {
  kind: SourceKind;
  title: string;
  publisher: string | null;
  published: { on: string; precision: DatePrecision; approx?: boolean } | null;
  note: string;
  /** Keys of the facts this source supports; "case" is the case record itself. */
  supports: readonly string[];
}
interface Story {
  facts: CaseFacts;
  /** Email of the caseworker assigned to the case, if any. */
  assignee: string | null;
  /** Email of the account recorded as having entered the timeline. */
  recorder: string;
  /** In chronological order: the last one is the case's current status. */
  statuses: readonly StatusFact[];
  contacts?: readonly ContactFact[];
  petitions?: readonly PetitionFact[];
  notes?: readonly NoteFact[];
  sources: readonly SourceFact[];
}

const CASEWORKER = "caseworker@example.org";
const CASEWORKER_2 = "caseworker2@example.org";
const COORDINATOR = "coordinator@example.org";

/* ----------------------------------------------------------------------------------------------
 * The stories
 * -------------------------------------------------------------------------------------------- */

const BAEK: Story = {
  assignee: CASEWORKER,
  recorder: CASEWORKER,
  facts: {
    ref: "DC-2024-0001",
    fullName: "Baek Won-soon",
    nativeName: "백원순",
    otherNames: ["Paek Won-soon", "Paik Won-sun", "Baek Wonsoon"],
    sex: "male",
    nationality: "KR",
    occupation: "Missionary",
    affiliation: "Global Love Rice Sharing Foundation",
    detainingCountry: "RU",
    facility: "Lefortovo pre-trial detention centre",
    facilityCity: "Moscow",
    detainedOn: "2024-01-15",
    detainedPrecision: "year",
    detainedApprox: true,
    allegations:
      "Espionage: accused of passing information classed as state secrets to foreign intelligence services. " +
      "Details undisclosed; espionage can carry up to 20 years in prison in Russia.",
    chargesClassified: true,
    riskLevel: "high",
    nextDeadline: "2024-06-15",
    nextDeadlineNote: "Court-ordered pre-trial detention runs until 15 June 2024: watch for a further extension.",
    restricted: false,
    summary:
      "South Korean missionary who helped North Korean defectors and delivered humanitarian aid. Arrested in " +
      "Vladivostok early in 2024, reportedly soon after crossing into Russia overland from China, then moved to " +
      "Lefortovo in Moscow. First South Korean known to be held in Russia on spying charges; the file is classified " +
      "top secret. His foundation denies the allegations.",
  },
  statuses: [
    {
      key: "detained",
      status: "detained",
      when: around("2024-01-15", "year"),
      place: "Vladivostok",
      note: "Arrested at the start of the year, by TASS's account citing Russian authorities; Yonhap says shortly after he entered Russia by land from China.",
    },
    {
      key: "lefortovo",
      status: "under_investigation",
      when: around("2024-02-25", "month"),
      place: "Lefortovo pre-trial detention centre, Moscow",
      note: "Moved to Moscow for investigation. The Russian foreign ministry says he has been held at Lefortovo since late February.",
    },
    {
      key: "extended",
      status: "detention_extended",
      when: around("2024-03-05", "month"),
      deadlineOn: "2024-06-15",
      place: "Moscow",
      note: "A Russian court extended his detention until 15 June; reported by TASS before 12 March. Case materials are sealed as top secret.",
    },
  ],
  contacts: [
    {
      key: "consular-support",
      kind: "access_request",
      counterpart: "authorities",
      when: around("2024-03-10", "month"),
      ourParticipants: "Consulate of the Republic of Korea",
      theirParticipants: "Russian authorities",
      outcome: "pending",
      summary:
        "The South Korean foreign ministry confirmed the consulate is supporting Baek and is in touch with the " +
        "Russian authorities about consular support. No further comment while the investigation is open.",
      followUpOn: "2024-04-01",
    },
    {
      key: "rudenko-meeting",
      kind: "meeting_officials",
      counterpart: "authorities",
      when: around("2024-03-15", "month"),
      ourParticipants: "Ambassador Lee Do-hoon",
      theirParticipants: "Deputy Foreign Minister Andrey Rudenko",
      outcome: "pending",
      summary:
        "Meeting held at the South Korean embassy's request. The ambassador asked Russia to cooperate in " +
        "protecting Baek's well-being and rights.",
    },
  ],
  notes: [
    {
      key: "zakharova",
      when: around("2024-03-20", "month"),
      body:
        "Russian foreign ministry spokeswoman Zakharova: Moscow is in close dialogue with Seoul and is considering " +
        "consular access for Baek. She would not discuss the allegations, citing confidentiality. This is Russia's " +
        "first official acknowledgement of the detention.",
    },
  ],
  petitions: [
    {
      key: "petition-mofa",
      petitioner: "Global Love Rice Sharing Foundation",
      addressee: "Ministry of Foreign Affairs of the Republic of Korea",
      asks: "release",
      asksDetail:
        "Asks the ministry to secure Baek's release. The foundation rejects the espionage accusation and describes him as an aid worker for vulnerable people, North Korean defectors among them.",
      filed: around("2024-03-20", "month"),
    },
    {
      key: "petition-ru-embassy",
      petitioner: "Global Love Rice Sharing Foundation",
      addressee: "Embassy of the Russian Federation in Seoul",
      asks: "release",
      asksDetail: "Asks Russia to free Baek, maintaining that he is innocent.",
      filed: around("2024-03-20", "month"),
    },
  ],
  sources: [
    {
      kind: "news_agency",
      title: "TASS: South Korean citizen arrested in Vladivostok on espionage charges",
      publisher: "TASS",
      published: { on: "2024-03-01", precision: "month" },
      note: "Cites Russian authorities and an unnamed law-enforcement source: arrest at the start of the year, transfer to Moscow, detention extended to 15 June, case classified top secret.",
      supports: ["case", "detained", "lefortovo", "extended"],
    },
    {
      kind: "news_agency",
      title: "Yonhap: detained missionary Baek; Russian foreign ministry comments",
      publisher: "Yonhap News Agency",
      published: { on: "2024-03-01", precision: "month" },
      note: "Korean service profile (missionary, entered from China by land); reports the spokeswoman's remarks, the ambassador's meeting and the foundation's petitions.",
      supports: [
        "case",
        "detained",
        "lefortovo",
        "rudenko-meeting",
        "zakharova",
        "petition-mofa",
        "petition-ru-embassy",
      ],
    },
    {
      kind: "ministry_statement",
      title: "Statement on a South Korean national detained in Russia",
      publisher: "Ministry of Foreign Affairs of the Republic of Korea",
      published: { on: "2024-03-01", precision: "month" },
      note: "Confirms the detention and consular support; declines further comment during the investigation.",
      supports: ["case", "consular-support"],
    },
  ],
};

const JUN: Story = {
  assignee: CASEWORKER_2,
  recorder: CASEWORKER_2,
  facts: {
    ref: "DC-2017-0001",
    fullName: "Jun Kyung-chul",
    nativeName: "전경철",
    otherNames: ["Jeon Kyong-chol", "Chon Gyong-chol"],
    sex: "male",
    ageYears: 29,
    ageAsOf: "2017-11-20",
    nationality: "KP",
    occupation: "Labourer at a North Korean work camp in the Russian Far East",
    affiliation: "Korean People's Army (former private)",
    detainingCountry: "RU",
    facilityCity: "Vladivostok",
    detainedOn: "2017-11-05",
    detainedPrecision: "month",
    detainedApprox: true,
    allegations: "Unverified: the charges at his trial in Vladivostok have not been confirmed.",
    riskLevel: "critical",
    restricted: false,
    summary:
      "Former private in the Korean People's Army sent to work in the Russian Far East about a year before. He was " +
      "planning to defect to South Korea with outside help when he vanished in early November 2017. Reportedly " +
      "detained at Pyongyang's request, tried, convicted and handed to North Korean officials at the border, all on " +
      "7 November. Feared sent to a political prison camp with his extended family.",
  },
  statuses: [
    {
      key: "detained",
      status: "detained",
      when: around("2017-11-05", "month"),
      place: "Russian Far East",
      note: "Disappeared in early November while preparing to defect. North Korea reportedly asked Russia to detain him.",
    },
    {
      key: "trial",
      status: "on_trial",
      when: onDay("2017-11-07"),
      place: "Vladivostok",
      note: "Put on trial in Vladivostok; the charges are not verified.",
    },
    {
      key: "convicted",
      status: "convicted",
      when: onDay("2017-11-07"),
      place: "Vladivostok",
      note: "Convicted the same day as the trial.",
    },
    {
      key: "repatriated",
      status: "repatriated",
      when: onDay("2017-11-07"),
      place: "Russia–North Korea border",
      note: "Handed to representatives of the North Korean government and taken across the border the same day: forced return.",
    },
  ],
  notes: [
    {
      key: "kato",
      when: around("2017-11-20", "day"),
      body:
        "Ken Kato (director, Japan branch of Human Rights in Asia) expects that Jun and his extended family have been " +
        "sent to a political prison camp, where survivors say many die in the first months. He also points out that " +
        "defectors used to be able to cross Russia to a third country.",
    },
  ],
  sources: [
    {
      kind: "newspaper",
      title: "Daily NK: North Korean worker arrested, tried and handed over in Vladivostok",
      publisher: "Daily NK",
      published: { on: "2017-11-01", precision: "month" },
      note: "Seoul-based news site; relies on an unnamed source for the detention request, the trial and the handover.",
      supports: ["case", "detained", "trial", "convicted", "repatriated"],
    },
    {
      kind: "newspaper",
      title: "Activists condemn Russia for handing over North Korean defector",
      publisher: null,
      published: { on: "2017-11-01", precision: "month" },
      note: "English-language press report relaying Daily NK and quoting Ken Kato; publisher not recorded.",
      supports: ["case", "kato"],
    },
  ],
};

/** Five men, one woman, one child; their names are not in the reports. */
const FAMILY_MEMBERS = [
  { label: "man", sex: "male" },
  { label: "man", sex: "male" },
  { label: "man", sex: "male" },
  { label: "man", sex: "male" },
  { label: "man", sex: "male" },
  { label: "woman", sex: "female" },
  { label: "child", sex: "unknown" },
] as const;

const FAMILY_SOURCES: readonly SourceFact[] = [
  {
    kind: "newspaper",
    title: "Seven NK defectors detained by Russian border guards",
    publisher: "Chosun Ilbo",
    published: { on: "1999-12-01", precision: "day" },
    note: "By Jung Kwon-hyeon, Seoul. Capture on 7 November; a Ministry of Foreign Affairs and Trade official says the Russian border police are investigating.",
    supports: ["case", "detained", "investigation"],
  },
  {
    kind: "newspaper",
    title: "Seoul urged to bring N.K. defectors detained in Russia to South Korea",
    publisher: null,
    published: { on: "1999-12-02", precision: "day" },
    note: "By Shin Yong-bae, Seoul. Civic groups' appeals, UNHCR interviews, reported repatriation talks between Russian and North Korean officials.",
    supports: ["case", "investigation", "unhcr-interview", "petition-seoul", "petition-yeltsin"],
  },
];

/** One of the seven. The first carries the UNHCR contact and the petitions, which concern the whole family. */
function familyStory(index: number): Story {
  const member = FAMILY_MEMBERS[index];
  if (!member) throw new Error(`no family member ${index}`);
  const first = index === 0;
  const supported = new Set([
    "case",
    "detained",
    "investigation",
    ...(first ? ["unhcr-interview", "petition-seoul", "petition-yeltsin"] : []),
  ]);
  return {
    assignee: null,
    recorder: COORDINATOR,
    facts: {
      ref: `DC-1999-${String(index + 1).padStart(4, "0")}`,
      fullName: `Unnamed family member ${index + 1} (${member.label})`,
      otherNames: [],
      sex: member.sex,
      nationality: "KP",
      occupation: null,
      detainingCountry: "RU",
      detainedOn: "1999-11-07",
      detainedPrecision: "day",
      detainedApprox: false,
      allegations: "Illegal border crossing into Russia",
      riskLevel: "high",
      restricted: false,
      summary:
        "One of a family of seven North Korean defectors (five men, one woman, one child) caught by Russian border " +
        "guards on 7 November 1999. They hope to settle in South Korea and fear execution if returned; Russian and " +
        "North Korean officials are reported to be negotiating their repatriation. UNHCR has interviewed them about " +
        "refugee status.",
    },
    statuses: [
      {
        key: "detained",
        status: "detained",
        when: onDay("1999-11-07"),
        place: "Russian side of the border with North Korea",
        note: "Caught by Russian border guards with the rest of the family after crossing the border illegally.",
      },
      {
        key: "investigation",
        status: "under_investigation",
        when: around("1999-12-01", "day"),
        note: "South Korea's foreign ministry reports that the Russian border police are investigating the case; repatriation talks with North Korea are reported.",
      },
    ],
    contacts: first
      ? [
          {
            key: "unhcr-interview",
            kind: "call",
            counterpart: "unhcr",
            when: around("1999-11-25", "month"),
            ourParticipants: "Ministry of Foreign Affairs and Trade officials",
            theirParticipants: "UNHCR officials",
            outcome: "pending",
            summary:
              "UNHCR staff have interviewed the seven to decide whether to recognise them as refugees. Ministry " +
              "officials expect no forced repatriation. Covers the whole family.",
          },
        ]
      : [],
    petitions: first
      ? [
          {
            key: "petition-seoul",
            petitioner: "Committee to Help North Korean Refugees (Lee Sang-jeen)",
            addressee: "Government of the Republic of Korea (Ministry of Foreign Affairs and Trade)",
            asks: "no_forced_repatriation",
            asksDetail:
              "Asks Seoul to block any repatriation to North Korea, where the family would face execution, and to bring " +
              "them to South Korea through close consultation with Russia. Covers the whole family.",
            filed: around("1999-12-01", "day"),
          },
          {
            key: "petition-yeltsin",
            petitioner: "Citizens' Alliance to Help Political Prisoners in North Korea",
            addressee: "Boris Yeltsin, President of the Russian Federation",
            asks: "no_forced_repatriation",
            asksDetail:
              "Letter asking that the defectors not be sent back to North Korea, and that Russia bear in mind they fled " +
              "in search of food. Covers the whole family.",
            filed: around("1999-11-15", "month"),
          },
        ]
      : [],
    sources: FAMILY_SOURCES.map((s) => ({ ...s, supports: s.supports.filter((k) => supported.has(k)) })),
  };
}

const CONSULATE_DEFECTOR: Story = {
  assignee: CASEWORKER,
  recorder: CASEWORKER,
  facts: {
    ref: "DC-2004-0001",
    fullName: "Unidentified North Korean defector (Vladivostok consulate)",
    otherNames: [],
    sex: "male",
    nationality: "KP",
    detainingCountry: "RU",
    facilityCity: "Vladivostok",
    detainedOn: "2004-10-29",
    detainedPrecision: "day",
    detainedApprox: false,
    riskLevel: "critical",
    restricted: true,
    summary:
      "North Korean who got onto the roof of the U.S. Consulate General in Vladivostok from a neighbouring " +
      "building's emergency stairs to ask for political asylum. A security guard caught him. The consulate " +
      "acknowledged the report but has said nothing more; being handed to Russia would likely mean return to " +
      "North Korea. First known asylum attempt through a foreign mission in Siberia.",
  },
  statuses: [
    {
      key: "caught",
      status: "detained",
      when: onDay("2004-10-29"),
      place: "U.S. Consulate General, Vladivostok",
      note: "Found on the consulate roof by a security guard and held; he did not resist. He was seeking political asylum.",
    },
    {
      key: "unknown",
      status: "whereabouts_unknown",
      when: onDay("2004-10-31"),
      note: "The consulate confirms the report but gives no details: not known whether he is still inside or has been handed to the Russian authorities.",
    },
  ],
  notes: [
    {
      key: "newspaper-visit",
      when: onDay("2004-10-20"),
      body:
        "A North Korean defector walked into a Vladivostok newspaper office near the consulate and asked for help, " +
        "saying a colleague had reached the United States with the consulate's help. He asked to reach a U.S. " +
        "reporter; told to go to the consulate himself, he said that was too dangerous and left. Not confirmed to be " +
        "the same man.",
    },
  ],
  sources: [
    {
      kind: "newspaper",
      title: "A North Korean Defector Entered the U.S. Consulate General in Russia",
      publisher: "Dong-A Ilbo",
      published: { on: "2004-10-31", precision: "day" },
      note: "By Kim Ki-Hyun; relays a local Russian newspaper's report.",
      supports: ["case", "caught", "unknown", "newspaper-visit"],
    },
  ],
};

/* ----------------------------------------------------------------------------------------------
 * Inserting, with one audit row per record
 * -------------------------------------------------------------------------------------------- */

/** A timestamp that advances within the transaction (now() does not), so same-day events keep their order. */
const recordedNow = () => sql`clock_timestamp()`;

async function audit(tx: Tx, entity: string, entityId: string, caseId: string | null, after: object): Promise<void> {
  await writeAudit(tx, { actorId: null, action: "seed", entity, entityId, caseId, after });
}

/** Inserts one story's case and timeline; returns the case id. */
async function seedStory(tx: Tx, story: Story, accountIds: ReadonlyMap<string, string>): Promise<string> {
  const idOf = (email: string) => {
    const id = accountIds.get(email);
    if (!id) throw new Error(`no demo account ${email}`);
    return id;
  };
  const recordedBy = idOf(story.recorder);

  const dates = story.statuses.map((s) => s.when.on);
  const latest = story.statuses.at(-1);
  if (!latest || dates.some((d, i) => i > 0 && d < (dates[i - 1] ?? d))) {
    throw new Error(`${story.facts.ref}: status changes must be given in date order`);
  }
  const contactDates = (story.contacts ?? []).map((c) => c.when.on).sort();

  const caseId = randomUUID();
  const [kase] = await tx
    .insert(cases)
    .values({
      ...story.facts,
      id: caseId,
      searchText: buildSearchText(story.facts),
      status: latest.status,
      statusOn: latest.when.on,
      isOpen: isOpenStatus(latest.status),
      lastContactOn: contactDates.at(-1) ?? null,
    })
    .returning();
  if (!kase) throw new Error("case insert returned nothing");
  await audit(tx, "cases", caseId, caseId, kase);

  if (story.assignee) {
    const [row] = await tx
      .insert(caseAssignments)
      .values({ caseId, accountId: idOf(story.assignee) })
      .returning();
    if (row) await audit(tx, "case_assignments", `${row.caseId}:${row.accountId}`, caseId, row);
  }

  /** Which column and id each fact key stands for, for source links. */
  const targets = new Map<string, Partial<Record<"statusChangeId" | "contactId" | "petitionId" | "noteId", string>>>([
    ["case", {}],
  ]);

  for (const s of story.statuses) {
    const [row] = await tx
      .insert(statusChanges)
      .values({
        caseId,
        status: s.status,
        occurredOn: s.when.on,
        occurredPrecision: s.when.precision,
        occurredApprox: s.when.approx,
        deadlineOn: s.deadlineOn ?? null,
        place: s.place ?? null,
        note: s.note,
        recordedBy,
        recordedAt: recordedNow(),
      })
      .returning();
    if (!row) throw new Error("status change insert returned nothing");
    await audit(tx, "status_changes", row.id, caseId, row);
    targets.set(s.key, { statusChangeId: row.id });
  }

  for (const c of story.contacts ?? []) {
    const [row] = await tx
      .insert(consularContacts)
      .values({
        caseId,
        kind: c.kind,
        counterpart: c.counterpart,
        occurredOn: c.when.on,
        occurredPrecision: c.when.precision,
        occurredApprox: c.when.approx,
        ourParticipants: c.ourParticipants ?? null,
        theirParticipants: c.theirParticipants ?? null,
        outcome: c.outcome,
        summary: c.summary,
        followUpOn: c.followUpOn ?? null,
        recordedBy,
        recordedAt: recordedNow(),
      })
      .returning();
    if (!row) throw new Error("contact insert returned nothing");
    await audit(tx, "consular_contacts", row.id, caseId, row);
    targets.set(c.key, { contactId: row.id });
  }

  for (const p of story.petitions ?? []) {
    const [row] = await tx
      .insert(petitions)
      .values({
        caseId,
        petitioner: p.petitioner,
        addressee: p.addressee,
        asks: p.asks,
        asksDetail: p.asksDetail,
        state: "submitted",
        filedOn: p.filed.on,
        filedPrecision: p.filed.precision,
        filedApprox: p.filed.approx,
        recordedBy,
        recordedAt: recordedNow(),
      })
      .returning();
    if (!row) throw new Error("petition insert returned nothing");
    await audit(tx, "petitions", row.id, caseId, row);
    targets.set(p.key, { petitionId: row.id });

    const [event] = await tx
      .insert(petitionEvents)
      .values({
        petitionId: row.id,
        caseId,
        fromState: null,
        toState: "submitted",
        occurredOn: p.filed.on,
        occurredPrecision: p.filed.precision,
        occurredApprox: p.filed.approx,
        note: "Filed.",
        recordedBy,
        recordedAt: recordedNow(),
      })
      .returning();
    if (!event) throw new Error("petition event insert returned nothing");
    await audit(tx, "petition_events", event.id, caseId, event);
  }

  for (const n of story.notes ?? []) {
    const [row] = await tx
      .insert(caseNotes)
      .values({
        caseId,
        occurredOn: n.when.on,
        occurredPrecision: n.when.precision,
        occurredApprox: n.when.approx,
        body: n.body,
        recordedBy,
        recordedAt: recordedNow(),
      })
      .returning();
    if (!row) throw new Error("note insert returned nothing");
    await audit(tx, "case_notes", row.id, caseId, row);
    targets.set(n.key, { noteId: row.id });
  }

  for (const s of story.sources) {
    const [source] = await tx
      .insert(sources)
      .values({
        caseId,
        kind: s.kind,
        title: s.title,
        publisher: s.publisher,
        publishedOn: s.published?.on ?? null,
        publishedPrecision: s.published?.precision ?? null,
        publishedApprox: s.published?.approx ?? false,
        note: s.note,
        recordedBy,
        recordedAt: recordedNow(),
      })
      .returning();
    if (!source) throw new Error("source insert returned nothing");
    await audit(tx, "sources", source.id, caseId, source);

    for (const key of s.supports) {
      const target = targets.get(key);
      if (!target) throw new Error(`${story.facts.ref}: source "${s.title}" supports unknown fact "${key}"`);
      const [link] = await tx
        .insert(sourceLinks)
        .values({ sourceId: source.id, caseId, ...target })
        .returning();
      if (!link) throw new Error("source link insert returned nothing");
      await audit(tx, "source_links", link.id, caseId, link);
    }
  }

  return caseId;
}

/** Links every pair of cases once, with the smaller uuid first (the table's check). */
async function linkAll(tx: Tx, caseIds: readonly string[], kind: "family" | "held_together" | "related", note: string) {
  for (const [i, x] of caseIds.entries()) {
    for (const y of caseIds.slice(i + 1)) {
      const [caseA, caseB] = x < y ? [x, y] : [y, x];
      const [row] = await tx.insert(caseLinks).values({ caseA, caseB, kind, note }).returning();
      if (!row) throw new Error("case link insert returned nothing");
      await audit(tx, "case_links", `${caseA}:${caseB}`, caseA, row);
    }
  }
}

/** Serializes concurrent seeders (two servers starting at once): the second sees the first's accounts. */
const SEED_LOCK = 7283912;

/** Inserts demo accounts and the four stories in ONE transaction. Does nothing and returns false if the accounts table already has any row. Returns true when it seeded. */
export async function seedDemo(db: Db): Promise<boolean> {
  const hasAccounts = async (q: Db | Tx) => (await q.select({ id: accounts.id }).from(accounts).limit(1)).length > 0;
  if (await hasAccounts(db)) return false;

  // argon2 is slow: hash once, outside the transaction, and share the hash between the demo accounts.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (await hasAccounts(tx)) return false;

    const accountIds = new Map<string, string>();
    for (const a of DEMO_ACCOUNTS) {
      const [row] = await tx
        .insert(accounts)
        .values({ ...a, passwordHash })
        .returning();
      if (!row) throw new Error("account insert returned nothing");
      accountIds.set(row.email, row.id);
      const { passwordHash: _secret, ...visible } = row; // never copy a password hash into the audit log
      await audit(tx, "accounts", row.id, null, visible);
    }

    await seedStory(tx, BAEK, accountIds);
    await seedStory(tx, JUN, accountIds);

    const family: string[] = [];
    for (const i of FAMILY_MEMBERS.keys()) family.push(await seedStory(tx, familyStory(i), accountIds));
    await linkAll(tx, family, "family", "Family of seven caught together by Russian border guards on 7 November 1999.");

    await seedStory(tx, CONSULATE_DEFECTOR, accountIds);
    return true;
  });
}
