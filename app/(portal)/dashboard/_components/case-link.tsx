import Link from "next/link";

/** A case as a link: its ref, its name and, if any, its name in the native script. */
export function CaseLink({
  caseRef,
  fullName,
  nativeName,
}: {
  caseRef: string;
  fullName: string;
  nativeName: string | null;
}) {
  return (
    <Link href={`/cases/${caseRef}`} className="text-primary hover:underline">
      <span className="font-mono text-xs">{caseRef}</span> {fullName}
      {nativeName ? <span className="text-muted-foreground"> {nativeName}</span> : null}
    </Link>
  );
}
