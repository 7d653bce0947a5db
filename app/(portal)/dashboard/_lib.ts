import { CASE_STATUSES, isOpenStatus } from "@/lib/domain";

const OPEN = CASE_STATUSES.filter(isOpenStatus);

/**
 * A link to the cases table filtered the same way as a dashboard figure: open statuses only (or the
 * one status), the dashboard's country, and for caseworkers only their own cases.
 */
export function casesHref(
  base: { mine: boolean; country?: string | null },
  filter: { status?: string; country?: string; facility?: string; risk?: string } = {},
): string {
  const params = new URLSearchParams();
  params.set("status", filter.status ?? OPEN.join(","));
  const country = filter.country ?? base.country;
  if (country) params.set("country", country);
  if (filter.facility) params.set("facility", filter.facility);
  if (filter.risk) params.set("risk", filter.risk);
  if (base.mine) params.set("mine", "true");
  return `/cases?${params.toString()}`;
}
