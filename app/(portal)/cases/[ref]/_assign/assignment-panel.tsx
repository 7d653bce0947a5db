import type { Actor } from "@/db/dal/actor";
import { can } from "@/lib/permissions";
import { AssignmentControls } from "./assignment-controls";

/** The case header's assignment slot: controls for coordinators and admins, names for everyone else. */
export async function AssignmentPanel({
  actor,
  caseRef,
  assigned,
  nobodyLabel,
}: {
  actor: Actor;
  caseRef: string;
  assigned: Array<{ id: string; name: string }>;
  nobodyLabel: string;
}) {
  if (!can(actor.role, "case:assign")) {
    return <span>{assigned.length ? assigned.map((a) => a.name).join(", ") : nobodyLabel}</span>;
  }
  return <AssignmentControls caseRef={caseRef} assigned={assigned} />;
}
