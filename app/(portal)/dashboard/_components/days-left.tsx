import { cn } from "@/lib/utils";

/** The Dashboard messages' translator, from useTranslations or getTranslations. */
type DashboardMessages = (key: "daysLeft" | "overdue", values: { days: number }) => string;

/**
 * Days until a due date: "14 days left", or "3 days overdue"; red from a week out. It takes its
 * caller's translator: a translation hook in every cell cost the dashboard more than the cells.
 */
export function DaysLeft({ days, t }: { days: number; t: DashboardMessages }) {
  return (
    <span className={cn(days <= 7 && "font-semibold text-destructive")} data-days={days}>
      {days >= 0 ? t("daysLeft", { days }) : t("overdue", { days: -days })}
    </span>
  );
}
