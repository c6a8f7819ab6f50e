/**
 * A loopback proxy in front of the emulator that makes it behave a little
 * more like AWS, or worse: every request held `latencyMs` (a round trip), and
 * a share of requests answered with AWS's own throttling error instead of
 * being forwarded, in the wire format of the protocol the SDK used. Used by
 * `npm run bench:provision -- --latency=MS` and by the fault tests.
 *
 * Throttling is deterministic (every n-th request, n = round(1 / share)), so
 * a test that depends on it does not flake.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FaultProxy = {
  url: string;
  setLatency: (ms: number) => void;
  /** 0 forwards everything; 0.2 answers every 5th request with a throttling error. */
  setThrottleShare: (share: number) => void;
  stats: () => { requests: number; throttled: number };
  close: () => Promise<void>;
};

/** The throttling error each AWS protocol sends, as the SDK parses it. */
function throttle(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
  const target = req.headers["x-amz-target"];
  if (typeof target === "string") {
    // JSON protocols (DynamoDB, Cognito): 400 with __type.
    res.writeHead(400, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "throttled" });
    res.end(JSON.stringify({ __type: "ThrottlingException", message: "Rate exceeded" }));
  } else if (/^Action=/.test(body.toString("utf8", 0, 7)) || body.includes("&Action=")) {
    // Query protocols (IAM, STS): an XML ErrorResponse with code Throttling.
    res.writeHead(400, { "content-type": "text/xml" });
    res.end('<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>throttled</RequestId></ErrorResponse>');
  } else if ((req.url ?? "").startsWith("/v2/")) {
    // REST-JSON (SESv2): 429 with the error type in a header.
    res.writeHead(429, { "content-type": "application/json", "x-amzn-errortype": "TooManyRequestsException" });
    res.end(JSON.stringify({ message: "Rate exceeded" }));
  } else {
    // REST-XML (S3): 503 SlowDown.
    res.writeHead(503, { "content-type": "application/xml" });
    res.end("<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>throttled</RequestId></Error>");
  }
}

export async function startFaultProxy(target: string, opts: { latencyMs?: number; throttleShare?: number } = {}): Promise<FaultProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  let latencyMs = opts.latencyMs ?? 0;
  let every = 0;
  const setThrottleShare = (share: number) => {
    every = share > 0 ? Math.max(1, Math.round(1 / share)) : 0;
  };
  setThrottleShare(opts.throttleShare ?? 0);
  let requests = 0;
  let throttled = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      requests++;
      const refuse = every > 0 && requests % every === 0;
      setTimeout(() => {
        if (refuse) {
          throttled++;
          throttle(req, body, res);
          return;
        }
        const forward = http.request(
          { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
            // An upstream that dies mid-answer must cut the client's connection too, not leave it waiting.
            answer.on("close", () => {
              if (!answer.complete) res.destroy();
            });
          },
        );
        forward.on("error", () => res.destroy());
        forward.end(body);
      }, latencyMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setLatency: (ms) => {
      latencyMs = ms;
    },
    setThrottleShare,
    stats: () => ({ requests, throttled }),
    close: () => {
      agent.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
