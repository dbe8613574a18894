"use client";

import { ChevronDown, X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { cn } from "@/lib/utils";

export interface MultiSelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

/** A popover of checkboxes; the chosen values show as removable badges in the trigger. */
export function MultiSelect({
  options,
  value,
  onChange,
  placeholder,
  emptyText,
  disabled,
  className,
  testId,
  ariaLabel,
}: {
  options: MultiSelectOption[];
  value: string[];
  onChange: (next: string[]) => void;
  placeholder: string;
  emptyText: string;
  disabled?: boolean;
  className?: string;
  testId?: string;
  ariaLabel?: string;
}) {
  const label = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  const toggle = (v: string, on: boolean) => onChange(on ? [...value, v] : value.filter((x) => x !== v));
  return (
    <Popover>
      <PopoverTrigger asChild disabled={disabled}>
        <Button
          type="button"
          variant="outline"
          aria-label={ariaLabel ?? placeholder}
          data-testid={testId}
          className={cn("h-auto min-h-9 w-full justify-between gap-2 px-3 py-1.5 font-normal", className)}
        >
          <span className="flex flex-wrap gap-1">
            {value.length === 0 ? <span className="text-muted-foreground">{placeholder}</span> : null}
            {value.map((v) => (
              <Badge key={v} variant="secondary" className="gap-1">
                {label(v)}
                {disabled ? null : (
                  <span
                    role="button"
                    tabIndex={-1}
                    aria-label={`remove ${label(v)}`}
                    onPointerDown={(e) => {
                      e.preventDefault();
                      e.stopPropagation();
                      toggle(v, false);
                    }}
                  >
                    <X className="size-3" />
                  </span>
                )}
              </Badge>
            ))}
          </span>
          <ChevronDown className="size-4 shrink-0 opacity-50" />
        </Button>
      </PopoverTrigger>
      <PopoverContent className="max-h-72 w-64 overflow-y-auto p-1" align="start">
        {options.length === 0 ? <p className="p-3 text-sm text-muted-foreground">{emptyText}</p> : null}
        {options.map((o) => {
          const checked = value.includes(o.value);
          return (
            <label
              key={o.value}
              className={cn(
                "flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1.5 text-sm hover:bg-accent",
                o.disabled && !checked && "cursor-not-allowed opacity-50",
              )}
            >
              <Checkbox
                checked={checked}
                disabled={o.disabled && !checked}
                onCheckedChange={(on) => toggle(o.value, on === true)}
                aria-label={o.label}
              />
              {o.label}
            </label>
          );
        })}
      </PopoverContent>
    </Popover>
  );
}
