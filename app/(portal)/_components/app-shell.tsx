import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import type { Actor } from "@/db/dal/actor";
import { navFor } from "@/lib/permissions";
import { signOutAction } from "../actions";
import { NavLink } from "./nav-link";

const HREFS = {
  cases: "/cases",
  contacts: "/contacts",
  petitions: "/petitions",
  dashboard: "/dashboard",
  admin: "/admin/users",
} as const;

export async function AppShell({ actor, children }: { actor: Actor; children: React.ReactNode }) {
  const t = await getTranslations("Nav");
  const roles = await getTranslations("Roles");
  const app = await getTranslations("App");
  const account = await getTranslations("Account");
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b bg-card">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4">
          <Link href="/cases" className="font-semibold text-primary">
            {app("name")}
          </Link>
          <nav aria-label={t("main")} className="flex items-center gap-1" data-testid="main-nav">
            {navFor(actor.role).map((item) => (
              <NavLink key={item} href={HREFS[item]} match={item === "admin" ? "/admin" : HREFS[item]}>
                {t(item)}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span data-testid="signed-in-user">
              {t("signedInAs", { name: actor.name })}{" "}
              <span className="text-muted-foreground">({roles(actor.role)})</span>
            </span>
            <Link href="/account/password" className="text-muted-foreground hover:underline">
              {account("link")}
            </Link>
            <form action={signOutAction}>
              <Button type="submit" variant="outline" size="sm">
                {t("signOut")}
              </Button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">{children}</main>
    </div>
  );
}
