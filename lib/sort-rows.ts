/**
 * Sorting a case's records on the server (the case page's tables), so that the browser gets only
 * the rows it shows. Each sortable column has a key: a plain string compared by code point (ISO
 * dates, recording-order stamps) or, for `text` keys, by the reader's language (names, labels).
 * Empty keys go last in either direction: a contact with no follow-up date is not "the earliest".
 * Ties fall back to a second key (the record's date and recording order), so the order is stable.
 */

export interface SortKey<T> {
  get: (item: T) => string;
  /** Compared as words in the reader's language rather than as code points. */
  text?: boolean;
}

const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const collators = new Map<string, Intl.Collator>();
/** One collator per locale for the life of the process (making one is not free). */
export function textCollator(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { numeric: true, sensitivity: "base" });
    collators.set(locale, collator);
  }
  return collator;
}

/** `items` sorted by `key` (then `tiebreak`), the first `limit` of them, or all without a limit. */
export function sortPage<T>(
  items: readonly T[],
  options: { key: SortKey<T>; desc: boolean; tiebreak: (item: T) => string; collator: Intl.Collator; limit?: number },
): T[] {
  const { key, desc, tiebreak, collator, limit } = options;
  const compareKeys = key.text ? collator.compare : plain;
  const sign = desc ? -1 : 1;
  const decorated = items.map((item) => ({ item, k: key.get(item), tb: tiebreak(item) }));
  decorated.sort((a, b) => {
    if (a.k === "" || b.k === "") {
      if (a.k !== b.k) return a.k === "" ? 1 : -1;
    } else {
      const byKey = compareKeys(a.k, b.k);
      if (byKey !== 0) return sign * byKey;
    }
    return sign * plain(a.tb, b.tb);
  });
  return (limit === undefined ? decorated : decorated.slice(0, limit)).map((d) => d.item);
}
