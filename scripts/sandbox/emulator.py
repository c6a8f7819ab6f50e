"""TankTower sandbox emulator: moto in server mode, made durable by a journal.

moto keeps everything in memory, and its own recorder rewrites its file, so a
crash can lose it. Here every mutating request is appended to
<state-dir>/journal.jsonl (one JSON line, fsync'd) before its response is sent,
and at start the journal is replayed in-process, in order, before the port
accepts connections. Replaying yields the same ids because:

- mutations run one at a time under one lock, so the journal order is the order
  moto executed them;
- before each mutation moto's random generator is reseeded with seed + its
  journal index, so its ids depend only on its position in the journal, not on
  how much randomness earlier requests drew;
- requests that are not journaled (reads, /moto-api) draw from a separate
  generator, so a read running beside a mutation cannot shift the mutation's ids,
  and creating a service's backend (which moto does on first use, perhaps in a
  read live and in a mutation on replay) draws from one seeded by its name;
- moto's clock (moto.core.utils.utcnow) reads the time recorded with the entry,
  so creation dates survive restarts too.

Usage: python emulator.py --host 127.0.0.1 --port 4566 --state-dir DIR
Prints `READY http://HOST:PORT (replayed N requests)` once it serves.
"""

import argparse
import base64
import datetime
import errno
import fcntl
import io
import json
import os
import random
import re
import signal
import socket
import sys
import threading
import time
from urllib.parse import parse_qs

