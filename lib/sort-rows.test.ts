import { describe, expect, it } from "vitest";
import { sortPage, textCollator } from "./sort-rows";

interface Row {
  id: string;
  name: string;
  due: string;
  when: string;
}

const rows: Row[] = [
  { id: "a", name: "Örn", due: "2024-06-15", when: "2024-01-02|1" },
  { id: "b", name: "adams", due: "", when: "2024-01-01|2" },
  { id: "c", name: "Zhou", due: "2024-05-01", when: "2024-01-01|1" },
  { id: "d", name: "Adams", due: "2024-06-15", when: "2024-01-03|1" },
  { id: "e", name: "case 10", due: "", when: "2024-01-04|1" },
  { id: "f", name: "case 9", due: "2024-01-01", when: "2024-01-05|1" },
];
const collator = textCollator("en");
const tiebreak = (r: Row) => r.when;
const ids = (list: Row[]) => list.map((r) => r.id).join("");

describe("sortPage", () => {
  it("sorts text keys as words in the reader's language, ties by the second key", () => {
    const key = { get: (r: Row) => r.name, text: true };
    // adams/Adams are equal as words: their dates decide (b on 1 Jan before d on 3 Jan).
    expect(ids(sortPage(rows, { key, desc: false, tiebreak, collator }))).toBe("bdfeac");
    expect(ids(sortPage(rows, { key, desc: true, tiebreak, collator }))).toBe("caefdb");
  });

  it("compares plain keys by code point and puts empty keys last in both directions", () => {
    const key = { get: (r: Row) => r.due };
    expect(ids(sortPage(rows, { key, desc: false, tiebreak, collator }))).toBe("fcadbe");
    expect(ids(sortPage(rows, { key, desc: true, tiebreak, collator }))).toBe("dacfeb");
  });

  it("returns the first `limit` rows of the whole order, not the order of the first rows", () => {
    const key = { get: (r: Row) => r.when };
    expect(ids(sortPage(rows, { key, desc: true, tiebreak, collator, limit: 2 }))).toBe("fe");
    expect(sortPage(rows, { key, desc: false, tiebreak, collator, limit: 0 })).toEqual([]);
    expect(sortPage(rows, { key, desc: false, tiebreak, collator, limit: 99 })).toHaveLength(rows.length);
  });

  it("leaves its input alone", () => {
    const before = ids(rows);
    sortPage(rows, { key: { get: (r) => r.name, text: true }, desc: true, tiebreak, collator });
    expect(ids(rows)).toBe(before);
  });
});
