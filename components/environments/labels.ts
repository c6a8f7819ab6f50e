import type { CredentialsView } from "@/lib/environments/schema";

export function credentialsLabel(c: CredentialsView): string {
  switch (c.type) {
    case "default":
      return "Console default chain";
    case "profile":
      return `Profile ${c.profile}`;
    case "keys":
      return `Access key …${c.accessKeyIdLast4}`;
    case "assume-role":
      return `Assume ${c.roleArn.split("/").pop() ?? c.roleArn}`;
    case "hidden":
      return "Managed by operators";
  }
}
