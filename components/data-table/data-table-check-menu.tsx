"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { Check } from "lucide-react";
import type * as React from "react";

/**
 * A button that opens a menu of checkboxes (Radix: role="menuitemcheckbox", arrow keys, Escape).
 * The menu stays open while items are toggled, so several can be picked in one go.
 */
export function CheckMenu({
  trigger,
  label,
  items,
  onToggle,
  footer,
}: {
  /** The trigger button's content; it is the menu's accessible name unless `label` is given. */
  trigger: React.ReactNode;
  label?: string;
  items: ReadonlyArray<{ value: string; label: string; checked: boolean }>;
  onToggle: (value: string, checked: boolean) => void;
  footer?: React.ReactNode;
}) {
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger
        aria-label={label}
        className="inline-flex h-8 items-center gap-1.5 rounded-md border border-dashed border-input bg-background px-3 text-sm font-medium hover:bg-accent hover:text-accent-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring data-[state=open]:bg-accent"
      >
        {trigger}
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="start"
          sideOffset={4}
          className="z-50 max-h-80 min-w-48 overflow-y-auto rounded-md border bg-popover p-1 text-popover-foreground shadow-md"
        >
          {items.map((item) => (
            <Menu.CheckboxItem
              key={item.value}
              checked={item.checked}
              onCheckedChange={(checked) => onToggle(item.value, checked === true)}
              onSelect={(e) => e.preventDefault()}
              className="relative flex cursor-default select-none items-center gap-2 rounded-sm py-1.5 pr-2 pl-8 text-sm outline-none data-[highlighted]:bg-accent data-[highlighted]:text-accent-foreground"
            >
              <span className="absolute left-2 flex size-4 items-center justify-center rounded-sm border border-input">
                <Menu.ItemIndicator>
                  <Check className="size-3.5" aria-hidden />
                </Menu.ItemIndicator>
              </span>
              {item.label}
            </Menu.CheckboxItem>
          ))}
          {footer ? (
            <>
              <Menu.Separator className="-mx-1 my-1 h-px bg-border" />
              {footer}
            </>
          ) : null}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

/** A plain action at the foot of a CheckMenu ("Clear"). */
export function CheckMenuAction({ children, onSelect }: { children: React.ReactNode; onSelect: () => void }) {
  return (
    <Menu.Item
      onSelect={onSelect}
      className="flex cursor-default select-none items-center justify-center rounded-sm py-1.5 text-sm outline-none data-[highlighted]:bg-accent"
    >
      {children}
    </Menu.Item>
  );
}
