/**
 * Who is detained where, in rough proportion to the caseload of a team that follows people held
 * abroad: North Koreans caught in China and the Russian Far East, South Korean missionaries and
 * traders in Russia, China and the North, Western and dual nationals in Russia, Iran, China and
 * Venezuela, Ukrainians and Central Asian migrants in Russia. Facilities are real places of the kind
 * the stories name (Lefortovo, Moscow; SIZO-1, Vladivostok; Evin, Tehran); the people are not.
 */
import type { NameStyle } from "./names";
import { type Weighted, weighted } from "./random";

/** Facility (null when only the city is known) and city. */
export type Facility = readonly [string | null, string];

export interface Destination {
  country: string;
  facilities: readonly Facility[];
  allegations: Weighted<Allegation>;
}

export interface Allegation {
  text: string;
  /** Sealed or classified more often than not. */
  classified: number;
}

export interface Profile {
  nationality: string;
  names: Weighted<{ style: NameStyle; otherCitizenships: readonly string[] }>;
  destinations: Weighted<Destination>;
  occupations: readonly (string | null)[];
  affiliations: readonly (string | null)[];
  /** Share of men among them. */
  male: number;
  /** North Koreans: forced return is the outcome everybody fears. */
  north: boolean;
}

const a = (text: string, classified = 0.05): Allegation => ({ text, classified });

const RU_SPY = [
  [a("Espionage: accused of passing information classed as state secrets to foreign intelligence services.", 0.9), 4],
  [a("High treason (article 275 of the Criminal Code).", 0.95), 2],
  [a("Drug smuggling: customs say cannabis products were found in luggage.", 0.1), 2],
  [a("Illegal border crossing.", 0.05), 2],
  [a("Discrediting the armed forces.", 0.05), 1],
  [a("Participation in a terrorist organisation.", 0.6), 1],
  [a("Fraud on a large scale.", 0.1), 1],
] as const;

const FAR_EAST_BORDER = [
  [a("Illegal border crossing.", 0.02), 6],
  [a("Illegal stay: overstayed a work visa after leaving a labour camp.", 0.02), 3],
  [a("None stated: held at the request of North Korean officials.", 0.2), 3],
  [a("Espionage.", 0.9), 1],
] as const;

const CN_BORDER = [
  [a("Illegal border crossing.", 0.02), 8],
  [a("Illegal residence without papers.", 0.02), 3],
  [a("None stated: detained in a police sweep for North Koreans.", 0.05), 2],
  [a("Organising illegal border crossings (helping defectors).", 0.1), 2],
] as const;

const CN_STATE = [
  [a("Endangering state security.", 0.9), 3],
  [a("Espionage.", 0.9), 2],
  [a("Organising illegal border crossings (helping defectors).", 0.1), 3],
  [a("Illegal religious activity.", 0.1), 2],
  [a("Fraud.", 0.05), 1],
  [a("Exit ban: held as a witness in a commercial dispute.", 0.1), 1],
] as const;

const IR = [
  [a("Espionage for a hostile state.", 0.9), 4],
  [a("Collaboration with a hostile government.", 0.9), 2],
  [a("Propaganda against the system.", 0.5), 2],
  [a("Acting against national security.", 0.8), 3],
  [a("Corruption on earth.", 0.6), 1],
] as const;

const KP = [
  [a("Hostile acts against the state.", 0.95), 4],
  [a("Illegal entry.", 0.3), 2],
  [a("Espionage.", 0.95), 2],
  [a("Anti-state religious activity (distributing Bibles).", 0.6), 2],
  [a("None stated.", 0.8), 1],
] as const;

const VE = [
  [a("Terrorism and conspiracy.", 0.6), 3],
  [a("Illegal entry and espionage.", 0.6), 2],
  [a("Arms trafficking.", 0.3), 1],
] as const;

const GENERIC = [
  [a("Illegal stay.", 0.02), 3],
  [a("Drug offences.", 0.05), 2],
  [a("Espionage.", 0.8), 1],
  [a("None stated.", 0.3), 1],
] as const;

const MIGRANT_RU = [
  [a("Violation of migration rules: working without a permit.", 0.01), 5],
  [a("Participation in a terrorist organisation.", 0.6), 2],
  [a("Drug offences.", 0.05), 2],
  [a("Theft.", 0.02), 1],
  [a("Refusal to serve under a military contract.", 0.3), 1],
] as const;

