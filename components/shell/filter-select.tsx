"use client";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { cn } from "@/lib/utils";

const ALL = "__all__";

export interface FilterOption<V extends string> {
  value: V;
  label: string;
}

/** A list filter: 「全部…」 (no filter, `undefined`) or one of the options. */
export function FilterSelect<V extends string>({
  label,
  allLabel,
  value,
  options,
  onChange,
  className,
  disabled,
  placeholder,
}: {
  /** The accessible name of the trigger. */
  label: string;
  allLabel: string;
  value: V | undefined;
  options: readonly FilterOption<V>[] | undefined;
  onChange: (value: V | undefined) => void;
  className?: string;
  disabled?: boolean;
  placeholder?: string;
}) {
  return (
    <Select value={value ?? ALL} onValueChange={(v) => onChange(v === ALL ? undefined : (v as V))} disabled={disabled}>
      <SelectTrigger className={cn("w-40", className)} aria-label={label}>
        {/* Named explicitly: Radix only learns an item's text once the list has been opened. */}
        <SelectValue placeholder={placeholder ?? allLabel}>{options?.find((o) => o.value === value)?.label ?? allLabel}</SelectValue>
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={ALL}>{allLabel}</SelectItem>
        {options?.map((o) => (
          <SelectItem key={o.value} value={o.value}>
            {o.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
