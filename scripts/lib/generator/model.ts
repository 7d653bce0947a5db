/**
 * One synthetic case and everything recorded on it: a plausible run of status changes ending in
 * the current status, consular contacts, petitions with their events, notes, and sources with what
 * each supports. The case's derived columns (status, status_on, is_open, last_contact_on,
 * next_deadline, search_text) are computed exactly as the app computes them, so the data looks like
 * it was entered through the app.
 */
import {
  type CaseStatus,
  type ContactCounterpart,
  type ContactKind,
  type ContactOutcome,
  isOpenStatus,
  type PetitionAsk,
  type PetitionState,
  type RiskLevel,
  type SourceKind,
} from "@/lib/domain";
import { type Cell, copyRow } from "./copy-text";
import { exactDay, isoOf, reported, stampOf, type When } from "./dates";
import { type GeneratedName, type KoreanPart, koreanName, makeName } from "./names";
import { type Destination, type Facility, PROFILE_TABLE, type Profile } from "./places";
import { type Random, weighted } from "./random";
import { searchTextOf } from "./search-text";
import type { TableName } from "./tables";

/** Where rows go: one COPY line per row, by table. */
export interface Sink {
  push(table: TableName, line: string): void;
}

export interface Staff {
  coordinators: readonly string[];
  caseworkers: readonly string[];
}

/** A family or group held together: the next cases share where and when they were caught. */
interface Group {
  remaining: number;
  profile: Profile;
  destination: Destination;
  facility: Facility;
  detained: When;
  detainedDay: number;
  surname: KoreanPart;
  ids: string[];
  kind: "family" | "held_together";
}

export interface GeneratorState {
  rng: Random;
  /** Today, as a day number: nothing happens after it (deadlines and follow-ups may). */
  today: number;
  staff: Staff;
  sink: Sink;
  /** The year of each generated case's reference, in order: the number is filled in later (REF_SLOT). */
  refYears: number[];
  group: Group | null;
}

const YEAR_DAYS = 365.25;
/** Days between a detention and today: over 25 years, recent ones more frequent (density ~ t^-1/3). */
const yearsAgo = (rng: Random) => Math.floor(25 * YEAR_DAYS * rng.next() ** 1.5);
/**
 * Stands for the number in a case's reference (DC-2024-00042) until the cases are put in order:
 * references count up within a year, as the app numbers them, and batches are generated in parallel.
 */
export const REF_SLOT = "@@@@@";
const row = (sink: Sink, table: TableName, values: Cell[]) => sink.push(table, copyRow(values));
const when = (w: When) => [isoOf(w.day), w.precision, w.approx] as const;

/* ----------------------------------------------------------------------------------------------
 * Status changes: a small state machine; each state says what may follow and after how long.
 * -------------------------------------------------------------------------------------------- */

type Next = CaseStatus | "end";
interface StateRule {
  next: ReadonlyArray<readonly [Next, number]>;
  /** Days until the next step, min and max. */
  gap: readonly [number, number];
}

/** "end" stops the story there (for states a case can rest in); the others only stop at today. */
const RULES: Record<CaseStatus, StateRule> = {
  detained: {
    next: [
      ["under_investigation", 45],
      ["charged", 12],
      ["detention_extended", 8],
      ["deported", 6],
      ["repatriated", 4],
      ["released", 6],
      ["whereabouts_unknown", 4],
      ["transferred_third_country", 1],
    ],
    gap: [2, 40],
  },
  under_investigation: {
    next: [
      ["detention_extended", 35],
      ["charged", 30],
      ["released", 8],
      ["deported", 8],
      ["repatriated", 4],
      ["whereabouts_unknown", 3],
    ],
    gap: [30, 150],
  },
  detention_extended: {
    next: [
      ["detention_extended", 25],
      ["charged", 35],
      ["on_trial", 10],
      ["released", 7],
      ["deported", 5],
      ["repatriated", 3],
    ],
    gap: [45, 120],
  },
  charged: {
    next: [
      ["on_trial", 60],
      ["detention_extended", 25],
      ["released", 5],
    ],
    gap: [20, 120],
  },
  on_trial: {
    next: [
      ["convicted", 75],
      ["released", 8],
      ["detention_extended", 10],
    ],
    gap: [1, 90],
  },
  convicted: {
    next: [
      ["end", 45],
      ["released", 18],
      ["deported", 12],
      ["repatriated", 3],
      ["transferred_third_country", 4],
      ["deceased", 2],
      ["case_closed", 4],
    ],
    gap: [180, 2500],
  },
  released: {
    next: [
      ["end", 50],
      ["case_closed", 50],
    ],
    gap: [10, 200],
  },
  deported: {
    next: [
      ["end", 60],
      ["case_closed", 40],
    ],
    gap: [30, 365],
  },
  repatriated: {
    next: [
      ["end", 55],
      ["whereabouts_unknown", 35],
      ["case_closed", 10],
    ],
    gap: [30, 700],
  },
  transferred_third_country: {
    next: [
      ["end", 30],
      ["refugee_status_granted", 55],
      ["released", 15],
    ],
    gap: [30, 400],
  },
  refugee_status_granted: {
    next: [
      ["end", 70],
      ["case_closed", 30],
    ],
    gap: [30, 700],
  },
  whereabouts_unknown: {
    next: [
      ["end", 70],
      ["repatriated", 8],
      ["deceased", 5],
      ["case_closed", 17],
    ],
    gap: [60, 1500],
  },
  deceased: {
    next: [
      ["end", 60],
      ["case_closed", 40],
    ],
    gap: [10, 200],
  },
  case_closed: { next: [["end", 1]], gap: [1, 1] },
};

