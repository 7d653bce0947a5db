"use client";

import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionResult } from "@/lib/action-result";
import { assignAction, assignableCaseworkersAction, unassignAction } from "./actions";

interface Person {
  id: string;
  name: string;
}

/**
 * The caseworkers one may assign, asked of the server when the select first comes into view (or is
 * focused): a deployment may have hundreds, and every case page would otherwise carry them all.
 */
function useCaseworkers() {
  const [caseworkers, setCaseworkers] = useState<Person[] | null>(null);
  const [failed, setFailed] = useState(false);
  const asked = useRef(false);
  const box = useRef<HTMLDivElement>(null);
  const load = () => {
    if (asked.current) return;
    asked.current = true;
    void assignableCaseworkersAction({}).then(
      (result) => (result.ok ? setCaseworkers(result.data) : setFailed(true)),
      () => setFailed(true),
    );
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once, when first visible.
  useEffect(() => {
    const element = box.current;
    if (!element || typeof IntersectionObserver === "undefined") return load();
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        load();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { caseworkers, failed, box, load };
}

/** Coordinators and admins assign and unassign caseworkers on the case page. */
export function AssignmentControls({ caseRef, assigned }: { caseRef: string; assigned: Person[] }) {
  const t = useTranslations("Assign");
  const { caseworkers, failed, box, load } = useCaseworkers();
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
  const available = (caseworkers ?? []).filter((c) => !assigned.some((a) => a.id === c.id));
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
      <div ref={box} className="flex items-center gap-2" onFocusCapture={load}>
        <NativeSelect
          aria-label={t("choose")}
          aria-busy={caseworkers === null && !failed}
          className="h-8 w-56"
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
        >
          <option value="">{caseworkers === null && !failed ? t("loading") : t("choose")}</option>
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
      {failed ? (
        <p role="alert" className="text-sm text-destructive">
          {t("loadFailed")}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
