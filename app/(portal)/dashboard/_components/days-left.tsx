import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

/** Days until a due date: "14 days left", or "3 days overdue"; red from a week out. */
export function DaysLeft({ days }: { days: number }) {
  const t = useTranslations("Dashboard");
  return (
    <span className={cn(days <= 7 && "font-semibold text-destructive")} data-days={days}>
      {days >= 0 ? t("daysLeft", { days }) : t("overdue", { days: -days })}
    </span>
  );
}
