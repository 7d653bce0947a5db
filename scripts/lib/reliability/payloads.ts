/**
 * Malformed payloads, generated deterministically from a seed: the same seed and index give the
 * same payload. Each is a mutation of a valid call (one field given a wrong type, a huge or
 * strange string, an injection string, removed, or joined by extra fields), or a malformed call as
 * a whole (no arguments, the wrong shape, a body that is not JSON).
 */
import { rng } from "./setup";

/** Strings that have broken web apps: Unicode edge cases, injection, and React flight markers. */
export const NASTY_STRINGS: readonly string[] = [
  "",
  " ",
  "\t\n\r",
  "a\u0000b",
  "\u0000",
  "\ud800",
  "\udfff\ud800",
  "\ufeff",
  "\u202eevil\u202c",
  "\u200b\u200c\u200d",
  "\u2028\u2029",
  "e\u0301".repeat(500),
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "𝕮𝖆𝖘𝖊𝖋𝖎𝖑𝖊",
  "백원순 Бэк Вон Сун",
  "ﷺ",
  "２０２４",
  "٣",
  "' OR '1'='1' --",
  "'; drop table cases; --",
  "1; update accounts set role = 'admin' --",
  "') union select password_hash from accounts --",
  "\\'; select pg_sleep(10); --",
  "%' and 1=0 union select 1 --",
  "<img src=x onerror=alert(1)>",
  '"><script>alert(1)</script>',
  "javascript:alert(1)",
  "{{7*7}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally.
  "${7*7}",
  "../../../../etc/passwd",
  "$1",
  "$@0",
  "$K1",
  "$Q0",
  "$$",
  "$undefined",
  "-1",
  "0",
  "1e309",
  "NaN",
  "Infinity",
  "99999999999999999999999",
  "0x10",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "DC-0000-0000",
  "DC-9999-99999999999",
  "2024-02-30",
  "9999-12-31",
  "0000-00-00",
  "13",
  "32",
  "early",
  "admin",
  "RU\u0000",
  "ru",
  "XX",
  "http://",
  "https://example.org/\u0000",
  "file:///etc/passwd",
];

/** Values of the wrong type for any field. */
const WRONG_TYPES: readonly unknown[] = [
  null,
  0,
  -1,
  1.5,
  2 ** 53,
  -(2 ** 31),
  true,
  false,
  [],
  [1, 2, 3],
  ["a"],
  {},
  { $gt: "" },
  { toString: "x" },
  [null],
];

type Json = unknown;

function leafPaths(value: Json, prefix: string[] = [], out: string[][] = []): string[][] {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      out.push([...prefix, k]);
      leafPaths(v, [...prefix, k], out);
    }
  }
  return out;
}

const REMOVE = Symbol("remove");

function setAt(root: Json, path: string[], value: Json | typeof REMOVE): Json {
  const copy = structuredClone(root) as Record<string, Json>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, Json>;
  const last = path[path.length - 1] as string;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy;
}

function deep(levels: number): Json {
  let v: Json = "bottom";
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}

/** One payload: the arguments array to send, or a raw body (not JSON, or not an array). */
export type Payload = { args: unknown[] } | { rawBody: string; label: string };

/**
 * The payload number `index` for an action whose valid arguments are `base`. About one in six
 * changes the call as a whole; the rest change one field of the first argument (or add fields).
 */
export function payloadFor(base: unknown[], seed: number, index: number): Payload {
  const random = rng(seed * 1_000_003 + index);
  const int = (n: number) => Math.floor(random() * n);
  const first = base[0];
  const paths = leafPaths(first);
  const mode = int(12);
  if (mode === 0 || paths.length === 0) {
    const whole: Payload[] = [
      { args: [] },
      { args: [null] },
      { args: [first, first, "extra"] },
      { args: ["string"] },
      { args: [12345] },
      { args: [[first]] },
      { args: [deep(150)] },
      { args: [NASTY_STRINGS[int(NASTY_STRINGS.length)]] },
      { rawBody: '{"not":"an array"}', label: "object body" },
      { rawBody: "[{", label: "truncated JSON" },
      { rawBody: "", label: "empty body" },
      { rawBody: "null", label: "null body" },
      { rawBody: `["${"A".repeat(2_000_000)}"]`, label: "2 MB string" },
      { rawBody: "\u0000\u0001\u0002", label: "control bytes" },
      { rawBody: '["$1"]', label: "flight reference to a missing chunk" },
      { rawBody: '["$@1"]', label: "flight promise reference" },
      { rawBody: `[${"[".repeat(5000)}${"]".repeat(5000)}]`, label: "5,000 nested arrays" },
    ];
    return whole[int(whole.length)] as Payload;
  }
  if (mode === 1) {
    // Extra fields: privilege-looking keys and prototype pollution attempts.
    const extras: Record<string, Json>[] = [
      { role: "admin" },
      { id: "00000000-0000-0000-0000-000000000000", createdBy: null, version: 999 },
      { constructor: { prototype: { isAdmin: true } } },
      { [`x${int(1000)}`]: NASTY_STRINGS[int(NASTY_STRINGS.length)] },
      { restricted: true, recordedBy: "00000000-0000-0000-0000-000000000000" },
    ];
    if (int(3) === 0) {
      // "__proto__" as an own key only survives through a raw JSON body.
      const body = JSON.stringify([first]).replace(/^\[\{/, '[{"__proto__":{"isAdmin":true,"role":"admin"},');
      return { rawBody: body, label: "__proto__ key" };
    }
    return { args: [{ ...(first as object), ...(extras[int(extras.length)] as object) }, ...base.slice(1)] };
  }
  const path = paths[int(paths.length)] as string[];
  let value: Json | typeof REMOVE;
  switch (mode) {
    case 2:
      value = REMOVE;
      break;
    case 3:
    case 4:
      value = WRONG_TYPES[int(WRONG_TYPES.length)];
      break;
    case 5:
      value = int(2) === 0 ? "A".repeat(100_000 + int(100_000)) : "😀".repeat(50_000);
      break;
    default:
      value = NASTY_STRINGS[int(NASTY_STRINGS.length)];
      if (int(4) === 0) value = `${value}${"x".repeat(int(300))}`;
  }
  return { args: [setAt(first, path, value), ...base.slice(1)] };
}