/** North Koreans are sent back far more often, or reach safety through a third country. */
const NORTH_RULES = new Map<CaseStatus, ReturnType<typeof weighted<Next>>>();
const OTHER_RULES = new Map<CaseStatus, ReturnType<typeof weighted<Next>>>();
for (const [status, rule] of Object.entries(RULES) as Array<[CaseStatus, StateRule]>) {
  const scale = (north: boolean) =>
    weighted(
      rule.next.map(([s, w]) => {
        if (s === "repatriated") return [s, north ? w * 6 : w * 0.1] as const;
        if (s === "transferred_third_country") return [s, north ? w * 3 : w * 0.5] as const;
        return [s, w] as const;
      }),
    );
  NORTH_RULES.set(status, scale(true));
  OTHER_RULES.set(status, scale(false));
}

const STATUS_NOTES: Record<CaseStatus, readonly string[]> = {
  detained: [
    "Arrested, according to a relative who was told by phone.",
    "Detained at a checkpoint; reported by a local news agency.",
    "Taken into custody during a police sweep.",
    "Caught shortly after crossing the border; a source in the region confirms.",
    "Detained at the airport on departure.",
  ],
  under_investigation: [
    "Moved to a pre-trial facility while investigators build the case.",
    "Investigators opened a criminal case; details are not public.",
    "Held for investigation; the family has not been told the charges.",
  ],
  charged: [
    "Formally charged; the indictment was read out in court.",
    "Charges filed; the lawyer has not seen the file.",
    "Charged in a closed hearing.",
  ],
  detention_extended: [
    "A court extended pre-trial detention.",
    "Detention extended at the investigators' request; hearing closed to the press.",
    "The court granted a further extension of custody.",
  ],
  on_trial: [
    "Trial opened behind closed doors.",
    "First trial hearing held; consular staff were refused entry.",
    "Trial began; next hearing scheduled.",
  ],
  convicted: [
    "Convicted and sentenced; an appeal is being considered.",
    "Sentenced in a closed trial.",
    "Found guilty; the sentence was announced the same day.",
  ],
  released: [
    "Released and allowed to leave the country.",
    "Freed in an exchange.",
    "Released on completion of the sentence.",
    "Charges dropped; released.",
  ],
  deported: [
    "Deported after the court's decision.",
    "Expelled and banned from re-entry.",
    "Deported on a scheduled flight.",
  ],
  repatriated: [
    "Handed over to North Korean officials at the border: forced return.",
    "Sent back to North Korea with a group of others caught in the same sweep.",
    "Returned to the country of nationality.",
  ],
  transferred_third_country: [
    "Allowed to leave for a third country.",
    "Transferred to a third country under UNHCR's protection.",
  ],
  refugee_status_granted: ["Granted refugee status.", "Recognised as a refugee; resettlement under way."],
  deceased: ["Died in custody, according to the family.", "Reported dead; the cause has not been disclosed."],
  whereabouts_unknown: [
    "No news since the last contact: whereabouts unknown.",
    "The authorities will not say where the person is held.",
  ],
  case_closed: [
    "No further action needed: case closed.",
    "Closed at the family's request.",
    "Closed after confirmation of the outcome.",
  ],
};

interface StatusItem {
  id: string;
  status: CaseStatus;
  when: When;
  trueDay: number;
  deadline: number | null;
  note: string;
  retracted: false;
}

