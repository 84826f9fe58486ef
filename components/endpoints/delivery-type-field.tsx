"use client";
// How a new endpoint gets its messages: pushed to a URL, or fetched by the receiver (polling).
// Fixed once the endpoint exists (the API takes no type in an update).
import { useId } from "react";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/button";

const CHOICES = [
  { value: "webhook", label: "Push to a URL (webhook)", hint: "Hookline sends each message to your receiver." },
  {
    value: "polling",
    label: "Polling (the receiver fetches)",
    hint: "For receivers that cannot take inbound requests, such as a laptop: they fetch their messages, e.g. with hookline listen.",
  },
] as const;

export function DeliveryTypeField({
  value,
  onChange,
}: {
  value: "webhook" | "polling";
  onChange: (value: "webhook" | "polling") => void;
}) {
  const id = useId();
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">Delivery</legend>
      <div className="space-y-2 text-sm">
        {CHOICES.map((choice) => (
          <label key={choice.value} className="flex items-start gap-2">
            <input
              type="radio"
              name={`${id}-type`}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              className={cn("mt-0.5 h-4 w-4 accent-brand-600", focusRing)}
            />
            <span>
              <span className="font-medium text-slate-900">{choice.label}</span>
              <span className="block text-slate-500">{choice.hint}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
