"""Which requests change the emulator's state, and so go into the journal.

JSON protocol: the operation from X-Amz-Target; query protocol (IAM, STS, SES
v1): the Action; REST protocols: GET/HEAD/OPTIONS are reads, and other methods
are reads only if every operation of the service's botocore model that fits
the method and path is named like one. Anything unknown counts as mutating.
"""

import re
from urllib.parse import parse_qs

import botocore.session


READ_ONLY_OPERATION = re.compile(
    r"^(Get|List|Describe|Query|Scan|BatchGet|Head|Search|Lookup|AdminGet|AdminList)([A-Z]|$)"
)
# Named like reads, but moto stores something (cognito-identity GetId registers an identity).
MUTATING_DESPITE_NAME = {"GetId"}
READ_ONLY_METHODS = {"GET", "HEAD", "OPTIONS"}


def operation_name(environ: dict, body: bytes) -> str | None:
    target = environ.get("HTTP_X_AMZ_TARGET")
    if target:  # JSON protocol: "DynamoDB_20120810.PutItem"
        return target.rsplit(".", 1)[-1]
    action = parse_qs(environ.get("QUERY_STRING", "")).get("Action")
    if action:  # query protocol (IAM, STS, SES v1) as a GET
        return action[0]
    if environ.get("CONTENT_TYPE", "").startswith("application/x-www-form-urlencoded"):
        action = parse_qs(body.decode("utf-8", "replace")).get("Action")
        if action:
            return action[0]
    return None  # REST protocol (S3, SESv2…)


def is_mutating(environ: dict, body: bytes) -> bool:
    operation = operation_name(environ, body)
    if operation is not None:
        return operation in MUTATING_DESPITE_NAME or not READ_ONLY_OPERATION.match(operation)
    if environ.get("REQUEST_METHOD", "GET") in READ_ONLY_METHODS:
        return False
    # REST APIs also read with POST (SESv2 ListEmailIdentities is POST /v2/email/list-identities):
    # a read only if every operation of the service's model that fits method and path is one.
    candidates = rest_operations(environ)
    return not candidates or any(
        name in MUTATING_DESPITE_NAME or not READ_ONLY_OPERATION.match(name) for name in candidates
    )


_rest_routes: dict[str, list[tuple[str, re.Pattern, list[str], str]]] = {}


def rest_operations(environ: dict) -> list[str]:
    """Names of the operations of the signing service whose HTTP route fits this request."""
    scope = re.search(r"Credential=[^/]+/[^/]+/[^/]+/([^/]+)/", environ.get("HTTP_AUTHORIZATION", ""))
    if not scope:
        return []
    path = (environ.get("RAW_URI") or environ.get("PATH_INFO", "/")).split("?", 1)[0]
    service = "sesv2" if scope.group(1) == "ses" and path.startswith("/v2/") else scope.group(1)
    if service not in _rest_routes:
        _rest_routes[service] = []
        try:
            model = botocore.session.get_session().get_service_model(service)
        except Exception:  # not a service botocore knows by this name: treated as mutating
            return []
        for name in model.operation_names:
            http = model.operation_model(name).http
            uri_path, _, uri_query = http.get("requestUri", "/").partition("?")
            pattern = re.sub(r"\\{[^}]+\\+\\}", ".+", re.escape(uri_path))
            pattern = re.sub(r"\\{[^}]+\\}", "[^/]+", pattern)
            keys = [part.split("=", 1)[0] for part in uri_query.split("&") if part]
            _rest_routes[service].append((http.get("method", "POST"), re.compile(pattern + "/?"), keys, name))
    query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
    method = environ.get("REQUEST_METHOD", "POST")
    return [
        name for route_method, pattern, keys, name in _rest_routes[service]
        if route_method == method and pattern.fullmatch(path) and all(key in query for key in keys)
    ]
