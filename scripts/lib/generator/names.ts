/**
 * Synthetic names as the sources give them: a common romanization, the name in its own script, and
 * the other spellings that turn up in reports (Baek / Paek / Paik, Jun / Jeon / Chon, Kyung / Kyong /
 * Gyong, "Won-soon" / "Wonsoon" / "Won Sun"; Yevgeny / Yevgeniy / Evgenii). Search has to bridge
 * exactly these differences, so the generated data has plenty of them.
 */
import { type Random, type Weighted, weighted } from "./random";

export type NameStyle =
  | "korean-kr"
  | "korean-kp"
  | "russian"
  | "ukrainian"
  | "central-asian"
  | "chinese"
  | "japanese"
  | "persian"
  | "english"
  | "french"
  | "german";

export interface GeneratedName {
  fullName: string;
  nativeName: string | null;
  otherNames: string[];
}

type Sex = "male" | "female";

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const uniqueOthers = (full: string, list: string[], max: number) =>
  [...new Set(list)].filter((n) => n !== full && n.trim() !== "").slice(0, max);

/* ----------------------------------------------------------------------------------------------
 * Korean: surname and two given-name syllables, each with the South Korean customary spelling,
 * the North Korean (McCune–Reischauer without diacritics) spelling and other spellings seen in print.
 * -------------------------------------------------------------------------------------------- */

/** [Hangul, South Korean spelling, North Korean spelling, other spellings, weight]. */
export type KoreanPart = readonly [string, string, string, readonly string[], number];

const KOREAN_SURNAMES: readonly KoreanPart[] = [
  ["김", "Kim", "Kim", ["Gim"], 21],
  ["이", "Lee", "Ri", ["Yi", "Rhee"], 15],
  ["박", "Park", "Pak", ["Bak", "Pahk"], 8],
  ["최", "Choi", "Choe", ["Chwe"], 5],
  ["정", "Jung", "Jong", ["Jeong", "Chung", "Chong"], 4],
  ["강", "Kang", "Kang", ["Gang"], 2.4],
  ["조", "Cho", "Jo", ["Joe"], 2.1],
  ["윤", "Yoon", "Yun", ["Youn"], 2.1],
  ["장", "Jang", "Jang", ["Chang"], 2],
  ["임", "Lim", "Rim", ["Im", "Yim"], 1.7],
  ["한", "Han", "Han", [], 1.5],
  ["오", "Oh", "O", [], 1.5],
  ["서", "Seo", "So", ["Suh"], 1.5],
  ["신", "Shin", "Sin", [], 1.5],
  ["권", "Kwon", "Kwon", ["Gwon", "Kweon"], 1.4],
  ["황", "Hwang", "Hwang", [], 1.4],
  ["안", "Ahn", "An", [], 1.3],
  ["송", "Song", "Song", [], 1.3],
  ["류", "Ryu", "Ryu", ["Yoo", "Yu"], 1.1],
  ["홍", "Hong", "Hong", [], 1.1],
  ["전", "Jun", "Jon", ["Jeon", "Chon", "Chun"], 1.1],
  ["고", "Ko", "Ko", ["Go", "Koh"], 0.9],
  ["문", "Moon", "Mun", [], 0.9],
  ["손", "Son", "Son", ["Sohn"], 0.9],
  ["배", "Bae", "Pae", [], 0.8],
  ["백", "Baek", "Paek", ["Paik", "Baik"], 0.8],
  ["허", "Heo", "Ho", ["Hur", "Huh"], 0.6],
  ["남", "Nam", "Nam", [], 0.5],
  ["심", "Shim", "Sim", [], 0.5],
  ["노", "Noh", "No", ["Roh", "Ro"], 0.5],
  ["하", "Ha", "Ha", [], 0.4],
  ["곽", "Kwak", "Kwak", ["Gwak"], 0.4],
  ["성", "Sung", "Song", ["Seong"], 0.4],
  ["차", "Cha", "Cha", [], 0.4],
  ["주", "Joo", "Ju", ["Chu"], 0.4],
  ["우", "Woo", "U", [], 0.3],
  ["구", "Koo", "Ku", ["Gu"], 0.3],
  ["민", "Min", "Min", [], 0.3],
  ["진", "Jin", "Jin", ["Chin"], 0.3],
  ["엄", "Eom", "Om", ["Um", "Uhm"], 0.3],
  ["채", "Chae", "Chae", [], 0.3],
  ["천", "Cheon", "Chon", ["Chun"], 0.2],
  ["방", "Bang", "Pang", [], 0.2],
  ["현", "Hyun", "Hyon", ["Hyeon"], 0.2],
  ["변", "Byun", "Pyon", ["Byeon", "Pyun"], 0.2],
  ["석", "Seok", "Sok", ["Suk"], 0.2],
  ["길", "Gil", "Kil", [], 0.1],
  ["탁", "Tak", "Thak", [], 0.1],
];

