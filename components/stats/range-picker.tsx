"use client";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { RANGE_OPTIONS, type TimeRange } from "./time-ranges";

const OPTIONS = RANGE_OPTIONS.map((option) => ({
  value: option.value,
  label: option.label,
  accessibleName: option.name,
}));

/** 1 h / 24 h / 7 d / 30 d for every chart. */
export function RangePicker({ value, onChange }: { value: TimeRange; onChange: (range: TimeRange) => void }) {
  return <SegmentedControl label="Time range" value={value} options={OPTIONS} onChange={onChange} />;
}
