"use client";

import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/action-result";

/** Puts the server's per-field errors beside the fields (the same words as client validation). */
export function applyServerErrors<T extends FieldValues>(
  form: UseFormReturn<T>,
  result: ActionResult<unknown>,
  prefix = "",
) {
  if (result.ok || !result.fieldErrors) return;
  for (const [path, message] of Object.entries(result.fieldErrors)) {
    const name = (prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path) as Path<T>;
    form.setError(name, { type: "server", message });
  }
}