const KOREAN_SYLLABLES: readonly KoreanPart[] = [
  ["원", "won", "won", [], 1],
  ["순", "soon", "sun", ["sun"], 1],
  ["경", "kyung", "kyong", ["gyeong", "gyong", "kyeong"], 1.2],
  ["철", "chul", "chol", ["cheol"], 1.2],
  ["영", "young", "yong", ["yeong"], 1.3],
  ["수", "soo", "su", ["su"], 1.2],
  ["민", "min", "min", [], 1.2],
  ["지", "ji", "ji", ["chi"], 1],
  ["혜", "hye", "hye", ["hae"], 0.6],
  ["진", "jin", "jin", ["chin"], 1],
  ["호", "ho", "ho", [], 1],
  ["성", "sung", "song", ["seong"], 1.2],
  ["현", "hyun", "hyon", ["hyeon"], 1],
  ["준", "joon", "jun", ["jun", "chun"], 1],
  ["희", "hee", "hui", ["hi", "heui"], 0.8],
  ["정", "jung", "jong", ["jeong", "chong"], 1],
  ["은", "eun", "un", [], 0.7],
  ["광", "kwang", "kwang", ["gwang"], 0.8],
  ["명", "myung", "myong", ["myeong"], 0.8],
  ["석", "suk", "sok", ["seok"], 0.7],
  ["일", "il", "il", [], 0.7],
  ["남", "nam", "nam", [], 0.6],
  ["혁", "hyuk", "hyok", ["hyeok"], 0.7],
  ["동", "dong", "tong", [], 0.7],
  ["국", "kook", "guk", ["kuk"], 0.6],
  ["금", "keum", "kum", ["geum"], 0.5],
  ["옥", "ok", "ok", [], 0.5],
  ["춘", "choon", "chun", [], 0.5],
  ["미", "mi", "mi", [], 0.6],
  ["연", "yeon", "yon", ["yun"], 0.7],
  ["태", "tae", "thae", ["tai"], 0.7],
  ["용", "yong", "yong", ["ryong"], 0.8],
  ["상", "sang", "sang", [], 0.7],
  ["학", "hak", "hak", [], 0.4],
  ["범", "bum", "pom", ["beom"], 0.4],
  ["선", "sun", "son", ["seon"], 0.6],
  ["숙", "sook", "suk", [], 0.5],
  ["화", "hwa", "hwa", [], 0.5],
  ["세", "se", "se", [], 0.4],
  ["규", "kyu", "kyu", ["gyu"], 0.4],
  ["우", "woo", "u", [], 0.5],
  ["재", "jae", "jae", ["chae"], 0.6],
  ["윤", "yoon", "yun", [], 0.5],
  ["하", "ha", "ha", [], 0.4],
  ["훈", "hoon", "hun", [], 0.5],
  ["기", "ki", "ki", ["gi"], 0.5],
  ["근", "keun", "kun", ["geun"], 0.4],
  ["봉", "bong", "pong", [], 0.3],
  ["복", "bok", "pok", [], 0.3],
  ["만", "man", "man", [], 0.3],
  ["삼", "sam", "sam", [], 0.2],
];

const KOREAN_SURNAME_TABLE = weighted(KOREAN_SURNAMES.map((p) => [p, p[4]] as const));
const KOREAN_SYLLABLE_TABLE = weighted(KOREAN_SYLLABLES.map((p) => [p, p[4]] as const));

