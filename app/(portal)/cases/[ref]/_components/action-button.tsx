"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";

/** A small button that runs one Server Action (detach a source, unlink a case) and shows a refusal beside it. */
export function ActionButton({
  label,
  pendingLabel,
  run,
  confirm,
}: {
  label: string;
  pendingLabel: string;
  run: () => Promise<ActionResult<unknown>>;
  /** Asked with window.confirm before running. */
  confirm?: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="ghost"
        size="sm"
        disabled={pending}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          startTransition(async () => {
            setError(null);
            const result = await run();
            if (!result.ok) setError(Object.values(result.fieldErrors ?? {})[0] ?? result.error);
          });
        }}
      >
        {pending ? pendingLabel : label}
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-destructive">
          {error}
        </span>
      ) : null}
    </span>
  );
}