const UA_RU = [
  [a("Espionage.", 0.9), 3],
  [a("Sabotage.", 0.8), 2],
  [a("Terrorism.", 0.7), 2],
  [a("None stated: held incommunicado after being taken from an occupied area.", 0.9), 4],
  [a("Participation in an extremist organisation (Hizb ut-Tahrir case).", 0.5), 1],
] as const;

const dest = (
  country: string,
  facilities: readonly Facility[],
  allegations: ReadonlyArray<readonly [Allegation, number]>,
) => ({ country, facilities, allegations: weighted(allegations) }) satisfies Destination;

const RU_MOSCOW: readonly Facility[] = [
  ["Lefortovo pre-trial detention centre", "Moscow"],
  ["Matrosskaya Tishina", "Moscow"],
  ["SIZO-1 (Butyrka)", "Moscow"],
  ["SIZO-5 (Vodnik)", "Moscow"],
  ["SIZO-1 (Kresty)", "Saint Petersburg"],
  ["Penal colony IK-17", "Yavas"],
  ["Penal colony IK-2", "Pokrov"],
  ["SIZO-1", "Yekaterinburg"],
  ["SIZO-2", "Kazan"],
  ["SIZO-1", "Vladivostok"],
  [null, "Moscow"],
];
const RU_FAR_EAST: readonly Facility[] = [
  ["SIZO-1", "Vladivostok"],
  ["Centre for the temporary detention of foreign nationals", "Vladivostok"],
  ["Temporary detention facility", "Ussuriysk"],
  ["SIZO-1", "Khabarovsk"],
  ["Centre for the temporary detention of foreign nationals", "Nakhodka"],
  ["Border guard post", "Khasan"],
  ["SIZO-1", "Blagoveshchensk"],
  ["Lefortovo pre-trial detention centre", "Moscow"],
  [null, "Vladivostok"],
  [null, "Khabarovsk"],
];
const RU_MIGRANTS: readonly Facility[] = [
  ["Centre for the temporary detention of foreign nationals (Sakharovo)", "Moscow"],
  ["SIZO-1 (Butyrka)", "Moscow"],
  ["SIZO-5 (Vodnik)", "Moscow"],
  ["SIZO-1", "Yekaterinburg"],
  ["SIZO-1", "Novosibirsk"],
  ["SIZO-1 (Kresty)", "Saint Petersburg"],
  ["SIZO-1", "Krasnoyarsk"],
];
const RU_UKRAINIANS: readonly Facility[] = [
  ["SIZO-2", "Simferopol"],
  ["SIZO-1", "Simferopol"],
  ["SIZO-2", "Taganrog"],
  ["SIZO-1", "Rostov-on-Don"],
  ["Lefortovo pre-trial detention centre", "Moscow"],
  ["SIZO-1", "Kursk"],
  ["SIZO-1", "Bryansk"],
  ["Penal colony IK-10", "Mordovia"],
  [null, "Donetsk"],
];
const CN_BORDER_FACILITIES: readonly Facility[] = [
  ["Dandong detention centre", "Dandong"],
  ["Tumen border detention centre", "Tumen"],
  ["Yanji detention centre", "Yanji"],
  ["Longjing detention centre", "Longjing"],
  ["Helong detention centre", "Helong"],
  ["Hunchun border detention centre", "Hunchun"],
  ["Shenyang Public Security Bureau detention centre", "Shenyang"],
  ["Changbai border post", "Changbai"],
  ["Kunming immigration detention centre", "Kunming"],
  ["Nanning detention centre", "Nanning"],
  [null, "Yanji"],
];
const CN_CITIES: readonly Facility[] = [
  ["Dandong detention centre", "Dandong"],
  ["Shenyang Public Security Bureau detention centre", "Shenyang"],
  ["Yanji detention centre", "Yanji"],
  ["Beijing No. 1 detention centre", "Beijing"],
  ["Beijing State Security Bureau residential surveillance", "Beijing"],
  ["Shanghai No. 1 detention centre", "Shanghai"],
  ["Guangzhou detention centre", "Guangzhou"],
  ["Dalian detention centre", "Dalian"],
  ["Qingdao detention centre", "Qingdao"],
];
const IR_FACILITIES: readonly Facility[] = [
  ["Evin Prison", "Tehran"],
  ["Evin Prison, Ward 209", "Tehran"],
  ["Qezel Hesar Prison", "Karaj"],
  ["Rajaei Shahr Prison", "Karaj"],
  ["Vakilabad Prison", "Mashhad"],
];
const KP_FACILITIES: readonly Facility[] = [
  ["Ministry of State Security detention facility", "Pyongyang"],
  ["Ministry of State Security detention facility", "Sinuiju"],
  ["Hyesan detention centre", "Hyesan"],
  ["Special labour-education camp", "Pyongyang"],
  [null, "Pyongyang"],
  [null, "Rason"],
];
const VE_FACILITIES: readonly Facility[] = [
  ["El Helicoide", "Caracas"],
  ["Rodeo I", "Guatire"],
  ["DGCIM headquarters (Boleíta)", "Caracas"],
];