/** Every spelling of a part, the canonical one for the side of the border first. */
function spellings(part: KoreanPart, north: boolean): string[] {
  const canonical = north ? part[2] : part[1];
  return [...new Set([canonical, part[1], part[2], ...part[3]])];
}

/** A Korean name; `surname` fixes the family name (relatives detained together). */
export function koreanName(rng: Random, north: boolean, surname?: KoreanPart): GeneratedName & { surname: KoreanPart } {
  const family = surname ?? rng.weighted(KOREAN_SURNAME_TABLE);
  const s1 = rng.weighted(KOREAN_SYLLABLE_TABLE);
  let s2 = rng.weighted(KOREAN_SYLLABLE_TABLE);
  if (s2 === s1) s2 = rng.weighted(KOREAN_SYLLABLE_TABLE);
  const fam = spellings(family, north);
  const a = spellings(s1, north);
  const b = spellings(s2, north);
  const fullName = `${fam[0]} ${cap(a[0]!)}-${b[0]}`;
  const nativeName = `${family[0]}${s1[0]}${s2[0]}`;
  const others: string[] = [];
  if (rng.chance(0.88)) {
    const count = rng.int(1, 3);
    for (let i = 0; i < count * 2 && others.length < count; i++) {
      const f = rng.chance(0.6) ? rng.pick(fam) : fam[0]!;
      const x = rng.chance(0.6) ? rng.pick(a) : a[0]!;
      const y = rng.chance(0.6) ? rng.pick(b) : b[0]!;
      const given = rng.weighted(GIVEN_FORMS)(x, y);
      const name = rng.chance(0.15) ? `${given} ${f}` : `${f} ${given}`;
      if (name !== fullName && !others.includes(name)) others.push(name);
    }
  }
  return { fullName, nativeName, otherNames: uniqueOthers(fullName, others, 3), surname: family };
}

/** "Won-soon", "Wonsoon", "Won Sun", "Won-Soon". */
const GIVEN_FORMS: Weighted<(x: string, y: string) => string> = weighted([
  [(x: string, y: string) => `${cap(x)}-${y}`, 4],
  [(x: string, y: string) => `${cap(x)}${y}`, 3],
  [(x: string, y: string) => `${cap(x)} ${cap(y)}`, 3],
  [(x: string, y: string) => `${cap(x)}-${cap(y)}`, 1],
]);

/** A spelling-variant query for a Korean name in the data ("Baek Won-soon" → "Paek Won Sun"), for the bench. */
export function koreanVariantQuery(fullName: string): string | null {
  const m = /^(\S+) ([A-Z][a-z]+)-([a-z]+)$/.exec(fullName);
  if (!m) return null;
  const [, family, x, y] = m as unknown as [string, string, string, string];
  const alt = (value: string, parts: readonly KoreanPart[]) => {
    const lower = value.toLowerCase();
    const part = parts.find((p) => p[1].toLowerCase() === lower || p[2].toLowerCase() === lower);
    const other = part ? [part[1], part[2], ...part[3]].find((s) => s.toLowerCase() !== lower) : undefined;
    return cap((other ?? value).toLowerCase());
  };
  return `${alt(family, KOREAN_SURNAMES)} ${alt(x, KOREAN_SYLLABLES)} ${alt(y, KOREAN_SYLLABLES)}`;
}

/* ----------------------------------------------------------------------------------------------
 * Cyrillic names, romanized by several systems: what English-language press writes (Yevgeny,
 * Dmitry), BGN/PCGN (Yevgeniy), the passport system since 2013 (Evgenii) and a plain one (Evgeniy).
 * -------------------------------------------------------------------------------------------- */

interface Scheme {
  map: Record<string, string>;
  /** At the start of a word, or after a vowel or a soft/hard sign (only at the start with `initialOnly`). */
  initial?: Record<string, string>;
  initialOnly?: boolean;
  /** Word endings replaced before anything else. */
  endings?: ReadonlyArray<readonly [string, string]>;
}

const RU_BASE: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "yo",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};

