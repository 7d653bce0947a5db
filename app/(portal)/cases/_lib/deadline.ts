/** A deadline this many days away or fewer (or past) is shown in red on the cases list. */
export const DEADLINE_WARNING_DAYS = 7;
