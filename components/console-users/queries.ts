"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/http/client";
import type { ConsoleUser, ConsoleUserInvite, Grant } from "@/lib/console-users/schema";
import type { Mail } from "@/lib/mailbox/schema";

export const consoleUserKeys = { all: ["console-users"] as const, list: (env?: string) => ["console-users", env ?? ""] as const };

export function useConsoleUsers(environment?: string) {
  return useQuery({
    queryKey: consoleUserKeys.list(environment),
    queryFn: () => api<{ items: ConsoleUser[] }>(`/api/console-users${environment ? `?environment=${encodeURIComponent(environment)}` : ""}`).then((r) => r.items),
  });
}

export function useInviteConsoleUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ConsoleUserInvite) => api<{ user: ConsoleUser; emailed: boolean; created: boolean }>("/api/console-users", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: consoleUserKeys.all }),
  });
}

export function useChangeConsoleUser() {
  const client = useQueryClient();
  const invalidate = () => client.invalidateQueries({ queryKey: consoleUserKeys.all });
  const setGrants = useMutation({
    mutationFn: ({ username, grants }: { username: string; grants: Grant[] }) => api<ConsoleUser>(`/api/console-users/${encodeURIComponent(username)}`, { method: "PUT", body: { grants } }),
    onSuccess: invalidate,
  });
  const remove = useMutation({
    mutationFn: (username: string) => api<void>(`/api/console-users/${encodeURIComponent(username)}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
  return { setGrants, remove };
}

export function useMailbox() {
  return useQuery({ queryKey: ["mailbox"], queryFn: () => api<{ items: Mail[] }>("/api/mailbox").then((r) => r.items), refetchInterval: 5_000 });
}
