"use client";

import dynamic from "next/dynamic";
import { startTransition, useEffect, useRef, useState } from "react";
import type { BarChartProps, BarDatum } from "./recharts-bar-chart";

export type { BarDatum };

/** recharts in its own chunk, fetched after the page is interactive: not in the first load. */
const Chart = dynamic(() => import("./recharts-bar-chart"), { ssr: false });

/**
 * A bar chart whose bars open the list they count. Decorative for screen readers (aria-hidden):
 * the same figures are in the table that goes with every chart. So nothing in it takes keyboard
 * focus either (no accessibility layer: its focusable surface inside aria-hidden fails axe's
 * aria-hidden-focus); the table's links are the keyboard's way to the same lists.
 *
 * Its box has its height from the first paint, so nothing moves when the chart arrives. The chart
 * mounts once the box is near the viewport, each chart in a transition of its own: the page's
 * tables are usable at once, and drawing five charts is five short tasks, not one long one.
 */
export function BarChart({ data, height = 220, vertical = false }: BarChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        startTransition(() => setShown(true));
      },
      { rootMargin: "200px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} aria-hidden="true" style={{ height }} data-testid="bar-chart">
      {shown ? <Chart data={data} height={height} vertical={vertical} /> : null}
    </div>
  );
}
