/**
 * Reconciliation, pure: the environment's Cognito users against its user
 * entities, matched by lower-cased email. Each finding names its fix.
 */
export type CognitoUserState = { username: string; email: string; sub?: string; status?: string; enabled: boolean };
export type UserEntityState = { id: string; email: string; name: string; active: boolean };

export type Finding =
  | { kind: "cognito-without-entity"; email: string; username: string; fix: "create-entity" }
  | { kind: "entity-without-cognito"; email: string; entityId: string; fix: "invite" }
  | { kind: "status-mismatch"; email: string; entityId: string; cognitoEnabled: boolean; entityActive: boolean; fix: "align-entity" };

export function compareUsers(cognito: readonly CognitoUserState[], entities: readonly UserEntityState[]): Finding[] {
  const byEmail = new Map(entities.map((e) => [e.email.toLowerCase(), e]));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const user of cognito) {
    const email = user.email.toLowerCase();
    seen.add(email);
    const entity = byEmail.get(email);
    if (!entity) {
      findings.push({ kind: "cognito-without-entity", email, username: user.username, fix: "create-entity" });
    } else if (entity.active !== user.enabled) {
      findings.push({ kind: "status-mismatch", email, entityId: entity.id, cognitoEnabled: user.enabled, entityActive: entity.active, fix: "align-entity" });
    }
  }
  for (const entity of entities) {
    if (!seen.has(entity.email.toLowerCase())) findings.push({ kind: "entity-without-cognito", email: entity.email.toLowerCase(), entityId: entity.id, fix: "invite" });
  }
  return findings.sort((a, b) => a.email.localeCompare(b.email));
}