function statusRun(
  s: GeneratorState,
  north: boolean,
  detained: When,
  detainedDay: number,
  place: string,
): StatusItem[] {
  const { rng, today } = s;
  const out: StatusItem[] = [
    {
      id: rng.uuid(),
      status: "detained",
      when: detained,
      trueDay: detainedDay,
      deadline: null,
      note: `${rng.pick(STATUS_NOTES.detained)} Place: ${place}.`,
      retracted: false,
    },
  ];
  let state: CaseStatus = "detained";
  let day = detainedDay;
  const rules = north ? NORTH_RULES : OTHER_RULES;
  for (let step = 0; step < 10; step++) {
    const next: Next = rng.weighted(rules.get(state)!);
    if (next === "end") break;
    const [min, max] = RULES[state].gap;
    day += rng.int(min, max);
    if (day > today) break;
    const prev = out.at(-1)!.when.day;
    let w = reported(rng, day, { month: 0.12, year: 0.02 }, today);
    if (w.day < prev) w = exactDay(Math.max(day, prev));
    let deadline: number | null = null;
    if (next === "detention_extended") deadline = day + rng.int(30, 120);
    else if (next === "charged" && rng.chance(0.3)) deadline = day + rng.int(20, 90);
    else if (next === "on_trial" && rng.chance(0.3)) deadline = day + rng.int(7, 40);
    else if (next === "convicted" && rng.chance(0.15)) deadline = day + rng.int(20, 60);
    let note = rng.pick(STATUS_NOTES[next]);
    if (deadline !== null)
      note +=
        next === "detention_extended"
          ? ` Custody now runs until ${isoOf(deadline)}.`
          : ` Next date in court: ${isoOf(deadline)}.`;
    out.push({ id: rng.uuid(), status: next, when: w, trueDay: day, deadline, note, retracted: false });
    state = next;
  }
  return out;
}

/* ----------------------------------------------------------------------------------------------
 * Contacts, petitions, notes, sources
 * -------------------------------------------------------------------------------------------- */

const CONTACT_KIND_TABLE = weighted<ContactKind>([
  ["access_request", 20],
  ["visit", 18],
  ["call", 22],
  ["letter", 10],
  ["diplomatic_note", 12],
  ["meeting_officials", 18],
]);
const OUTCOMES: Record<ContactKind, ReturnType<typeof weighted<ContactOutcome>>> = {
  access_request: weighted([
    ["access_denied", 35],
    ["pending", 30],
    ["no_answer", 20],
    ["access_granted", 15],
  ]),
  visit: weighted([
    ["access_granted", 85],
    ["held", 15],
  ]),
  call: weighted([
    ["held", 60],
    ["no_answer", 40],
  ]),
  letter: weighted([
    ["pending", 40],
    ["no_answer", 40],
    ["held", 20],
  ]),
  diplomatic_note: weighted([
    ["pending", 50],
    ["no_answer", 30],
    ["access_denied", 20],
  ]),
  meeting_officials: weighted([
    ["held", 70],
    ["pending", 30],
  ]),
};
const COUNTERPARTS: Record<ContactKind, ReturnType<typeof weighted<ContactCounterpart>>> = {
  access_request: weighted([["authorities", 1]]),
  visit: weighted([["detainee", 1]]),
  call: weighted([
    ["family", 40],
    ["lawyer", 30],
    ["authorities", 15],
    ["detainee", 8],
    ["ngo", 5],
    ["unhcr", 2],
  ]),
  letter: weighted([
    ["authorities", 50],
    ["family", 30],
    ["detainee", 10],
    ["ngo", 10],
  ]),
  diplomatic_note: weighted([["authorities", 1]]),
  meeting_officials: weighted([
    ["authorities", 80],
    ["unhcr", 10],
    ["ngo", 5],
    ["other", 5],
  ]),
};
const OUR_SIDE = [
  "Consul",
  "Vice-consul",
  "Ambassador",
  "Deputy head of mission",
  "Consular officer",
  "Embassy duty officer",
  "Caseworker (headquarters)",
];
const THEIR_SIDE: Record<string, readonly string[]> = {
  RU: [
    "Investigator, FSB",
    "Deputy Foreign Minister",
    "Prison administration",
    "Consular department, Ministry of Foreign Affairs",
    "Prosecutor's office",
  ],
  CN: [
    "Public Security Bureau officer",
    "Foreign Affairs Office of the province",
    "Detention centre director",
    "Ministry of Foreign Affairs, consular department",
  ],
  IR: ["Ministry of Foreign Affairs, consular department", "Judiciary official", "Prison administration"],
  KP: ["Ministry of Foreign Affairs official", "Ministry of State Security liaison"],
};
const CONDITIONS = [
  "Looked thin but said he is eating.",
  "In good spirits; asked for books and letters from home.",
  "Complains of back pain; asked for a doctor.",
  "Could not speak freely: a guard stayed in the room.",
  "Visibly tired; says interrogations last for hours.",
  "Stable; has been allowed one call to the family.",
];
const FOLLOW_UPS = [
  "Renew the request for access.",
  "Ask again for the charge sheet.",
  "Call the lawyer after the hearing.",
  "Send the family an update.",
  "Check that the medicine was delivered.",
];

