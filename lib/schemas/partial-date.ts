import { z } from "zod";
import { fromDateFields, type PartialDateFields, todayIso } from "@/lib/partial-date";

const digits = (max: number) => z.string().trim().max(max).regex(/^\d*$/, "must be a number");

const fieldsShape = z.object({
  year: digits(4),
  month: digits(2),
  day: digits(2),
  part: z.enum(["", "early", "mid", "late"]),
  approx: z.boolean(),
});

/**
 * A date as sources give it (year, optional month and day, "early/mid/late", approximate), checked
 * for being a real calendar date. `past: true` refuses a date after today: what has happened cannot
 * be in the future. `required: false` accepts all fields empty (no date known).
 */
export function partialDateFields(options: { label: string; past?: boolean; required?: boolean }) {
  const { label, past = false, required = true } = options;
  return fieldsShape.superRefine((f, ctx) => {
    const empty = !f.year && !f.month && !f.day;
    if (empty) {
      if (required) ctx.addIssue({ code: "custom", path: ["year"], message: `${label}: the year is required.` });
      return;
    }
    const year = Number(f.year);
    if (!f.year || year < 1900 || year > 2100) {
      ctx.addIssue({ code: "custom", path: ["year"], message: `${label}: the year must be between 1900 and 2100.` });
      return;
    }
    if (f.day && !f.month) {
      ctx.addIssue({ code: "custom", path: ["month"], message: `${label}: give the month when you give a day.` });
      return;
    }
    if (f.month && (Number(f.month) < 1 || Number(f.month) > 12)) {
      ctx.addIssue({ code: "custom", path: ["month"], message: `${label}: the month must be 1 to 12.` });
      return;
    }
    if (f.day) {
      const d = new Date(Date.UTC(year, Number(f.month) - 1, Number(f.day)));
      if (d.getUTCMonth() !== Number(f.month) - 1 || Number(f.day) < 1) {
        ctx.addIssue({
          code: "custom",
          path: ["day"],
          message: `${label}: ${f.day}/${f.month}/${f.year} is not a real date.`,
        });
        return;
      }
      if (f.part) {
        ctx.addIssue({
          code: "custom",
          path: ["part"],
          message: `${label}: early, mid or late goes with a month or a year, not a day.`,
        });
        return;
      }
    }
    if (past) {
      const stored = fromDateFields(f as PartialDateFields);
      // Compare the earliest day the value can mean, so "2026" is allowed during 2026.
      const earliest =
        stored.precision === "day"
          ? stored.on
          : stored.precision === "month"
            ? `${stored.on.slice(0, 7)}-01`
            : `${stored.on.slice(0, 4)}-01-01`;
      if (earliest > todayIso()) {
        ctx.addIssue({
          code: "custom",
          path: [f.day ? "day" : f.month ? "month" : "year"],
          message: `${label}: cannot be in the future.`,
        });
      }
    }
  });
}

/** An exact day (deadlines, follow-ups, answers due), YYYY-MM-DD, or empty. Future dates allowed. */
export function dayField(label: string, options: { required?: boolean } = {}) {
  return z
    .string()
    .trim()
    .refine((v) => (options.required ? v !== "" : true), `${label} is required.`)
    .refine(
      (v) =>
        v === "" ||
        (/^\d{4}-\d{2}-\d{2}$/.test(v) &&
          !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
          new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)),
      `${label} must be a real date (YYYY-MM-DD).`,
    )
    .refine((v) => v === "" || (v >= "1900-01-01" && v <= "2100-12-31"), `${label} must be between 1900 and 2100.`);
}
