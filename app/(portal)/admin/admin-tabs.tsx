import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/utils";

export async function AdminTabs({ current }: { current: "users" | "audit" }) {
  const t = await getTranslations("Nav");
  const tabs = [
    { key: "users", href: "/admin/users", label: t("users") },
    { key: "audit", href: "/admin/audit", label: t("audit") },
  ] as const;
  return (
    <nav aria-label={t("admin")} className="flex gap-2 border-b pb-2 text-sm">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={cn(
            "rounded-md px-3 py-1",
            tab.key === current ? "bg-accent font-medium" : "text-muted-foreground",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
