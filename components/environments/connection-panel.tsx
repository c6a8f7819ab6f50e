"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTestConnection } from "@/components/environments/queries";

export function ConnectionPanel({ name }: { name: string }) {
  const test = useTestConnection(name);
  const result = test.data;
  return (
    <div className="mt-3 flex flex-col gap-3">
      <p className="text-sm text-slate-600 dark:text-slate-300">Calls STS GetCallerIdentity with this environment&apos;s credentials and endpoint.</p>
      <div>
        <Button variant="secondary" busy={test.isPending} onClick={() => test.mutate()}>
          Test connection
        </Button>
      </div>
      <div aria-live="polite">
        {test.isError ? <Alert tone="error">{test.error.message}</Alert> : null}
        {result?.ok ? (
          <Alert tone="success" title={`Connected in ${result.latencyMs} ms`}>
            <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1">
              <dt>Account</dt>
              <dd className="font-mono" data-testid="connection-account">{result.accountId}</dd>
              <dt>Caller ARN</dt>
              <dd className="break-all font-mono" data-testid="connection-arn">{result.arn}</dd>
            </dl>
          </Alert>
        ) : null}
        {result?.warning ? <div className="mt-2"><Alert tone="warning">{result.warning}</Alert></div> : null}
        {result && !result.ok && result.error ? (
          <Alert tone="error" title="Connection failed">
            {result.error.message}
          </Alert>
        ) : null}
      </div>
    </div>
  );
}