# Must be set before moto is imported: it reads its settings at import time.
os.environ["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true"  # AdministratorAccess & co. must exist
os.environ.pop("MOTO_ACCOUNT_ID", None)  # keep moto's default account, 123456789012

import moto.core.utils as moto_utils  # noqa: E402

_request_context = threading.local()  # .stream (random.Random or None), .clock (epoch seconds or None)
_real_utcnow = moto_utils.utcnow


def _journal_clock_utcnow() -> datetime.datetime:
    clock = getattr(_request_context, "clock", None)
    if clock is None:
        return _real_utcnow()
    return datetime.datetime.fromtimestamp(clock, datetime.timezone.utc).replace(tzinfo=None)


# Patch before the service modules are imported (moto loads them lazily and they
# import utcnow by name); also swap any reference already taken.
moto_utils.utcnow = _journal_clock_utcnow
for _module in list(sys.modules.values()):
    if getattr(_module, "__name__", "").startswith("moto.") and getattr(_module, "utcnow", None) is _real_utcnow:
        _module.utcnow = _journal_clock_utcnow

from moto import __version__ as MOTO_VERSION  # noqa: E402
from moto.core.request import (  # noqa: E402
    PRESERVED_HEADER_NAMES_ENVIRON_KEY,
    environ_key_for_header,
    should_preserve_original_header_name,
)
import moto.backends  # noqa: E402
from moto.core.base_backend import AccountSpecificBackend  # noqa: E402
from moto.moto_api._internal import mock_random  # noqa: E402
from moto.moto_server.werkzeug_app import (  # noqa: E402
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from werkzeug.serving import get_sockaddr, make_server, select_address_family  # noqa: E402
from werkzeug.test import EnvironBuilder  # noqa: E402
from werkzeug.wsgi import get_input_stream  # noqa: E402

# moto's dispatcher lists its package directory on every request (a quarter of the
# replay time); the list cannot change while we run.
_MOTO_MODULES = tuple(moto.backends.list_of_moto_modules())
moto.backends.list_of_moto_modules = lambda: _MOTO_MODULES

BASE_SEED = 1701
JOURNAL_FORMAT = 2  # 2: backends are created on streams of their own
EXIT_PORT_IN_USE = 3
EXIT_BAD_JOURNAL = 4
EXIT_JOURNAL_WRITE_FAILED = 5
EXIT_STATE_DIR_BUSY = 6

# --- randomness
# Every request draws from moto's generator (request ids at least), and so does
# creating a service's backend, which moto does on the first request that needs it:
# a read live, perhaps a mutation on replay. So a thread draws from the stream set
# in _request_context.stream: mock_random itself (reseeded per mutation) while it
# runs a journaled mutation, a stream seeded by service/account/region while it
# creates a backend, and a private unseeded one otherwise.

_seeded_getrandbits = mock_random.getrandbits
_seeded_random = mock_random.random
_unjournaled = random.SystemRandom()


def _stream() -> random.Random:
    return getattr(_request_context, "stream", None) or _unjournaled


def _routed_getrandbits(k: int) -> int:
    stream = _stream()
    return _seeded_getrandbits(k) if stream is mock_random else stream.getrandbits(k)


def _routed_random() -> float:
    stream = _stream()
    return _seeded_random() if stream is mock_random else stream.random()


# Every method of random.Random (choice, randint, uuid4 in MotoRandom…) bottoms out in these two.
mock_random.getrandbits = _routed_getrandbits
mock_random.random = _routed_random

_create_backend = AccountSpecificBackend.__getitem__


def _create_backend_on_its_own_stream(self, region_name: str):
    if region_name in self.keys():  # the usual case: it exists
        return _create_backend(self, region_name)
    previous = getattr(_request_context, "stream", None)
    _request_context.stream = random.Random(f"{self.service_name}/{self.account_id}/{region_name}")
    try:
        return _create_backend(self, region_name)
    finally:
        _request_context.stream = previous


AccountSpecificBackend.__getitem__ = _create_backend_on_its_own_stream

from request_kind import is_mutating  # noqa: E402 (after moto's settings are fixed)
from gaps import AnswerMissingOperations  # noqa: E402
import partition_query  # noqa: E402,F401 (a Query reads one partition, as in DynamoDB)
import state_dump  # noqa: E402,F401 (/moto-api/data.json?service=ses dumps SES alone)

# --- journal entries

# Transport and SDK bookkeeping headers; moto needs none of them to redo a request.
SKIPPED_HEADERS = {
    "CONTENT_LENGTH", "HTTP_CONTENT_LENGTH", "HTTP_TRANSFER_ENCODING", "HTTP_CONNECTION",
    "HTTP_KEEP_ALIVE", "HTTP_EXPECT", "HTTP_USER_AGENT", "HTTP_X_AMZ_USER_AGENT",
    "HTTP_AMZ_SDK_INVOCATION_ID", "HTTP_AMZ_SDK_REQUEST", "HTTP_ACCEPT_ENCODING",
}


def read_body(environ: dict) -> bytes:
    """Read the whole body (de-chunked) and put it back so moto can read it again."""
    body = get_input_stream(environ).read()
    environ["wsgi.input"] = io.BytesIO(body)
    environ["CONTENT_LENGTH"] = str(len(body))
    environ.pop("HTTP_TRANSFER_ENCODING", None)
    environ.pop("wsgi.input_terminated", None)
    return body


def journal_entry(environ: dict, body: bytes, clock: float) -> dict:
    preserved = environ.get(PRESERVED_HEADER_NAMES_ENVIRON_KEY) or {}
    headers = []
    for key, value in environ.items():
        if key == "CONTENT_TYPE":
            headers.append(["Content-Type", value])
        elif key.startswith("HTTP_") and key not in SKIPPED_HEADERS:
            headers.append([preserved.get(key) or key[5:].replace("_", "-").title(), value])
    return {
        "t": clock,
        "method": environ.get("REQUEST_METHOD", "GET"),
        "path": environ.get("PATH_INFO", "/"),
        "raw_uri": environ.get("RAW_URI") or environ.get("PATH_INFO", "/"),
        "query": environ.get("QUERY_STRING", ""),
        "headers": headers,
        "body": base64.b64encode(body).decode("ascii"),
    }


def replay_environ(entry: dict) -> dict:
    builder = EnvironBuilder(
        method=entry["method"],
        query_string=entry["query"],
        headers=[(name, value) for name, value in entry["headers"]],
        data=base64.b64decode(entry["body"]),
    )
    try:
        environ = builder.get_environ()
    finally:
        builder.close()
    environ["PATH_INFO"] = entry["path"]
    environ["RAW_URI"] = environ["REQUEST_URI"] = entry["raw_uri"]
    environ[PRESERVED_HEADER_NAMES_ENVIRON_KEY] = {
        environ_key_for_header(name): name
        for name, _ in entry["headers"]
        if should_preserve_original_header_name(name)
    }
    return environ


class Journal:
    def __init__(self, path: str):
        self.path = path
        self.seed = BASE_SEED
        self.entries: list[dict] = []
        self._fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
        self._lock_exclusively()
        self._load()
        if os.fstat(self._fd).st_size == 0:
            self._write({"journal": "tanktower-sandbox", "format": JOURNAL_FORMAT, "seed": self.seed, "moto": MOTO_VERSION})

    def _lock_exclusively(self) -> None:
        """Two emulators appending to one journal would interleave their orders."""
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"emulator: error: another emulator is using {os.path.dirname(self.path)}", file=sys.stderr)
            sys.exit(EXIT_STATE_DIR_BUSY)

    def _load(self) -> None:
        with open(self.path, "rb") as f:
            data = f.read()
        # Each record is written with its newline in one write: whatever follows the
        # last newline was cut short by a crash mid-write, and so is a garbled last line.
        complete = data.split(b"\n")[:-1]
        good_end = 0
        for number, line in enumerate(complete, start=1):
            try:
                record = json.loads(line) if line.strip() else {}
            except ValueError:
                if number == len(complete):
                    break
                print(f"emulator: error: line {number} of {self.path} is corrupt; `npm run sandbox:reset` starts over", file=sys.stderr)
                sys.exit(EXIT_BAD_JOURNAL)
            good_end += len(line) + 1
            if "journal" in record:
                self.seed = int(record.get("seed", BASE_SEED))
                if record.get("moto") != MOTO_VERSION or record.get("format") != JOURNAL_FORMAT:
                    print(f"emulator: journal written by another emulator (moto {record.get('moto')}, format "
                          f"{record.get('format')}); ids may differ from before; `npm run sandbox:reset` starts over",
                          file=sys.stderr)
            elif record:
                self.entries.append(record)
        if good_end < len(data):
            print(f"emulator: dropped {len(data) - good_end} bytes of an unfinished journal line", file=sys.stderr)
            os.ftruncate(self._fd, good_end)
            os.fsync(self._fd)

    def _write(self, record: dict) -> None:
        pending = memoryview((json.dumps(record, separators=(",", ":")) + "\n").encode("utf-8"))
        while pending:
            pending = pending[os.write(self._fd, pending):]
        os.fsync(self._fd)

    def append(self, entry: dict) -> None:
        self._write(entry)

    def close(self) -> None:
        os.close(self._fd)


class JournaledMoto:
    """WSGI middleware around moto: serializes and journals mutations, passes reads through."""

    def __init__(self, moto_app, journal: Journal):
        self.moto_app = moto_app
        self.journal = journal
        self.lock = threading.Lock()
        self.executed = 0  # journal index of the next mutation

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO", "").startswith("/moto-api"):
            return self.moto_app(environ, start_response)
        body = read_body(environ)
        if not is_mutating(environ, body):
            return self.moto_app(environ, start_response)
        with self.lock:
            clock = time.time()
            entry = journal_entry(environ, body, clock)
            try:
                status, headers, chunks = self.execute(environ, clock)
            finally:
                # Journaled whatever the outcome: a failed request may still have drawn ids.
                try:
                    self.journal.append(entry)
                except OSError as error:
                    print(f"emulator: error: cannot write the journal ({error}); stopping rather than lose changes", file=sys.stderr, flush=True)
                    os._exit(EXIT_JOURNAL_WRITE_FAILED)
        start_response(status, headers)
        return chunks

    def execute(self, environ: dict, clock: float):
        """Run one mutation on the seeded stream and the journal clock; buffer its response."""
        captured: list = []
        written: list[bytes] = []

        def capture(status, headers, exc_info=None):
            captured[:] = [status, headers]
            return written.append

        mock_random.seed(self.journal.seed + self.executed)
        self.executed += 1
        _request_context.stream = mock_random
        _request_context.clock = clock
        try:
            result = self.moto_app(environ, capture)
            try:
                chunks = written + list(result)
            finally:
                if hasattr(result, "close"):
                    result.close()
        finally:
            _request_context.stream = None
            _request_context.clock = None
        return captured[0], captured[1], chunks

    def replay(self, entries: list[dict]) -> None:
        for number, entry in enumerate(entries, start=1):
            try:
                self.execute(replay_environ(entry), entry["t"])
            except Exception as error:  # it failed the same way live; later entries still apply
                print(f"emulator: replayed request {number} raised {error!r}", file=sys.stderr)


class QuietRequestHandler(MotoRequestHandler):
    """No access log: `npm run dev` output is for the console, not every SDK call."""

    def log_request(self, code="-", size="-") -> None:
        pass


class _Stop(Exception):
    pass


def _raise_stop(signum, frame):
    raise _Stop()


def _stop_at_stdin_eof() -> None:
    """The launcher keeps our stdin open; EOF means it died without stopping us."""
    try:  # the raw fd, not sys.stdin: a daemon thread parked in a buffered read aborts sys.exit
        while os.read(0, 65536):
            pass
    except OSError:
        pass
    os.kill(os.getpid(), signal.SIGTERM)


def bind(host: str, port: int) -> socket.socket:
    """Bind (not listen) before replaying: a taken port fails fast, and clients get
    'connection refused' until the replayed state is complete."""
    family = select_address_family(host, port)
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(get_sockaddr(host, port, family))
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            print(f"emulator: error: port {port} on {host} is already in use", file=sys.stderr)
            sys.exit(EXIT_PORT_IN_USE)
        print(f"emulator: error: cannot listen on {host}:{port}: {error.strerror}", file=sys.stderr)
        sys.exit(1)
    return sock


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=4566, help="0 picks a free port")
    parser.add_argument("--state-dir", required=True)
    parser.add_argument("--exit-with-stdin", action="store_true", help="stop when stdin closes")
    args = parser.parse_args()

    signal.signal(signal.SIGTERM, _raise_stop)
    signal.signal(signal.SIGINT, _raise_stop)
    if args.exit_with_stdin:
        threading.Thread(target=_stop_at_stdin_eof, daemon=True).start()
    os.makedirs(args.state_dir, mode=0o700, exist_ok=True)
    sock = bind(args.host, args.port)
    journal = Journal(os.path.join(args.state_dir, "journal.jsonl"))
    app = JournaledMoto(DomainDispatcherApplication(create_backend_app), journal)
    server = None
    try:
        started = time.monotonic()
        app.replay(journal.entries)
        replayed, journal.entries = len(journal.entries), []
        if replayed:
            print(f"emulator: replayed {replayed} requests in {time.monotonic() - started:.1f}s", file=sys.stderr, flush=True)
        sock.listen(128)
        server = make_server(args.host, sock.getsockname()[1], AnswerMissingOperations(app), threaded=True,
                             request_handler=QuietRequestHandler, fd=sock.fileno())
        sock.close()  # the server holds its own duplicate of the descriptor
        print(f"READY http://{args.host}:{server.port} (replayed {replayed} requests)", flush=True)
        server.serve_forever()
    except _Stop:
        pass
    if server is not None:
        server.server_close()
    with app.lock:  # let a mutation in flight finish its journal line; start no other
        journal.close()
        sys.stdout.flush()
        os._exit(0)


if __name__ == "__main__":
    main()
