"""Answers for the few operations moto does not implement that the console calls.

Only what real AWS would answer for a request that succeeds, with no state
behind it, so the SDK parses it and the dev output stays free of tracebacks:

- Cognito RevokeToken (sign-out): AWS answers 200 with an empty JSON object.
  moto raises NotImplementedError, which werkzeug prints as a ~50-line
  traceback, and its error body is not something the SDK can parse. The
  sandbox keeps no refresh-token revocation list, so nothing is lost.
"""

ANSWERS = {
    "AWSCognitoIdentityProviderService.RevokeToken": (b"{}", "application/x-amz-json-1.1"),
}


class AnswerMissingOperations:
    """WSGI middleware in front of the emulator: answers ANSWERS itself, passes everything else on."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        answer = ANSWERS.get(environ.get("HTTP_X_AMZ_TARGET", ""))
        if answer is None:
            return self.app(environ, start_response)
        body, content_type = answer
        # Drain the request body: a keep-alive connection must not see it as the next request.
        length = int(environ.get("CONTENT_LENGTH") or 0)
        if length:
            environ["wsgi.input"].read(length)
        start_response("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body)))])
        return [body]
