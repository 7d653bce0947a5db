/**
 * The one permission map: role to allowed actions. Used by the data-access layer (db/dal), by the
 * UI to show or hide controls, and by the authorization tests. Record-level rules (a caseworker
 * writes only cases assigned to them) are applied on top of it, in the DAL's queries.
 */
import type { Role } from "./domain";

export const PERMISSIONS = {
  /** See /cases and open cases (restricted ones only where the role says so, or when assigned). */
  "case:read": ["admin", "coordinator", "caseworker"],
  /** Read restricted cases without being assigned. */
  "case:read-restricted": ["admin", "coordinator"],
  "case:create": ["admin", "coordinator", "caseworker"],
  /** Write to any case; caseworkers hold "case:write-assigned" instead. */
  "case:write-any": ["admin", "coordinator"],
  "case:write-assigned": ["caseworker"],
  "case:assign": ["admin", "coordinator"],
  "dashboard:all": ["admin", "coordinator"],
  "dashboard:mine": ["caseworker"],
  "account:manage": ["admin"],
  "audit:read": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Higher ranks include what lower ranks may do (coordinator ⊂ admin). */
export const ROLE_RANK: Record<Role, number> = { caseworker: 1, coordinator: 2, admin: 3 };

/** The navigation each role sees; the pages themselves are guarded by the DAL. */
export type NavItem = "cases" | "contacts" | "petitions" | "dashboard" | "admin";
export function navFor(role: Role): NavItem[] {
  const items: NavItem[] = ["cases", "contacts", "petitions", "dashboard"];
  if (can(role, "account:manage")) items.push("admin");
  return items;
}
