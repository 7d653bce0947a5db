import { requireActorOrRedirect } from "@/db/dal/session";
import { AppShell } from "./_components/app-shell";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActorOrRedirect();
  return <AppShell actor={actor}>{children}</AppShell>;
}