const summaryOf = (kind: ContactKind, outcome: ContactOutcome, counterpart: ContactCounterpart) => {
  const what: Record<ContactKind, string> = {
    access_request: "Requested consular access",
    visit: "Consular visit",
    call: `Call with the ${counterpart === "unhcr" ? "UNHCR office" : counterpart === "ngo" ? "NGO" : counterpart}`,
    letter: `Letter exchanged with the ${counterpart === "ngo" ? "NGO" : counterpart}`,
    diplomatic_note: "Diplomatic note sent to the foreign ministry",
    meeting_officials: "Meeting with officials",
  };
  const result: Record<ContactOutcome, string> = {
    access_granted: "access was granted",
    access_denied: "access was refused without reasons",
    pending: "no decision yet",
    no_answer: "no answer so far",
    held: "took place as planned",
  };
  return `${what[kind]}: ${result[outcome]}.`;
};

const PETITIONERS = [
  "Global Love Rice Sharing Foundation",
  "Committee to Help North Korean Refugees",
  "Citizens' Alliance to Help Political Prisoners in North Korea",
  "Family of the detainee",
  "Association of families of detainees",
  "Lawyers' committee for human rights",
  "Church congregation",
  "Journalists' union",
  "Students' association",
];
const ADDRESSEES = [
  "Ministry of Foreign Affairs",
  "Embassy of the detaining state",
  "Head of state of the detaining state",
  "UNHCR",
  "UN Working Group on Arbitrary Detention",
  "Prosecutor-General's office",
  "Parliamentary human rights committee",
];
const ASKS = weighted<PetitionAsk>([
  ["release", 40],
  ["consular_access", 15],
  ["fair_trial", 12],
  ["medical_care", 8],
  ["no_forced_repatriation", 5],
  ["refugee_status", 3],
  ["other", 4],
]);
const NORTH_ASKS = weighted<PetitionAsk>([
  ["no_forced_repatriation", 50],
  ["refugee_status", 25],
  ["release", 15],
  ["consular_access", 5],
  ["other", 5],
]);
const PETITION_DECISIONS = weighted<PetitionState>([
  ["answered", 40],
  ["rejected", 40],
  ["granted", 20],
]);
const ANSWERS = [
  "The ministry replied that the case is under investigation and declined to comment further.",
  "Acknowledged; the addressee promised to raise the case at the next meeting.",
  "Rejected: the addressee considers the detention lawful.",
  "Granted: the addressee agreed to facilitate a visit.",
];

const NOTE_BODIES = [
  "Family reports the detainee was moved; not yet confirmed by the authorities.",
  "Lawyer says the case file remains classified; defence has limited access.",
  "Spoke with a journalist following the case; no new facts, but a report is planned.",
  "Internal: coordinate with the regional desk before the next meeting.",
  "A former cellmate, now released, says the detainee is held with five others.",
  "Media attention is rising; press office asked for a holding line.",
  "NGO partners are preparing a joint statement.",
  "Relatives ask that the name not be published.",
];
const RETRACTIONS = ["Entered on the wrong case.", "Duplicate of an earlier entry.", "The source withdrew its report."];

const SOURCE_KIND_TABLE = weighted<SourceKind>([
  ["news_agency", 25],
  ["newspaper", 25],
  ["ministry_statement", 12],
  ["court_record", 8],
  ["family", 10],
  ["ngo_report", 12],
  ["un_body", 4],
  ["other", 4],
]);
const PUBLISHERS: Record<SourceKind, readonly (string | null)[]> = {
  news_agency: [
    "TASS",
    "Yonhap News Agency",
    "Reuters",
    "Associated Press",
    "AFP",
    "Interfax",
    "RIA Novosti",
    "Xinhua",
    "Kyodo News",
  ],
  newspaper: [
    "Daily NK",
    "Chosun Ilbo",
    "Dong-A Ilbo",
    "The Korea Herald",
    "Kommersant",
    "Novaya Gazeta",
    "The Guardian",
    "Le Monde",
    "The New York Times",
    null,
  ],
  ministry_statement: [
    "Ministry of Foreign Affairs of the Republic of Korea",
    "U.S. Department of State",
    "Foreign, Commonwealth & Development Office",
    "Ministry for Europe and Foreign Affairs",
    "Ministry of Foreign Affairs of the Russian Federation",
  ],
  court_record: [
    "Lefortovo District Court",
    "Primorsky Regional Court",
    "Moscow City Court",
    "Tehran Revolutionary Court",
    "Intermediate People's Court",
  ],
  family: [null],
  ngo_report: [
    "Human Rights Watch",
    "Amnesty International",
    "Memorial Human Rights Centre",
    "Transitional Justice Working Group",
    "Committee for Human Rights in North Korea",
    "OVD-Info",
  ],
  un_body: [
    "UN Working Group on Arbitrary Detention",
    "UNHCR",
    "UN Special Rapporteur on the situation of human rights in the DPRK",
  ],
  other: [null, "Social media post", "Local television"],
};
const SOURCE_TITLES: Record<SourceKind, readonly string[]> = {
  news_agency: [
    "{name} detained in {city}",
    "Court extends custody of {name}",
    "Foreign national held in {country} on {charge}",
    "{name}: the case so far",
  ],
  newspaper: [
    "Family of {name} appeals for help",
    "Who is {name}?",
    "Detention of {name} raises concern",
    "{name} moved to {facility}",
  ],
  ministry_statement: ["Statement on a national detained in {country}", "Briefing: consular support for {name}"],
  court_record: ["Ruling on the custody of {name}", "Hearing record: {name}"],
  family: ["Phone call with a relative of {name}", "Letter from the family of {name}"],
  ngo_report: ["Urgent action: {name}", "Report on detentions in {city}"],
  un_body: ["Opinion concerning {name}", "Communication to the government of {country}"],
  other: ["Post about {name}", "Broadcast segment on {name}"],
};

