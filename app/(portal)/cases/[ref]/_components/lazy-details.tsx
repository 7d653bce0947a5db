"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";

/**
 * A native <details> panel whose body is rendered only once it has been opened (and then kept, so
 * that what was typed survives closing it). A case page carries six forms; rendering them all,
 * closed, cost as much as its timeline. A panel opened before hydration renders its body on mount.
 */
export function LazyDetails({
  summary,
  children,
  className,
  summaryClassName,
  testId,
}: {
  summary: ReactNode;
  children: ReactNode;
  className?: string;
  summaryClassName?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (ref.current?.open) setOpened(true);
  }, []);
  return (
    <details
      ref={ref}
      className={className}
      data-testid={testId}
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary className={summaryClassName}>{summary}</summary>
      {opened ? children : null}
    </details>
  );
}
