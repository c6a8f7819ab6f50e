"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RunStats } from "@/lib/jobs/schema";

/**
 * The dashboard's charts (Recharts, loaded only on this page through
 * next/dynamic). Each figure has a text alternative beside it (charts-section.tsx),
 * so the charts themselves are hidden from assistive technology.
 */
const COLORS = { executed: "#15803d", failed: "#b91c1c", new: "#1d4ed8", p50: "#0e7490", p95: "#7c3aed" };

function Frame({ children }: { children: React.ReactElement }) {
  return (
    <div aria-hidden className="h-64 w-full text-xs">
      <ResponsiveContainer width="100%" height="100%">{children}</ResponsiveContainer>
    </div>
  );
}

export function RunsPerDayChart({ stats }: { stats: RunStats }) {
  const data = stats.days.map((d) => ({ ...d, label: d.day.slice(5) }));
  return (
    <Frame>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        <XAxis dataKey="label" interval="preserveStartEnd" minTickGap={12} />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        <Bar dataKey="executed" stackId="s" fill={COLORS.executed} name="Executed" isAnimationActive={false} />
        <Bar dataKey="failed" stackId="s" fill={COLORS.failed} name="Failed" isAnimationActive={false} />
        <Bar dataKey="new" stackId="s" fill={COLORS.new} name="New" isAnimationActive={false} />
      </BarChart>
    </Frame>
  );
}

export function FailureRateChart({ stats }: { stats: RunStats }) {
  const data = stats.jobs.map((j) => ({ name: j.jobName, rate: j.failureRate === null ? 0 : Math.round(j.failureRate * 1000) / 10 }));
  return (
    <Frame>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        <XAxis type="number" unit="%" domain={[0, 100]} />
        <YAxis type="category" dataKey="name" width={110} />
        <Tooltip />
        <Bar dataKey="rate" fill={COLORS.failed} name="Failure rate (%)" isAnimationActive={false} />
      </BarChart>
    </Frame>
  );
}

export function DurationChart({ stats }: { stats: RunStats }) {
  const data = stats.jobs.map((j) => ({ name: j.jobName, p50: j.p50Ms ?? 0, p95: j.p95Ms ?? 0 }));
  return (
    <Frame>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        <XAxis type="number" unit=" ms" scale="log" domain={[1, "auto"]} allowDataOverflow />
        <YAxis type="category" dataKey="name" width={110} />
        <Tooltip />
        <Legend />
        <Bar dataKey="p50" fill={COLORS.p50} name="p50 (ms)" isAnimationActive={false} />
        <Bar dataKey="p95" fill={COLORS.p95} name="p95 (ms)" isAnimationActive={false} />
      </BarChart>
    </Frame>
  );
}