const RU_SCHEMES: readonly Scheme[] = [
  // English-language press: Yevgeny, Dmitry, Fyodor, Yury.
  {
    map: RU_BASE,
    initial: { е: "ye", ё: "yo" },
    endings: [
      ["ий", "y"],
      ["ый", "y"],
    ],
  },
  // BGN/PCGN: Yevgeniy, Dmitriy, Yuriy.
  {
    map: RU_BASE,
    initial: { е: "ye", ё: "yo" },
    endings: [
      ["ий", "iy"],
      ["ый", "yy"],
    ],
  },
  // Russian passports since 2013 (ICAO Doc 9303): Evgenii, Dmitrii, Iurii, Fedor.
  { map: { ...RU_BASE, ё: "e", й: "i", ю: "iu", я: "ia", ъ: "ie" } },
  // Plain: Evgeniy, Dmitriy, Yuriy, Fedor.
  { map: { ...RU_BASE, ё: "e" }, endings: [["ий", "iy"]] },
];

const UA_BASE: Record<string, string> = {
  ...RU_BASE,
  г: "h",
  ґ: "g",
  е: "e",
  є: "ie",
  и: "y",
  і: "i",
  ї: "i",
  й: "i",
  ю: "iu",
  я: "ia",
  "'": "",
  "’": "",
};
const UA_SCHEMES: readonly Scheme[] = [
  // Ukraine's official system (2010): Oleksandr, Andrii, Yevhen, Hryhorii, Yurii.
  { map: UA_BASE, initial: { є: "ye", ї: "yi", й: "y", ю: "yu", я: "ya" }, initialOnly: true },
  // Older passports and press: Andriy, Yevhen, Serhiy.
  { map: { ...UA_BASE, й: "y", ю: "yu", я: "ya", є: "ye", ї: "yi" }, endings: [["ій", "iy"]] },
  // Through Russian and German habits: Andrij, Evgen, Gryhorij, Yurij.
  { map: { ...UA_BASE, г: "g", є: "e", й: "j" }, initial: { ю: "yu", я: "ya" }, initialOnly: true },
];

const VOWELS = new Set("аеёиоуыэюяієї");

function romanize(cyrillic: string, scheme: Scheme): string {
  return cyrillic
    .split(" ")
    .map((word) => {
      let w = word.toLowerCase();
      let tail = "";
      for (const [ending, latin] of scheme.endings ?? []) {
        if (w.endsWith(ending)) {
          w = w.slice(0, -ending.length);
          tail = latin;
          break;
        }
      }
      let out = "";
      for (let i = 0; i < w.length; i++) {
        const ch = w[i]!;
        const prev = i > 0 ? w[i - 1]! : "";
        const atStart = i === 0 || (!scheme.initialOnly && (VOWELS.has(prev) || prev === "ь" || prev === "ъ"));
        out += (atStart ? scheme.initial?.[ch] : undefined) ?? scheme.map[ch] ?? ch;
      }
      return cap(out + tail);
    })
    .join(" ");
}

