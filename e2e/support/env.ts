/** What global-setup hands to the tests. */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through playwright.config.ts`);
  // E2E refuses to touch anything but a local endpoint.
  if (name.endsWith("_URL") && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?/.test(value)) {
    throw new Error(`${name}=${value} is not a local endpoint; e2e tests only run against the local sandbox`);
  }
  return value;
}

export const e2e = {
  get baseUrl() {
    return required("TT_E2E_BASE_URL");
  },
  get emulatorUrl() {
    return required("TT_E2E_EMULATOR_URL");
  },
  get controlUrl() {
    return required("TT_E2E_CONTROL_URL");
  },
  get operator() {
    return { email: required("TT_E2E_OPERATOR_EMAIL"), password: required("TT_E2E_OPERATOR_PASSWORD") };
  },
};
