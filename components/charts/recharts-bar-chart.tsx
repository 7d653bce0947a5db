"use client";

import { useRouter } from "next/navigation";
import { Bar, CartesianGrid, BarChart as RBarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface BarDatum {
  label: string;
  value: number;
  href?: string;
}

/**
 * The chart itself, loaded by ./bar-chart.tsx only once its box is on screen. A bar chart whose
 * bars open the list they count. Decorative for screen readers (aria-hidden):
 * the same figures are in the table that goes with every chart. So nothing in it takes keyboard
 * focus either (no accessibility layer: its focusable surface inside aria-hidden fails axe's
 * aria-hidden-focus); the table's links are the keyboard's way to the same lists.
 */
export interface BarChartProps {
  data: BarDatum[];
  height?: number;
  vertical?: boolean;
}

export default function RechartsBarChart({ data, height = 220, vertical = false }: BarChartProps) {
  const router = useRouter();
  return (
    <div style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <RBarChart
          data={data}
          layout={vertical ? "vertical" : "horizontal"}
          accessibilityLayer={false}
          margin={{ left: 8, right: 8, top: 8, bottom: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
          {vertical ? (
            <>
              <XAxis type="number" allowDecimals={false} fontSize={12} />
              <YAxis type="category" dataKey="label" width={140} fontSize={12} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" fontSize={11} interval="preserveStartEnd" />
              <YAxis allowDecimals={false} fontSize={12} width={32} />
            </>
          )}
          <Tooltip />
          <Bar
            dataKey="value"
            fill="var(--color-primary)"
            cursor="pointer"
            isAnimationActive={false}
            onClick={(entry) => {
              const href = (entry as { payload?: BarDatum }).payload?.href;
              if (href) router.push(href);
            }}
          />
        </RBarChart>
      </ResponsiveContainer>
    </div>
  );
}
