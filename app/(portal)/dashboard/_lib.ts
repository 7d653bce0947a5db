import type { DashboardList } from "@/db/dal/dashboard";
import { CASE_STATUSES, isOpenStatus } from "@/lib/domain";

const OPEN = CASE_STATUSES.filter(isOpenStatus);

/**
 * A link to the cases table filtered the same way as a dashboard figure: open statuses only (or the
 * one status), the dashboard's country, and for caseworkers only their own cases.
 */
export function casesHref(
  base: { mine: boolean; country?: string | null },
  filter: { status?: string; country?: string; place?: string; city?: string; risk?: string } = {},
): string {
  const params = new URLSearchParams();
  params.set("status", filter.status ?? OPEN.join(","));
  const country = filter.country ?? base.country;
  if (country) params.set("country", country);
  // The exact place of detention ('' for none), not the list's substring filter.
  if (filter.place !== undefined) params.set("place", filter.place);
  if (filter.city !== undefined) params.set("city", filter.city);
  if (filter.risk) params.set("risk", filter.risk);
  if (base.mine) params.set("mine", "true");
  return `/cases?${params.toString()}`;
}

/** The dashboard with the same filters, showing one list in full (or none). */
export function dashboardHref(
  filter: { country: string | null; detainedFrom: string | null; detainedTo: string | null; quietDays: number },
  show: DashboardList | null,
): string {
  const params = new URLSearchParams();
  if (filter.country) params.set("country", filter.country);
  if (filter.detainedFrom) params.set("from", filter.detainedFrom);
  if (filter.detainedTo) params.set("to", filter.detainedTo);
  if (filter.quietDays !== 30) params.set("quiet", String(filter.quietDays));
  if (show) params.set("show", show);
  const query = params.toString();
  return query ? `/dashboard?${query}` : "/dashboard";
}