/* ----------------------------------------------------------------------------------------------
 * The case
 * -------------------------------------------------------------------------------------------- */

const SEXES_M = weighted([
  ["male", 96],
  ["unknown", 3.5],
  ["other", 0.5],
] as const);
const SEXES_F = weighted([
  ["female", 96],
  ["unknown", 3.5],
  ["other", 0.5],
] as const);
const COUNTS = {
  contacts: weighted([
    [0, 6],
    [1, 8],
    [2, 8],
    [3, 9],
    [4, 12],
    [5, 13],
    [6, 12],
    [7, 11],
    [8, 8],
    [9, 6],
    [10, 4],
    [12, 3],
  ] as const),
  petitions: weighted([
    [0, 40],
    [1, 35],
    [2, 18],
    [3, 7],
  ] as const),
  notes: weighted([
    [0, 15],
    [1, 25],
    [2, 25],
    [3, 20],
    [4, 8],
    [5, 5],
    [6, 2],
  ] as const),
  sources: weighted([
    [1, 25],
    [2, 35],
    [3, 25],
    [4, 10],
    [5, 5],
  ] as const),
};

function fill(template: string, v: Record<string, string>) {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? "");
}

/** Generates one case with its timeline into the sink; returns the number of rows written. */
export function generateCase(s: GeneratorState): number {
  const { rng, today, staff, sink } = s;
  let rows = 0;
  const put = (table: TableName, values: Cell[]) => {
    row(sink, table, values);
    rows++;
  };

  // Who, where and when: from the group being generated, or fresh.
  let group = s.group;
  const profile = group?.profile ?? rng.weighted(PROFILE_TABLE);
  const destination = group?.destination ?? rng.weighted(profile.destinations);
  const [facility, city] = group?.facility ?? rng.pick(destination.facilities);
  const sex = rng.chance(profile.male) ? rng.weighted(SEXES_M) : rng.weighted(SEXES_F);
  const nameSex = sex === "female" ? "female" : sex === "male" ? "male" : rng.chance(0.5) ? "male" : "female";
  const nameChoice = rng.weighted(profile.names);
  let name: GeneratedName;
  if (group) {
    const { surname: _s, ...n } = koreanName(rng, profile.north, group.surname);
    name = n;
  } else if (profile.north && rng.chance(0.025)) {
    // A family or group caught together: this case and the next 1–6 share place, date and surname.
    const k = koreanName(rng, true);
    const { surname, ...n } = k;
    name = n;
    const detainedDay = today - 1 - yearsAgo(rng);
    group = s.group = {
      remaining: rng.int(2, 7),
      profile,
      destination,
      facility: [facility, city],
      detained: reported(rng, detainedDay, { month: 0.2, year: 0.05 }, today),
      detainedDay,
      surname,
      ids: [],
      kind: rng.chance(0.6) ? "family" : "held_together",
    };
  } else {
    name = makeName(rng, nameChoice.style, nameSex);
  }

  const caseId = rng.uuid();
  const detainedDay = group?.detainedDay ?? today - 1 - yearsAgo(rng);
  const detained = group?.detained ?? reported(rng, detainedDay, { month: 0.25, year: 0.08 }, today);
  const year = Number(isoOf(detained.day).slice(0, 4));
  s.refYears.push(year);
  const ref = `DC-${year}-${REF_SLOT}`;
  const place = [facility, city].filter(Boolean).join(", ");

  // Assignments: ~90% of cases have one or two caseworkers.
  const assignees: string[] = [];
  if (rng.chance(0.9)) {
    assignees.push(rng.pick(staff.caseworkers));
    if (rng.chance(0.35)) {
      const second = rng.pick(staff.caseworkers);
      if (second !== assignees[0]) assignees.push(second);
    }
  }
  const coordinator = rng.pick(staff.coordinators);
  const recorder = () => (assignees.length && rng.chance(0.85) ? rng.pick(assignees) : coordinator);
  const openedDay = Math.min(today, Math.max(detained.day, detainedDay) + rng.int(1, 20));
  let seq = 0;
  let lastStamp = stampOf(openedDay, 540);
  /** When an item was recorded: on or after the day it happened, never after today; in recording order. */
  const recordedAt = (day: number, lagMax = 5) => {
    const d = Math.min(today, Math.max(day, openedDay) + rng.int(0, lagMax));
    const stamp = stampOf(d, 480 + (seq++ % 600));
    if (stamp > lastStamp) lastStamp = stamp;
    return stamp;
  };

  // Status changes, in date order; same-day changes keep their order through recorded_at.
  const statuses = statusRun(s, profile.north, detained, detainedDay, place || destination.country);
  let statusStamp = "";
  for (const st of statuses) {
    let stamp = recordedAt(st.when.day, 3);
    if (stamp <= statusStamp) stamp = new Date(Date.parse(statusStamp) + 60_000).toISOString();
    statusStamp = stamp;
    if (stamp > lastStamp) lastStamp = stamp;
    put("status_changes", [
      st.id,
      caseId,
      st.status,
      ...when(st.when),
      st.deadline === null ? null : isoOf(st.deadline),
      st.status === "detained" ? place || null : rng.chance(0.5) ? city : null,
      st.note,
      recorder(),
      stamp,
    ]);
  }
  const current = statuses.at(-1)!;
  const open = isOpenStatus(current.status);
  const lastEventDay = current.trueDay;
  const endDay = open ? today : Math.min(today, lastEventDay + 90);
  const span = Math.max(1, endDay - detainedDay);
  const between = () => detainedDay + Math.floor(span * rng.next());

  // Consular contacts.
  const nContacts = rng.weighted(COUNTS.contacts);
  const contactDays = Array.from({ length: nContacts }, between).sort((x, y) => x - y);
  const contacts: Array<{ id: string; retracted: boolean; day: number }> = [];
  let lastContact: number | null = null;
  for (const [i, day] of contactDays.entries()) {
    const kind =
      destination.country === "KP" && rng.chance(0.5)
        ? rng.pick(["diplomatic_note", "access_request", "meeting_officials"] as const)
        : rng.weighted(CONTACT_KIND_TABLE);
    const counterpart =
      profile.north && kind === "meeting_officials" && rng.chance(0.3) ? "unhcr" : rng.weighted(COUNTERPARTS[kind]);
    const outcome = rng.weighted(OUTCOMES[kind]);
    const w = reported(rng, day, { month: 0.06, year: 0.01 }, today);
    const latest = i === contactDays.length - 1;
    const followUp = rng.chance(latest && open ? 0.55 : 0.2) ? w.day + rng.int(7, 45) : null;
    const retracted = rng.chance(0.015);
    const id = rng.uuid();
    const stamp = recordedAt(w.day);
    const who = recorder();
    const retraction = retracted
      ? [new Date(Date.parse(stamp) + rng.int(1, 20) * 3_600_000).toISOString(), who, rng.pick(RETRACTIONS)]
      : [null, null, null];
    put("consular_contacts", [
      id,
      caseId,
      kind,
      counterpart,
      ...when(w),
      rng.pick(OUR_SIDE),
      counterpart === "authorities"
        ? rng.pick(THEIR_SIDE[destination.country] ?? ["Ministry of Foreign Affairs"])
        : null,
      outcome,
      summaryOf(kind, outcome, counterpart),
      kind === "visit" || counterpart === "detainee" ? rng.pick(CONDITIONS) : null,
      followUp === null ? null : isoOf(followUp),
      who,
      stamp,
      ...retraction,
    ]);
    contacts.push({ id, retracted, day: w.day });
    if (!retracted && (lastContact === null || w.day > lastContact)) lastContact = w.day;
    if (followUp !== null && rng.chance(0.3)) {
      // A reminder of what to do, kept as a note on the same day (some teams write these down).
      const noteId = rng.uuid();
      put("case_notes", [
        noteId,
        caseId,
        ...when(exactDay(w.day)),
        rng.pick(FOLLOW_UPS),
        who,
        recordedAt(w.day, 0),
        null,
        null,
        null,
      ]);
    }
  }

  // Petitions, each with the events of its life so far.
  const petitionIds: string[] = [];
  const nPetitions = rng.weighted(COUNTS.petitions);
  for (let p = 0; p < nPetitions; p++) {
    const filedDay = detainedDay + 7 + Math.floor(Math.max(1, span - 7) * rng.next());
    if (filedDay > today) continue;
    const id = rng.uuid();
    const who = recorder();
    const asks = rng.weighted(profile.north ? NORTH_ASKS : ASKS);
    const events: Array<[PetitionState | null, PetitionState, When]> = [];
    let state: PetitionState;
    let filed: When | null = null;
    if (rng.chance(0.08)) {
      state = "draft";
      events.push([null, "draft", exactDay(filedDay)]);
    } else {
      filed = reported(rng, filedDay, { month: 0.2, year: 0.03 }, today);
      state = "submitted";
      events.push([null, "submitted", filed]);
      let day = filedDay;
      if (rng.chance(0.6)) {
        day += rng.int(7, 40);
        if (day <= today) {
          events.push([state, "acknowledged", exactDay(day)]);
          state = "acknowledged";
        }
      }
      let decided = false;
      if (rng.chance(0.5)) {
        day += rng.int(20, 200);
        if (day <= today) {
          const to = rng.weighted(PETITION_DECISIONS);
          events.push([state, to, exactDay(day)]);
          state = to;
          decided = true;
        }
      }
      if (!decided && rng.chance(0.05)) {
        day += rng.int(10, 100);
        if (day <= today) {
          events.push([state, "withdrawn", exactDay(day)]);
          state = "withdrawn";
        }
      }
    }
    const awaiting = state === "submitted" || state === "acknowledged";
    const answerDue = awaiting && rng.chance(0.7) ? isoOf(filedDay + rng.int(30, 120)) : null;
    const answered = state === "answered" || state === "granted" || state === "rejected";
    const stamp = recordedAt(filedDay);
    const lastEvent = events.at(-1)![2].day;
    put("petitions", [
      id,
      caseId,
      rng.pick(PETITIONERS),
      rng.pick(ADDRESSEES),
      asks,
      `Asks for ${asks.replace(/_/g, " ")} for ${name.fullName}.`,
      state,
      ...(filed ? when(filed) : [null, null, false]),
      answerDue,
      answered ? rng.pick(ANSWERS) : null,
      who,
      stamp,
      stampOf(Math.min(today, Math.max(lastEvent, filedDay)), 1000),
    ]);
    for (const [from, to, w] of events) {
      put("petition_events", [
        rng.uuid(),
        id,
        caseId,
        from,
        to,
        ...when(w),
        from === null ? "Filed." : null,
        who,
        recordedAt(w.day, 2),
      ]);
    }
    petitionIds.push(id);
  }

  // Notes.
  const notes: Array<{ id: string; retracted: boolean }> = [];
  const nNotes = rng.weighted(COUNTS.notes);
  for (let i = 0; i < nNotes; i++) {
    const w = reported(rng, between(), { month: 0.1, year: 0.02 }, today);
    const id = rng.uuid();
    const who = recorder();
    const stamp = recordedAt(w.day);
    const retracted = rng.chance(0.015);
    const retraction = retracted
      ? [new Date(Date.parse(stamp) + rng.int(1, 20) * 3_600_000).toISOString(), who, rng.pick(RETRACTIONS)]
      : [null, null, null];
    put("case_notes", [id, caseId, ...when(w), rng.pick(NOTE_BODIES), who, stamp, ...retraction]);
    notes.push({ id, retracted });
  }

  // Sources and what each supports: the case itself or items of it (never a retracted one).
  const targets: Array<[number, string]> = [
    ...statuses.map((x) => [3, x.id] as [number, string]),
    ...contacts.filter((c) => !c.retracted).map((c) => [4, c.id] as [number, string]),
    ...petitionIds.map((id) => [5, id] as [number, string]),
    ...notes.filter((x) => !x.retracted).map((x) => [6, x.id] as [number, string]),
  ];
  const countryName = destination.country;
  const nSources = rng.weighted(COUNTS.sources);
  for (let i = 0; i < nSources; i++) {
    const kind = rng.weighted(SOURCE_KIND_TABLE);
    const publisher = rng.pick(PUBLISHERS[kind]);
    const title = fill(rng.pick(SOURCE_TITLES[kind]), {
      name: name.fullName,
      city,
      country: countryName,
      facility: facility ?? city,
      charge: "espionage charges",
    });
    const pubDay = between();
    const published = kind === "family" ? null : reported(rng, pubDay, { month: 0.25, year: 0.05 }, today);
    const slug = (publisher ?? "source")
      .toLowerCase()
      .replace(/[^a-z]+/g, "-")
      .replace(/^-|-$/g, "");
    const url =
      kind !== "family" && rng.chance(0.7)
        ? `https://${slug}.example/${isoOf(pubDay).slice(0, 7).replace("-", "/")}/${rng.int(1000, 99999)}`
        : null;
    const id = rng.uuid();
    const who = recorder();
    const stamp = recordedAt(pubDay);
    put("sources", [
      id,
      caseId,
      kind,
      title,
      publisher,
      ...(published ? when(published) : [null, null, false]),
      url,
      rng.chance(0.4) ? "Checked against a second source." : null,
      who,
      stamp,
    ]);
    const chosen = new Set<string>();
    if (rng.chance(0.45) || targets.length === 0) {
      put("source_links", [rng.uuid(), id, caseId, null, null, null, null, who, stamp]);
      chosen.add("case");
    }
    const extra = targets.length ? rng.int(chosen.size ? 0 : 1, 2) : 0;
    for (let k = 0; k < extra; k++) {
      const [column, target] = rng.pick(targets);
      if (chosen.has(target)) continue;
      chosen.add(target);
      const link: Cell[] = [rng.uuid(), id, caseId, null, null, null, null, who, stamp];
      link[column] = target;
      put("source_links", link);
    }
  }

  // The case row, with what the app derives from the timeline.
  const allegation = rng.chance(0.85) ? rng.weighted(destination.allegations) : null;
  const risk: RiskLevel = !open
    ? rng.chance(0.6)
      ? "low"
      : "medium"
    : profile.north
      ? rng.weighted(
          weighted<RiskLevel>([
            ["critical", 40],
            ["high", 45],
            ["medium", 15],
          ]),
        )
      : allegation && allegation.classified > 0.5
        ? rng.weighted(
            weighted<RiskLevel>([
              ["critical", 15],
              ["high", 55],
              ["medium", 30],
            ]),
          )
        : rng.weighted(
            weighted<RiskLevel>([
              ["high", 15],
              ["medium", 60],
              ["low", 25],
            ]),
          );
  const deadline = open && current.deadline !== null ? current.deadline : null;
  let birth: Cell[] = [null, null, false, null, null];
  const r = rng.next();
  if (r < 0.45) {
    const born = detainedDay - Math.floor(rng.int(18, 70) * YEAR_DAYS) - rng.int(0, 364);
    birth = rng.chance(0.7)
      ? [isoOf(born), "day", false, null, null]
      : [`${isoOf(born).slice(0, 4)}-01-01`, "year", rng.chance(0.3), null, null];
  } else if (r < 0.65) {
    birth = [null, null, false, rng.int(18, 70), isoOf(Math.min(today, detainedDay + rng.int(0, 60)))];
  }
  const summary = `${profile.north ? "North Korean" : `${profile.nationality} national`}${name.nativeName ? ` (${name.nativeName})` : ""} held in ${place || countryName}${allegation ? `; ${allegation.text.charAt(0).toLowerCase()}${allegation.text.slice(1)}` : "."}`;
  const createdBy = assignees[0] ?? coordinator;
  const restricted = rng.chance(profile.north ? 0.08 : 0.035);
  put("cases", [
    caseId,
    ref,
    name.fullName,
    name.nativeName,
    name.otherNames,
    searchTextOf({ ref, fullName: name.fullName, nativeName: name.nativeName, otherNames: name.otherNames }),
    sex,
    ...birth,
    profile.nationality,
    nameChoice.otherCitizenships,
    rng.pick(profile.occupations),
    rng.pick(profile.affiliations),
    destination.country,
    facility,
    city,
    ...when(detained),
    allegation?.text ?? null,
    allegation ? rng.chance(allegation.classified) : false,
    current.status,
    isoOf(current.when.day),
    open,
    risk,
    deadline === null ? null : isoOf(deadline),
    deadline === null ? null : current.note.slice(0, 500),
    restricted,
    summary,
    lastContact === null ? null : isoOf(lastContact),
    createdBy,
    stampOf(openedDay, 470),
    createdBy,
    lastStamp,
  ]);
  for (const [i, accountId] of assignees.entries()) {
    put("case_assignments", [caseId, accountId, coordinator, stampOf(openedDay, 475 + i)]);
  }

  if (group) {
    group.ids.push(caseId);
    group.remaining--;
    if (group.remaining <= 0) rows += finishGroup(s);
  }
  return rows;
}

/** Links every pair of the group being generated once, smaller id first (the table's check); returns the rows. */
export function finishGroup(s: GeneratorState): number {
  const group = s.group;
  s.group = null;
  if (!group) return 0;
  const note = group.kind === "family" ? "Family members caught together." : "Caught in the same group.";
  const stamp = stampOf(Math.min(s.today, group.detainedDay + 10), 600);
  let rows = 0;
  for (const [i, x] of group.ids.entries()) {
    for (const y of group.ids.slice(i + 1)) {
      const [a, b] = x < y ? [x, y] : [y, x];
      row(s.sink, "case_links", [a, b, group.kind, note, s.staff.coordinators[0] ?? null, stamp]);
      rows++;
    }
  }
  return rows;
}
