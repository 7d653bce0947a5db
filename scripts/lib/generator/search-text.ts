/**
 * cases.search_text for generated cases, exactly as the app builds it (buildSearchText in
 * lib/search.ts), with the folding of each name remembered: the same names come up thousands of
 * times and folding is the slowest step of generating a case. Every 101st case is also built with
 * buildSearchText itself, and a difference stops the generator: the data must be searchable the
 * way the app's own writes are.
 */
import { basicFold, buildSearchText, phoneticFold, type SearchableCase } from "@/lib/search";

const folds = new Map<string, readonly [string, string, string]>();
let calls = 0;

function foldsOf(name: string): readonly [string, string, string] {
  let f = folds.get(name);
  if (!f) {
    const plain = basicFold(name);
    f = [plain, plain.replace(/ /g, ""), phoneticFold(name)];
    if (folds.size < 200_000) folds.set(name, f);
  }
  return f;
}

export function searchTextOf(c: SearchableCase): string {
  const names = [c.fullName, c.nativeName ?? "", ...(c.otherNames ?? [])].filter(Boolean);
  const parts = names.map(foldsOf);
  const text = [
    ...new Set([...parts.map((p) => p[0]), ...parts.map((p) => p[1]), ...parts.map((p) => p[2]), c.ref.toLowerCase()]),
  ].join(" | ");
  if (calls++ % 101 === 0) {
    const expected = buildSearchText(c);
    if (text !== expected) {
      throw new Error(
        `search_text for ${c.ref} differs from lib/search.ts (buildSearchText changed?): update scripts/lib/generator/search-text.ts`,
      );
    }
  }
  return text;
}