const RU_MALE = [
  "Евгений",
  "Александр",
  "Сергей",
  "Дмитрий",
  "Андрей",
  "Алексей",
  "Михаил",
  "Иван",
  "Николай",
  "Владимир",
  "Юрий",
  "Павел",
  "Виктор",
  "Олег",
  "Игорь",
  "Максим",
  "Артём",
  "Григорий",
  "Кирилл",
  "Фёдор",
  "Вячеслав",
  "Геннадий",
  "Анатолий",
  "Илья",
  "Роман",
  "Евгений",
  "Василий",
  "Аркадий",
];
const RU_FEMALE = [
  "Екатерина",
  "Елена",
  "Ольга",
  "Наталья",
  "Татьяна",
  "Ирина",
  "Юлия",
  "Анна",
  "Мария",
  "Светлана",
  "Ксения",
  "Алсу",
  "Дарья",
  "Евгения",
  "Людмила",
  "Валерия",
];
const RU_SURNAMES = [
  "Иванов",
  "Смирнов",
  "Кузнецов",
  "Попов",
  "Васильев",
  "Петров",
  "Соколов",
  "Михайлов",
  "Новиков",
  "Фёдоров",
  "Морозов",
  "Волков",
  "Алексеев",
  "Лебедев",
  "Семёнов",
  "Егоров",
  "Павлов",
  "Козлов",
  "Степанов",
  "Николаев",
  "Орлов",
  "Андреев",
  "Макаров",
  "Никитин",
  "Захаров",
  "Зайцев",
  "Соловьёв",
  "Борисов",
  "Яковлев",
  "Григорьев",
  "Романов",
  "Воробьёв",
  "Сергеев",
  "Фролов",
  "Королёв",
  "Гусев",
  "Киселёв",
  "Ильин",
  "Поляков",
  "Сорокин",
  "Виноградов",
  "Ковалёв",
  "Белов",
  "Медведев",
  "Антонов",
  "Тарасов",
  "Жуков",
  "Баранов",
  "Комаров",
  "Давыдов",
  "Беляев",
  "Богданов",
  "Осипов",
  "Сидоров",
  "Миронов",
  "Крылов",
  "Карпов",
  "Власов",
  "Мельников",
  "Денисов",
  "Тихонов",
  "Казаков",
  "Афанасьев",
  "Чернов",
  "Щербаков",
  "Назаров",
  "Калинин",
  "Быков",
  "Лазарев",
  "Громов",
  "Покровский",
  "Никольский",
  "Вишневский",
  "Ёлкин",
];

const UA_MALE = [
  "Олександр",
  "Андрій",
  "Сергій",
  "Дмитро",
  "Микола",
  "Василь",
  "Іван",
  "Юрій",
  "Олег",
  "Тарас",
  "Богдан",
  "Віталій",
  "Ігор",
  "Максим",
  "Петро",
  "Володимир",
  "Євген",
  "Григорій",
  "Остап",
  "Роман",
  "Юрій",
];
const UA_FEMALE = [
  "Олена",
  "Ірина",
  "Наталія",
  "Оксана",
  "Тетяна",
  "Юлія",
  "Галина",
  "Людмила",
  "Марія",
  "Вікторія",
  "Ганна",
  "Катерина",
  "Євгенія",
];
const UA_SURNAMES = [
  "Шевченко",
  "Бондаренко",
  "Коваленко",
  "Ткаченко",
  "Кравченко",
  "Бойко",
  "Коваль",
  "Олійник",
  "Мельник",
  "Шевчук",
  "Поліщук",
  "Лисенко",
  "Марченко",
  "Савченко",
  "Руденко",
  "Мороз",
  "Петренко",
  "Клименко",
  "Павленко",
  "Кравчук",
  "Козак",
  "Гончаренко",
  "Левченко",
  "Карпенко",
  "Сидоренко",
  "Кузьменко",
  "Ткачук",
  "Литвиненко",
  "Захарченко",
  "Яковенко",
  "Гриценко",
  "Асанов",
  "Умеров",
];

const CA_MALE = [
  "Рустам",
  "Дильшод",
  "Шерзод",
  "Фарход",
  "Азамат",
  "Нурлан",
  "Бахтиёр",
  "Жасур",
  "Тимур",
  "Улугбек",
  "Санжар",
  "Алишер",
  "Ержан",
  "Далер",
  "Фирдавс",
  "Бекзод",
  "Акмал",
  "Исломжон",
  "Бауржан",
  "Мирзо",
];
const CA_FEMALE = [
  "Айгуль",
  "Дилноза",
  "Гульнара",
  "Нигора",
  "Мадина",
  "Зарина",
  "Шахноза",
  "Малика",
  "Гульмира",
  "Айжан",
];
const CA_SURNAMES = [
  "Каримов",
  "Юсупов",
  "Рахимов",
  "Назаров",
  "Турсунов",
  "Эргашев",
  "Абдуллаев",
  "Садыков",
  "Исмаилов",
  "Жумабаев",
  "Касымов",
  "Ахмедов",
  "Мирзоев",
  "Сафаров",
  "Рахмонов",
  "Шарипов",
  "Усманов",
  "Хасанов",
  "Холматов",
  "Нурматов",
  "Алиев",
  "Токтогулов",
  "Бекмуратов",
  "Азимов",
  "Юлдашев",
];

