import "server-only";
import { isAwsError } from "@/lib/aws/errors";

/**
 * IAM is eventually consistent: a role or policy created a moment ago may not
 * be usable yet. Retry the errors that means, with backoff, instead of failing.
 */
const PROPAGATION = ["NoSuchEntity", "NoSuchEntityException", "MalformedPolicyDocument", "MalformedPolicyDocumentException", "InvalidParameterValueException"];

export async function withIamPropagation<T>(fn: () => Promise<T>, budgetMs = 60_000): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (let delay = 500; ; delay = Math.min(delay * 2, 8_000)) {
    try {
      return await fn();
    } catch (err) {
      if (!isAwsError(err, ...PROPAGATION) || Date.now() + delay > deadline) throw err;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
