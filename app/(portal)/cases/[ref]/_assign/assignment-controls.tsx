"use client";

import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionResult } from "@/lib/action-result";
import { assignAction, unassignAction } from "./actions";

interface Person {
  id: string;
  name: string;
}

/** Coordinators and admins assign and unassign caseworkers on the case page. */
export function AssignmentControls({
  caseRef,
  assigned,
  caseworkers,
}: {
  caseRef: string;
  assigned: Person[];
  caseworkers: Person[];
}) {
  const t = useTranslations("Assign");
  const [choice, setChoice] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<ActionResult<unknown>>) =>
    startTransition(async () => {
      setError(null);
      const result = await action();
      if (!result.ok)
        setError(result.fieldErrors ? (Object.values(result.fieldErrors)[0] ?? result.error) : result.error);
      else setChoice("");
    });
  const available = caseworkers.filter((c) => !assigned.some((a) => a.id === c.id));
  return (
    <div className="grid gap-2" data-testid="assignment-controls">
      <ul className="flex flex-wrap gap-2">
        {assigned.map((person) => (
          <li key={person.id} className="flex items-center gap-1 rounded-md border px-2 py-0.5 text-sm">
            {person.name}
            <button
              type="button"
              className="rounded p-0.5 hover:bg-accent"
              aria-label={t("unassign", { name: person.name })}
              disabled={pending}
              onClick={() => run(() => unassignAction({ ref: caseRef, accountId: person.id }))}
            >
              <X className="size-3.5" aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <div className="flex items-center gap-2">
        <NativeSelect
          aria-label={t("choose")}
          className="h-8 w-56"
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
        >
          <option value="">{t("choose")}</option>
          {available.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </NativeSelect>
        <Button
          size="sm"
          variant="outline"
          disabled={pending || !choice}
          onClick={() => run(() => assignAction({ ref: caseRef, accountId: choice }))}
        >
          {t("assign")}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
