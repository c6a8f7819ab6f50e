"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useEntityPage, useMembership } from "@/components/entities/queries";
import { card, input, link, muted } from "@/components/entities/styles";
import type { Entity, MemberRole, Membership } from "@/lib/entities/schema";

/** A group's members (add with a role, remove) or a user's groups with their roles. */
export function MembersPanel({ env, entity, memberships, canManage }: { env: string; entity: Entity; memberships: Membership[]; canManage: boolean }) {
  const isGroup = entity.type === "team" || entity.type === "org" || entity.type === "portfolio";
  // A group lists its members, then the groups it belongs to (an org in a portfolio); a user lists its groups.
  const groups = memberships.filter((m) => m.direction === "group");
  const members = isGroup ? memberships.filter((m) => m.direction === "member") : groups;
  const { add, remove } = useMembership(env, entity.type, entity.id);
  const [q, setQ] = useState("");
  const [memberId, setMemberId] = useState("");
  const [role, setRole] = useState<MemberRole>("member");
  const candidates = useEntityPage(env, { type: "user", by: "email", q, limit: 20 });
  const error = add.error ?? remove.error;

  return (
    <section aria-labelledby="members-heading" className={card}>
      <h2 id="members-heading" className="mb-3 text-lg font-semibold">{isGroup ? "Members" : "Teams and roles"}</h2>
      {error ? <div className="mb-3"><Alert tone="error">{error.message}</Alert></div> : null}
      {members.length === 0 ? <p className={muted}>{isGroup ? "No members yet." : "Not a member of any team."}</p> : null}
      <ul className="flex flex-col gap-2">
        {members.map((m) => (
          <li key={`${m.id}-${m.role}`} className="flex flex-wrap items-center justify-between gap-2">
            <MembershipLabel env={env} m={m} />
            {canManage && isGroup ? (
              <Button variant="ghost" busy={remove.isPending && remove.variables === m.id} onClick={() => remove.mutate(m.id)}>
                Remove<span className="sr-only"> {m.name}</span>
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {isGroup && groups.length > 0 ? (
        <>
          <h3 className="mt-4 mb-2 text-sm font-semibold">Belongs to</h3>
          <ul className="flex flex-col gap-2">
            {groups.map((m) => (
              <li key={`${m.id}-${m.role}`}>
                <MembershipLabel env={env} m={m} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canManage && isGroup && !entity.archived ? (
        <form
          className="mt-4 flex flex-col gap-2 border-t border-slate-200 pt-4 dark:border-slate-700"
          onSubmit={(e) => {
            e.preventDefault();
            if (memberId) add.mutate({ memberId, role }, { onSuccess: () => setMemberId("") });
          }}
        >
          <h3 className="text-sm font-semibold">Add a member</h3>
          <label className="flex flex-col gap-1 text-sm">
            Find a user by email
            <input className={input} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Starts with…" />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            User
            <select className={input} value={memberId} onChange={(e) => setMemberId(e.target.value)} required>
              <option value="">Choose a user</option>
              {(candidates.data?.items ?? []).map((u) => (
                <option key={u.id} value={u.id}>{u.name} ({u.email ?? u.id})</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Role
            <select className={input} value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
              <option value="member">Member</option>
              <option value="admin">Admin</option>
              <option value="owner">Owner</option>
            </select>
          </label>
          <div>
            <Button type="submit" busy={add.isPending} disabled={!memberId}>Add member</Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function MembershipLabel({ env, m }: { env: string; m: Membership }) {
  return (
    <span>
      <Link className={link} href={`/environments/${env}/entities/${m.type}/${m.id}`}>{m.name}</Link>{" "}
      <span className={muted}>{m.email ? `${m.email} · ` : ""}{m.role}</span>
    </span>
  );
}
