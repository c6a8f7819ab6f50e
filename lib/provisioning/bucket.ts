/**
 * Step 4b: the S3 bucket zappa deploys to and the app keeps its objects in,
 * named `<env><8 random lowercase letters>` (bucket names are global, so the
 * suffix keeps two accounts' "dev" environments apart).
 */

const RANDOM_SUFFIX_LENGTH = 8;

/** `randomLowercase(n)` must return n letters a–z; injected so the name is testable and the source is the caller's choice. */
export function generateBucketName(env: string, randomLowercase: (n: number) => string): string {
  const suffix = randomLowercase(RANDOM_SUFFIX_LENGTH);
  if (!new RegExp(`^[a-z]{${RANDOM_SUFFIX_LENGTH}}$`).test(suffix)) {
    throw new Error(`The random bucket suffix must be ${RANDOM_SUFFIX_LENGTH} lowercase letters.`);
  }
  return `${env}${suffix}`;
}

const RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

/** S3's general purpose bucket naming rules; an empty array means the name is valid. */
export function bucketNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length < 3 || name.length > 63) problems.push(`A bucket name has 3 to 63 characters; this one has ${name.length}.`);
  if (!/^[a-z0-9.-]*$/.test(name)) problems.push("A bucket name uses only lowercase letters, digits, hyphens and dots.");
  if (name.length > 0 && !/^[a-z0-9](.*[a-z0-9])?$/s.test(name)) problems.push("A bucket name starts and ends with a lowercase letter or a digit.");
  if (name.includes("..")) problems.push("A bucket name cannot contain two dots in a row.");
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) problems.push("A bucket name cannot look like an IP address.");
  for (const prefix of RESERVED_PREFIXES) {
    if (name.startsWith(prefix)) problems.push(`A bucket name cannot start with "${prefix}" (reserved by S3).`);
  }
  for (const suffix of RESERVED_SUFFIXES) {
    if (name.endsWith(suffix)) problems.push(`A bucket name cannot end with "${suffix}" (reserved by S3).`);
  }
  return problems;
}
