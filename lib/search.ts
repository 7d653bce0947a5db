/**
 * Name search that tolerates how spellings drift between sources (Baek / Paek / Paik,
 * Jun / Jeon / Chon, "Won-soon" / "Wonsoon" / "Won Sun"). Both the stored search text and the
 * query go through the same folding, then PostgreSQL's pg_trgm ranks by similarity.
 */

/** Lower case, accents stripped, punctuation to spaces, runs of space folded. */
export function basicFold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC") // recompose Hangul syllables that NFKD split into jamo
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Folds a romanized Korean name toward one spelling, syllable by syllable, so that variants meet:
 * aspirated and plain initials (p/b, t/d, k/g, ch/j) and the vowels that romanization systems
 * write differently (ae/ai/e, eo/o/u, oo/u) collapse to one form.
 */
export function phoneticFold(text: string): string {
  return basicFold(text)
    .split(" ")
    .map((word) =>
      word
        .replace(/^ch|^j/, "j")
        .replace(/^p/, "b")
        .replace(/^t(?!h)/, "d")
        .replace(/^k/, "g")
        .replace(/ai|ae|ea/g, "e")
        .replace(/eo|oo|ou/g, "u")
        .replace(/o/g, "u")
        .replace(/wu/g, "u")
        .replace(/(.)\1+/g, "$1"),
    )
    .join(" ");
}

export interface SearchableCase {
  ref: string;
  fullName: string;
  nativeName?: string | null;
  otherNames?: readonly string[] | null;
}

/** The text stored in cases.search_text: every name in plain and folded form, and the reference. */
export function buildSearchText(c: SearchableCase): string {
  const names = [c.fullName, c.nativeName ?? "", ...(c.otherNames ?? [])].filter(Boolean);
  const plain = names.map(basicFold);
  const joined = names.map((n) => basicFold(n).replace(/ /g, ""));
  const folded = names.map(phoneticFold);
  return [...new Set([...plain, ...joined, ...folded, c.ref.toLowerCase()])].join(" | ");
}