const korean = (north: boolean) =>
  weighted([[{ style: (north ? "korean-kp" : "korean-kr") as NameStyle, otherCitizenships: [] }, 1]]);

const PROFILES: ReadonlyArray<readonly [Profile, number]> = [
  [
    {
      nationality: "KP",
      names: korean(true),
      destinations: weighted([
        [dest("CN", CN_BORDER_FACILITIES, CN_BORDER), 55],
        [dest("RU", RU_FAR_EAST, FAR_EAST_BORDER), 30],
        [
          dest(
            "LA",
            [
              ["Immigration detention centre", "Vientiane"],
              [null, "Luang Namtha"],
            ],
            GENERIC,
          ),
          4,
        ],
        [
          dest(
            "TH",
            [
              ["Immigration Detention Centre", "Bangkok"],
              ["Chiang Rai provincial prison", "Chiang Rai"],
            ],
            GENERIC,
          ),
          4,
        ],
        [
          dest(
            "VN",
            [
              ["Immigration detention centre", "Hanoi"],
              [null, "Lang Son"],
            ],
            GENERIC,
          ),
          3,
        ],
        [dest("MN", [["Immigration detention facility", "Ulaanbaatar"]], GENERIC), 2],
        [dest("KH", [["Immigration detention centre", "Phnom Penh"]], GENERIC), 2],
      ]),
      occupations: [
        "Labourer",
        "Logging camp worker",
        "Construction worker",
        "Fisherman",
        "Farmer",
        "Factory worker",
        "Soldier (deserted)",
        "Student",
        "Restaurant worker",
        "Trader",
        null,
        null,
      ],
      affiliations: [
        null,
        null,
        null,
        "Korean People's Army (former private)",
        "State trading company",
        "Construction brigade sent to the Russian Far East",
      ],
      male: 0.62,
      north: true,
    },
    30,
  ],
  [
    {
      nationality: "KR",
      names: korean(false),
      destinations: weighted([
        [dest("CN", CN_CITIES, CN_STATE), 40],
        [dest("RU", RU_MOSCOW, RU_SPY), 30],
        [dest("KP", KP_FACILITIES, KP), 20],
        [dest("PH", [["Bureau of Immigration Warden Facility", "Taguig"]], GENERIC), 5],
        [dest("VN", [["Immigration detention centre", "Hanoi"]], GENERIC), 5],
      ]),
      occupations: [
        "Missionary",
        "Pastor",
        "Businessman",
        "Aid worker",
        "Journalist",
        "Tourist",
        "Student",
        "Trader",
        "Fisherman",
      ],
      affiliations: [
        null,
        null,
        "Global Love Rice Sharing Foundation",
        "Protestant mission supporting defectors",
        "Seoul-based human rights NGO",
        "Trading company in Dandong",
        "Korean Christian aid foundation",
      ],
      male: 0.8,
      north: false,
    },
    12,
  ],
  [
    {
      nationality: "US",
      names: weighted([
        [{ style: "english" as NameStyle, otherCitizenships: [] as string[] }, 70],
        [{ style: "russian" as NameStyle, otherCitizenships: ["RU"] }, 12],
        [{ style: "persian" as NameStyle, otherCitizenships: ["IR"] }, 10],
        [{ style: "korean-kr" as NameStyle, otherCitizenships: [] }, 8],
      ]),
      destinations: weighted([
        [dest("RU", RU_MOSCOW, RU_SPY), 35],
        [dest("IR", IR_FACILITIES, IR), 20],
        [dest("CN", CN_CITIES, CN_STATE), 15],
        [dest("VE", VE_FACILITIES, VE), 12],
        [dest("KP", KP_FACILITIES, KP), 8],
        [dest("AF", [["General Directorate of Intelligence detention", "Kabul"]], GENERIC), 5],
        [
          dest(
            "BY",
            [
              ["KGB pre-trial detention centre", "Minsk"],
              ["SIZO-1", "Minsk"],
            ],
            RU_SPY,
          ),
          3,
        ],
        [dest("SY", [["Adra Prison", "Damascus"]], GENERIC), 2],
      ]),
      occupations: [
        "Journalist",
        "Businessman",
        "Teacher",
        "Academic",
        "Aid worker",
        "Tourist",
        "Former marine",
        "Student",
        "Engineer",
        "Consultant",
        "Musician",
        "Basketball player",
      ],
      affiliations: [
        null,
        null,
        null,
        "The Wall Street Journal",
        "Radio Free Europe/Radio Liberty",
        "Private security company",
        "University exchange programme",
      ],
      male: 0.78,
      north: false,
    },
    10,
  ],
  [
    {
      nationality: "GB",
      names: weighted([
        [{ style: "english" as NameStyle, otherCitizenships: [] as string[] }, 75],
        [{ style: "persian" as NameStyle, otherCitizenships: ["IR"] }, 25],
      ]),
      destinations: weighted([
        [dest("IR", IR_FACILITIES, IR), 40],
        [dest("RU", RU_MOSCOW, RU_SPY), 25],
        [dest("CN", CN_CITIES, CN_STATE), 15],
        [dest("AE", [["Al Wathba Prison", "Abu Dhabi"]], GENERIC), 10],
        [dest("EG", [["Tora Prison", "Cairo"]], GENERIC), 10],
      ]),
      occupations: [
        "Charity worker",
        "Academic",
        "Businessman",
        "Journalist",
        "Student",
        "Retired engineer",
        "Tourist",
      ],
      affiliations: [
        null,
        null,
        "Thomson Reuters Foundation",
        "University research project",
        "Humanitarian demining charity",
      ],
      male: 0.7,
      north: false,
    },
    5,
  ],
  [
    {
      nationality: "FR",
      names: weighted([
        [{ style: "french" as NameStyle, otherCitizenships: [] as string[] }, 80],
        [{ style: "persian" as NameStyle, otherCitizenships: ["IR"] }, 20],
      ]),
      destinations: weighted([
        [dest("IR", IR_FACILITIES, IR), 50],
        [dest("RU", RU_MOSCOW, RU_SPY), 20],
        [dest("VE", VE_FACILITIES, VE), 10],
        [
          dest(
            "ML",
            [
              ["Bamako Central Prison", "Bamako"],
              [null, "Gao"],
            ],
            GENERIC,
          ),
          10,
        ],
        [dest("DZ", [["El Harrach Prison", "Algiers"]], GENERIC), 10],
      ]),
      occupations: ["Researcher", "Teacher", "Tourist", "Journalist", "Aid worker", "Cyclist"],
      affiliations: [null, null, "Sciences Po", "Humanitarian NGO"],
      male: 0.7,
      north: false,
    },
    4,
  ],
  [
    {
      nationality: "DE",
      names: weighted([
        [{ style: "german" as NameStyle, otherCitizenships: [] as string[] }, 75],
        [{ style: "persian" as NameStyle, otherCitizenships: ["IR"] }, 15],
        [{ style: "russian" as NameStyle, otherCitizenships: ["RU"] }, 10],
      ]),
      destinations: weighted([
        [dest("IR", IR_FACILITIES, IR), 35],
        [dest("RU", RU_MOSCOW, RU_SPY), 30],
        [dest("TR", [["Silivri Prison", "Istanbul"]], GENERIC), 20],
        [dest("CN", CN_CITIES, CN_STATE), 15],
      ]),
      occupations: ["Journalist", "Businessman", "Architect", "Student", "Human rights defender"],
      affiliations: [null, null, "Die Welt", "German foundation"],
      male: 0.7,
      north: false,
    },
    2,
  ],
  [
    {
      nationality: "CA",
      names: weighted([[{ style: "english" as NameStyle, otherCitizenships: [] as string[] }, 1]]),
      destinations: weighted([
        [dest("CN", CN_CITIES, CN_STATE), 60],
        [dest("IR", IR_FACILITIES, IR), 25],
        [dest("KP", KP_FACILITIES, KP), 15],
      ]),
      occupations: ["Former diplomat", "Businessman", "Pastor", "Consultant"],
      affiliations: [null, "International Crisis Group", "Tour company"],
      male: 0.8,
      north: false,
    },
    2,
  ],
  [
    {
      nationality: "JP",
      names: weighted([[{ style: "japanese" as NameStyle, otherCitizenships: [] as string[] }, 1]]),
      destinations: weighted([
        [dest("CN", CN_CITIES, CN_STATE), 75],
        [dest("KP", KP_FACILITIES, KP), 25],
      ]),
      occupations: ["Businessman", "Pharmaceutical executive", "Academic", "Hot-spring surveyor"],
      affiliations: [null, "Pharmaceutical company", null],
      male: 0.85,
      north: false,
    },
    1.5,
  ],
  [
    {
      nationality: "SE",
      names: weighted([
        [{ style: "persian" as NameStyle, otherCitizenships: ["IR"] }, 60],
        [{ style: "english" as NameStyle, otherCitizenships: [] as string[] }, 40],
      ]),
      destinations: weighted([
        [dest("IR", IR_FACILITIES, IR), 80],
        [dest("CN", CN_CITIES, CN_STATE), 20],
      ]),
      occupations: ["Physician", "Researcher", "EU official", "Bookseller"],
      affiliations: [null, "Karolinska Institute"],
      male: 0.75,
      north: false,
    },
    1,
  ],
  [
    {
      nationality: "UA",
      names: weighted([[{ style: "ukrainian" as NameStyle, otherCitizenships: [] as string[] }, 1]]),
      destinations: weighted([
        [dest("RU", RU_UKRAINIANS, UA_RU), 90],
        [
          dest(
            "BY",
            [
              ["SIZO-1", "Minsk"],
              ["KGB pre-trial detention centre", "Minsk"],
            ],
            RU_SPY,
          ),
          10,
        ],
      ]),
      occupations: [
        "Civilian volunteer",
        "Journalist",
        "Farmer",
        "Teacher",
        "Activist",
        "Fisherman",
        "Driver",
        "Mayor",
        "Medic",
      ],
      affiliations: [null, null, "Crimean Tatar Resource Center", "Local council", "Volunteer evacuation group"],
      male: 0.75,
      north: false,
    },
    12,
  ],
  ...(["UZ", "TJ", "KZ", "KG"] as const).map(
    (nationality, i) =>
      [
        {
          nationality,
          names: weighted([[{ style: "central-asian" as NameStyle, otherCitizenships: [] as string[] }, 1]]),
          destinations: weighted([
            [dest("RU", RU_MIGRANTS, MIGRANT_RU), nationality === "KZ" ? 60 : 90],
            [
              dest(
                "CN",
                [
                  ["Detention centre", "Urumqi"],
                  ["Detention centre", "Ghulja"],
                ],
                CN_STATE,
              ),
              nationality === "KZ" ? 40 : 10,
            ],
          ]),
          occupations: ["Construction worker", "Taxi driver", "Market trader", "Courier", "Labour migrant", "Cook"],
          affiliations: [null, null, null],
          male: 0.85,
          north: false,
        },
        [4, 3, 2, 2][i] ?? 2,
      ] as const,
  ),
  [
    {
      nationality: "RU",
      names: weighted([[{ style: "russian" as NameStyle, otherCitizenships: [] as string[] }, 1]]),
      destinations: weighted([
        [
          dest(
            "KP",
            [
              ["Detention facility", "Wonsan"],
              [null, "Rason"],
            ],
            KP,
          ),
          30,
        ],
        [
          dest(
            "CN",
            [
              ["Detention centre", "Heihe"],
              ["Detention centre", "Suifenhe"],
            ],
            CN_STATE,
          ),
          40,
        ],
        [dest("AZ", [["Pre-trial detention centre", "Baku"]], GENERIC), 30],
      ]),
      occupations: ["Fisherman", "Trader", "Blogger", "IT specialist"],
      affiliations: [null, "Fishing company in Nakhodka"],
      male: 0.85,
      north: false,
    },
    2,
  ],
  [
    {
      nationality: "CN",
      names: weighted([[{ style: "chinese" as NameStyle, otherCitizenships: [] as string[] }, 1]]),
      destinations: weighted([
        [dest("KP", KP_FACILITIES, KP), 40],
        [dest("RU", RU_FAR_EAST, RU_SPY), 60],
      ]),
      occupations: ["Fisherman", "Trader", "Smuggler", "Tour guide"],
      affiliations: [null, "Fishing cooperative in Dalian"],
      male: 0.85,
      north: false,
    },
    2,
  ],
];

export const PROFILE_TABLE = weighted(PROFILES);
