import { getLocale } from "next-intl/server";
import { CountryNamesProvider } from "@/components/country-names";
import { requireActorOrRedirect } from "@/db/dal/session";
import { countryOptions } from "@/lib/countries";
import { AppShell } from "./_components/app-shell";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActorOrRedirect();
  return (
    <CountryNamesProvider options={countryOptions(await getLocale())}>
      <AppShell actor={actor}>{children}</AppShell>
    </CountryNamesProvider>
  );
}