/** The feminine form of a Russian-style surname (Ivanov → Ivanova, Pokrovsky → Pokrovskaya). */
function feminine(surname: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(surname)) return `${surname}а`;
  if (/ский$/.test(surname)) return surname.replace(/ский$/, "ская");
  if (/цкий$/.test(surname)) return surname.replace(/цкий$/, "цкая");
  return surname;
}

function cyrillicName(
  rng: Random,
  sex: Sex,
  lists: { male: string[]; female: string[]; surnames: string[] },
  schemes: readonly Scheme[],
  surname?: string,
): GeneratedName {
  const given = rng.pick(sex === "female" ? lists.female : lists.male);
  const family = surname ?? rng.pick(lists.surnames);
  const nativeName = `${given} ${sex === "female" ? feminine(family) : family}`;
  const forms = schemes.map((s) => romanize(nativeName, s));
  const fullName = forms[0]!;
  const others = rng.chance(0.85) ? forms.slice(1) : forms.slice(1, 2);
  return { fullName, nativeName, otherNames: uniqueOthers(fullName, others, 3) };
}

/* ----------------------------------------------------------------------------------------------
 * Other scripts: Chinese (pinyin and Wade–Giles), Japanese, Persian; Latin-only names with the
 * variants reports produce (accents dropped, umlauts spelled out, initials, nicknames).
 * -------------------------------------------------------------------------------------------- */

const ZH_SURNAMES = [
  ["王", "Wang", "Wang"],
  ["李", "Li", "Lee"],
  ["张", "Zhang", "Chang"],
  ["刘", "Liu", "Liu"],
  ["陈", "Chen", "Chen"],
  ["杨", "Yang", "Yang"],
  ["黄", "Huang", "Wong"],
  ["赵", "Zhao", "Chao"],
  ["周", "Zhou", "Chou"],
  ["吴", "Wu", "Wu"],
  ["徐", "Xu", "Hsu"],
  ["孙", "Sun", "Sun"],
  ["朱", "Zhu", "Chu"],
  ["郭", "Guo", "Kuo"],
  ["林", "Lin", "Lin"],
  ["高", "Gao", "Kao"],
] as const;
const ZH_GIVEN = [
  ["伟", "Wei", "Wei"],
  ["芳", "Fang", "Fang"],
  ["敏", "Min", "Min"],
  ["静", "Jing", "Ching"],
  ["强", "Qiang", "Chiang"],
  ["磊", "Lei", "Lei"],
  ["军", "Jun", "Chun"],
  ["勇", "Yong", "Yung"],
  ["杰", "Jie", "Chieh"],
  ["明", "Ming", "Ming"],
  ["秀英", "Xiuying", "Hsiu-ying"],
  ["建华", "Jianhua", "Chien-hua"],
  ["志强", "Zhiqiang", "Chih-chiang"],
  ["海燕", "Haiyan", "Hai-yen"],
  ["国庆", "Guoqing", "Kuo-ching"],
] as const;

const JA_SURNAMES = [
  ["佐藤", "Sato", "Satoh"],
  ["鈴木", "Suzuki", "Suzuki"],
  ["高橋", "Takahashi", "Takahasi"],
  ["田中", "Tanaka", "Tanaka"],
  ["伊藤", "Ito", "Itoh"],
  ["渡辺", "Watanabe", "Watanabe"],
  ["山本", "Yamamoto", "Yamamoto"],
  ["中村", "Nakamura", "Nakamura"],
  ["加藤", "Kato", "Katoh"],
] as const;
const JA_GIVEN = [
  ["健一", "Kenichi", "Ken'ichi"],
  ["浩", "Hiroshi", "Hirosi"],
  ["大輔", "Daisuke", "Daisuke"],
  ["翔太", "Shota", "Shouta"],
  ["裕子", "Yuko", "Yuuko"],
  ["恵子", "Keiko", "Keiko"],
  ["太郎", "Taro", "Tarou"],
  ["誠", "Makoto", "Makoto"],
  ["洋子", "Yoko", "Youko"],
] as const;

