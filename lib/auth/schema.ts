import { z } from "zod";

/** Sign-in shapes shared by the sign-in page, the API and OpenAPI. Isomorphic. */
export const authConfigSchema = z.object({
  region: z.string(),
  userPoolId: z.string(),
  clientId: z.string(),
  /** The Cognito endpoint the browser talks to. */
  endpoint: z.string(),
  mode: z.enum(["sandbox", "aws"]),
});
export type AuthConfig = z.infer<typeof authConfigSchema>;

export const sessionCreateSchema = z.object({
  idToken: z.string().min(20, "idToken is required.").max(8192),
  accessToken: z.string().max(8192).optional(),
  refreshToken: z.string().max(8192).optional(),
});

export const principalViewSchema = z.object({
  email: z.string(),
  sub: z.string(),
  roles: z.object({ operator: z.boolean() }),
  groups: z.array(z.string()),
  expiresAt: z.string(),
});
export type PrincipalView = z.infer<typeof principalViewSchema>;

export const signInPasswordSchema = z.object({
  email: z.email({ error: "Enter the email address you sign in with." }),
  password: z.string().min(1, "Enter your password."),
});

export const newPasswordSchema = z
  .object({
    newPassword: z
      .string()
      .min(8, "Use at least 8 characters.")
      .regex(/[a-z]/, "Add a lowercase letter.")
      .regex(/[A-Z]/, "Add an uppercase letter.")
      .regex(/\d/, "Add a digit."),
    confirm: z.string(),
  })
  .refine((v) => v.newPassword === v.confirm, { path: ["confirm"], message: "The passwords do not match." });
