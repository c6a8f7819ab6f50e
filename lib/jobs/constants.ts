/** The option lists of job types and runs (blueprints irma:schd_jobs and irma:schd_runs), without zod so pages can show them cheaply. */
export const JOB_STATUSES = { available: "Available", not_available: "Not Available" } as const;
export const JOB_TYPES = {
  control: "Control",
  data_acquisition: "Data Acquisition",
  generation: "Generation",
  inference: "Inference",
  publishing: "Publishing",
  research: "Research",
  supervision: "Supervision",
  training: "Training",
  transaction: "Transaction",
  validation: "Validation",
  verification: "Verification",
} as const;
export const RUN_STATUSES = ["new", "executed", "failed"] as const;
export const TRIGGERS = ["api", "cron", "manual"] as const;