const FA_GIVEN = [
  ["محمد", "Mohammad", ["Mohammed", "Muhammad"]],
  ["علی", "Ali", []],
  ["رضا", "Reza", []],
  ["حسین", "Hossein", ["Hosein", "Hussein"]],
  ["مهدی", "Mehdi", ["Mahdi"]],
  ["امیر", "Amir", []],
  ["حمید", "Hamid", []],
  ["سعید", "Saeed", ["Said"]],
  ["مریم", "Maryam", ["Mariam"]],
  ["فاطمه", "Fatemeh", ["Fatima"]],
  ["زهرا", "Zahra", []],
  ["نرگس", "Narges", []],
  ["نسرین", "Nasrin", ["Nasreen"]],
] as const;
const FA_SURNAMES = [
  ["احمدی", "Ahmadi", []],
  ["حسینی", "Hosseini", ["Husseini"]],
  ["کریمی", "Karimi", []],
  ["رضایی", "Rezaei", ["Rezaee", "Rezaie"]],
  ["محمدی", "Mohammadi", ["Mohamadi"]],
  ["موسوی", "Mousavi", ["Musavi", "Moussavi"]],
  ["جعفری", "Jafari", ["Jaafari"]],
  ["نوری", "Nouri", ["Nuri"]],
  ["رحیمی", "Rahimi", []],
  ["صادقی", "Sadeghi", ["Sadeqi"]],
  ["طاهری", "Taheri", []],
  ["کاظمی", "Kazemi", []],
] as const;

const EN_MALE = [
  "Michael",
  "David",
  "James",
  "Robert",
  "John",
  "Paul",
  "Mark",
  "Daniel",
  "Thomas",
  "Matthew",
  "Andrew",
  "Christopher",
  "Brian",
  "Kevin",
  "Steven",
  "Trevor",
  "Evan",
  "Marc",
  "Austin",
  "Ryan",
];
const EN_FEMALE = [
  "Jennifer",
  "Sarah",
  "Emily",
  "Jessica",
  "Laura",
  "Anna",
  "Rebecca",
  "Elizabeth",
  "Rachel",
  "Karen",
  "Brittney",
  "Kylie",
  "Caroline",
];
const EN_SURNAMES = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Miller",
  "Davis",
  "Wilson",
  "Taylor",
  "Anderson",
  "Moore",
  "Martin",
  "Jackson",
  "Thompson",
  "White",
  "Harris",
  "Clark",
  "Lewis",
  "Walker",
  "Hall",
  "Young",
  "King",
  "Wright",
  "Turner",
  "Fletcher",
  "Sullivan",
  "Morgan",
];
const NICKNAMES: Record<string, string> = {
  Michael: "Mike",
  Robert: "Bob",
  Daniel: "Dan",
  Thomas: "Tom",
  Elizabeth: "Liz",
  Matthew: "Matt",
  Andrew: "Andy",
  Christopher: "Chris",
  Steven: "Steve",
  Jennifer: "Jen",
  Rebecca: "Becky",
};

const FR_MALE = [
  "Benjamin",
  "Louis",
  "Loïc",
  "Frédéric",
  "François",
  "Jérôme",
  "Stéphane",
  "Mathieu",
  "Thomas",
  "Cédric",
  "Rémi",
];
const FR_FEMALE = ["Cécile", "Hélène", "Aurélie", "Camille", "Sophie", "Élise", "Noémie"];
const FR_SURNAMES = [
  "Lefèvre",
  "Lemoine",
  "Moreau",
  "Girard",
  "Dubois",
  "Laurent",
  "Lemaire",
  "Rousseau",
  "Fournier",
  "Mercier",
  "Chevalier",
  "Delaunay",
];

const DE_MALE = ["Jürgen", "Günter", "Jörg", "Björn", "Stefan", "Andreas", "Uwe", "Matthias"];
const DE_FEMALE = ["Katrin", "Sabine", "Jördis", "Anja", "Sünje"];
const DE_SURNAMES = [
  "Müller",
  "Schäfer",
  "Schröder",
  "Weiß",
  "Köhler",
  "Krüger",
  "Schneider",
  "Fischer",
  "Becker",
  "Hoffmann",
  "Größer",
];

