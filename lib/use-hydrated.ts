"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and until React has hydrated, true after. Forms handled by
 * react-hook-form keep their submit button disabled until then: a click before hydration would
 * otherwise submit the form natively, as a GET that puts every field (a password, a detainee's
 * name) into the URL, and lose what was typed.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
