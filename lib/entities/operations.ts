import { z } from "zod";
import { MAX_REVISION } from "@/lib/http/revision";
import { defineOperation } from "@/lib/http/operation";
import { envParamsSchema } from "@/lib/environments/schema";
import {
  entityCreateSchema,
  entityDetailSchema,
  entityListQuerySchema,
  entityPageSchema,
  entityParamsSchema,
  entitySchema,
  entityUpdateSchema,
  groupTypeSchema,
  memberRoleSchema,
} from "@/lib/entities/schema";

/** The entities API of one environment: admins manage, viewers read. */
export const listEntitiesOp = defineOperation({
  id: "listEntities",
  method: "GET",
  path: "/api/environments/{env}/entities",
  summary: "List or search entities of a type (prefix on name, email or handle; cursor pagination)",
  tag: "Entities",
  role: "viewer",
  params: envParamsSchema,
  query: entityListQuerySchema,
  response: entityPageSchema,
});

export const createEntityOp = defineOperation({
  id: "createEntity",
  method: "POST",
  path: "/api/environments/{env}/entities",
  summary: "Create an entity (409 naming the field when its email or handle is taken)",
  tag: "Entities",
  role: "admin",
  params: envParamsSchema,
  body: entityCreateSchema,
  response: entitySchema,
  status: 201,
  audit: "entity.create",
});

export const getEntityOp = defineOperation({
  id: "getEntity",
  method: "GET",
  path: "/api/environments/{env}/entities/{type}/{id}",
  summary: "Read an entity with its memberships",
  tag: "Entities",
  role: "viewer",
  params: entityParamsSchema,
  response: entityDetailSchema,
});

export const updateEntityOp = defineOperation({
  id: "updateEntity",
  method: "PATCH",
  path: "/api/environments/{env}/entities/{type}/{id}",
  summary: "Change an entity at the version read (409 when stale or when email/handle is taken)",
  tag: "Entities",
  role: "admin",
  params: entityParamsSchema,
  body: entityUpdateSchema,
  response: entitySchema,
  audit: "entity.update",
});

export const archiveEntityOp = defineOperation({
  id: "archiveEntity",
  method: "POST",
  path: "/api/environments/{env}/entities/{type}/{id}/archive",
  summary: "Archive or restore a team, org or portfolio",
  tag: "Entities",
  role: "admin",
  params: entityParamsSchema,
  body: z.object({ archived: z.boolean(), version: z.number().int().min(1).max(MAX_REVISION) }),
  response: entitySchema,
  audit: "entity.archive",
});

const teamParamsSchema = z.object({ env: envParamsSchema.shape.env, id: z.uuid() });

export const addMemberOp = defineOperation({
  id: "addTeamMember",
  method: "POST",
  path: "/api/environments/{env}/teams/{id}/members",
  summary: "Add a member to a team, org or portfolio with a role (or change the role); both directions in one transaction",
  tag: "Entities",
  role: "admin",
  params: teamParamsSchema,
  body: z.object({ memberId: z.uuid("Choose a member."), role: memberRoleSchema.default("member"), groupType: groupTypeSchema.default("team") }),
  status: 204,
  audit: "team.member-add",
});

export const removeMemberOp = defineOperation({
  id: "removeTeamMember",
  method: "DELETE",
  path: "/api/environments/{env}/teams/{id}/members",
  summary: "Remove a member from a team, org or portfolio",
  tag: "Entities",
  role: "admin",
  params: teamParamsSchema,
  query: z.object({ memberId: z.uuid() }),
  status: 204,
  audit: "team.member-remove",
});