const stripAccents = (s: string) => s.normalize("NFKD").replace(/\p{M}+/gu, "");
const germanSpelling = (s: string) =>
  s
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/Ä/g, "Ae")
    .replace(/Ö/g, "Oe")
    .replace(/Ü/g, "Ue")
    .replace(/ß/g, "ss");

function latinName(
  rng: Random,
  sex: Sex,
  male: string[],
  female: string[],
  surnames: string[],
  variants: (n: string, given: string, family: string) => string[],
): GeneratedName {
  const given = rng.pick(sex === "female" ? female : male);
  const family = rng.pick(surnames);
  const fullName = `${given} ${family}`;
  const others = rng.chance(0.55) ? variants(fullName, given, family) : [];
  return { fullName, nativeName: null, otherNames: uniqueOthers(fullName, others, 2) };
}

/** A name in the given style. */
export function makeName(rng: Random, style: NameStyle, sex: Sex): GeneratedName {
  switch (style) {
    case "korean-kr":
    case "korean-kp": {
      const { surname: _s, ...name } = koreanName(rng, style === "korean-kp");
      return name;
    }
    case "russian":
      return cyrillicName(rng, sex, { male: RU_MALE, female: RU_FEMALE, surnames: RU_SURNAMES }, RU_SCHEMES);
    case "ukrainian":
      return cyrillicName(rng, sex, { male: UA_MALE, female: UA_FEMALE, surnames: UA_SURNAMES }, UA_SCHEMES);
    case "central-asian":
      return cyrillicName(rng, sex, { male: CA_MALE, female: CA_FEMALE, surnames: CA_SURNAMES }, RU_SCHEMES);
    case "chinese": {
      const f = rng.pick(ZH_SURNAMES);
      const g = rng.pick(ZH_GIVEN);
      const fullName = `${f[1]} ${g[1]}`;
      return {
        fullName,
        nativeName: `${f[0]}${g[0]}`,
        otherNames: uniqueOthers(fullName, [`${f[2]} ${g[2]}`, `${g[1]} ${f[1]}`], 2),
      };
    }
    case "japanese": {
      const f = rng.pick(JA_SURNAMES);
      const g = rng.pick(JA_GIVEN);
      const fullName = `${g[1]} ${f[1]}`;
      return {
        fullName,
        nativeName: `${f[0]}${g[0]}`,
        otherNames: uniqueOthers(fullName, [`${f[1]} ${g[1]}`, `${g[2]} ${f[2]}`], 2),
      };
    }
    case "persian": {
      const g = rng.pick(FA_GIVEN);
      const f = rng.pick(FA_SURNAMES);
      const fullName = `${g[1]} ${f[1]}`;
      const others = [
        `${rng.pick([g[1], ...g[2]])} ${rng.pick([f[1], ...f[2]])}`,
        `${g[2][0] ?? g[1]} ${f[2][0] ?? f[1]}`,
      ];
      return { fullName, nativeName: `${g[0]} ${f[0]}`, otherNames: uniqueOthers(fullName, others, 2) };
    }
    case "english":
      return latinName(rng, sex, EN_MALE, EN_FEMALE, EN_SURNAMES, (_n, given, family) => [
        NICKNAMES[given]
          ? `${NICKNAMES[given]} ${family}`
          : `${given} ${String.fromCharCode(65 + rng.int(0, 25))}. ${family}`,
      ]);
    case "french":
      return latinName(rng, sex, FR_MALE, FR_FEMALE, FR_SURNAMES, (n) => [stripAccents(n)]);
    case "german":
      return latinName(rng, sex, DE_MALE, DE_FEMALE, DE_SURNAMES, (n) => [
        germanSpelling(n),
        stripAccents(n).replace(/ß/g, "ss"),
      ]);
  }
}

/** Staff of the team using the portal: names for the generated accounts. */
export function staffName(rng: Random): string {
  const style = rng.weighted(STAFF_STYLES);
  return makeName(rng, style, rng.chance(0.5) ? "female" : "male").fullName;
}
const STAFF_STYLES = weighted<NameStyle>([
  ["korean-kr", 5],
  ["english", 3],
  ["russian", 1],
  ["french", 1],
]);
