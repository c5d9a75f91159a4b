/// The Python program a ``CLIWorker`` runs (`python -c`): it runs many `aws` CLI v1 commands in
/// one process, each through awscli's own driver (`awscli.clidriver`), so each command parses,
/// resolves credentials, calls the service and prints exactly as `aws ARGS` would, without
/// paying Python's and awscli's start-up (~0.5 s of CPU) per command.
///
/// Protocol: requests on standard input, one JSON line each,
/// `{"argv": [ARGS without "aws"], "env": {"NAME": "value" or null}}`; answers on standard
/// output, a JSON header line `{"status": N, "out": BYTES, "err": BYTES}` followed by the
/// command's standard output and standard error, byte for byte. The first line it prints is
/// `{"ready": true, "awscli": "VERSION"}`, or `{"ready": false, "error": "..."}` before it exits.
/// A command's environment is the worker's initial one with `env` applied; nothing of it is
/// written anywhere. It ignores SIGINT (the command under way finishes) and ends when its
/// standard input closes.
enum WorkerScript {
    static let source = #"""
import io, json, logging, os, signal, sys

LOGGERS = ("", "awscli", "botocore", "s3transfer", "urllib3")
DRIVERS_KEPT = 16


def send(channel, header, out=b"", err=b""):
    channel.write(json.dumps(header).encode() + b"\n" + out + err)
    channel.flush()


def profile_of(argv):
    for index, word in enumerate(argv[:-1]):
        if word == "--profile":
            return argv[index + 1]
    return None


class Capture:
    """sys.stdout and sys.stderr replaced by in-memory streams of the same encoding."""

    def __init__(self, encoding, errors):
        self.out, self.err = io.BytesIO(), io.BytesIO()
        self.streams = [io.TextIOWrapper(buffer, encoding=encoding, errors=errors, write_through=True)
                        for buffer in (self.out, self.err)]

    def __enter__(self):
        self.saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = self.streams
        return self

    def __exit__(self, *exc):
        sys.stdout, sys.stderr = self.saved
        for stream in self.streams:
            stream.flush()
            stream.detach()
        return False


def exit_status(code):
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    sys.stderr.write("%s\n" % code)
    return 1


class ClientClasses:
    """botocore builds a client's class anew for every client: for EC2 (hundreds of
    operations, each a method with its docstring) that is most of a command's CPU. The class
    depends only on the service model and the session's event handlers, so each session
    (driver) builds it once per service and API version; every client is still created anew."""

    def __init__(self):
        self.by_session = {}

    def install(self):
        from botocore import client
        build = client.ClientCreator._create_client_class
        classes = self.by_session

        def create_client_class(creator, service_name, service_model):
            known = classes.setdefault(id(creator._event_emitter), {})
            key = (service_name, service_model.api_version)
            if key not in known:
                known[key] = build(creator, service_name, service_model)
            return known[key]

        client.ClientCreator._create_client_class = create_client_class

    def forget(self, driver):
        self.by_session.pop(id(driver.session.get_component("event_emitter")), None)


class Worker:
    def __init__(self, clidriver):
        self.clidriver = clidriver
        self.classes = ClientClasses()
        self.classes.install()
        self.base = dict(os.environ)
        self.drivers = {}
        self.encoding = sys.stdout.encoding
        self.errors = sys.stdout.errors

    def driver(self, env, argv):
        # One driver per environment and profile: a driver keeps the credentials it resolved
        # and the profile it was given, so commands with other ones get their own.
        key = json.dumps([sorted(env.items()), profile_of(argv)])
        driver = self.drivers.pop(key, None) or self.clidriver.create_clidriver()
        self.drivers[key] = driver
        while len(self.drivers) > DRIVERS_KEPT:
            self.classes.forget(self.drivers.pop(next(iter(self.drivers))))
        return driver

    def run(self, argv, env):
        os.environ.clear()
        os.environ.update(self.base)
        for name, value in env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        handlers = {name: list(logging.getLogger(name).handlers) for name in LOGGERS}
        with Capture(self.encoding, self.errors) as capture:
            try:
                status = exit_status(self.driver(env, argv).main(list(argv)))
            except SystemExit as end:
                status = exit_status(end.code)
            except BaseException as error:  # what the aws script would print: no traceback of the environment
                sys.stderr.write("\n%s: %s\n" % (type(error).__name__, error))
                status = 255
        for name, kept in handlers.items():
            logging.getLogger(name).handlers[:] = kept
        return status, capture.out.getvalue(), capture.err.getvalue()


def main():
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    try:
        import awscli
        from awscli import clidriver
    except Exception as error:
        send(answers, {"ready": False, "error": "%s: %s" % (type(error).__name__, error)})
        return 1
    worker = Worker(clidriver)
    send(answers, {"ready": True, "awscli": awscli.__version__})
    for line in requests:
        request = json.loads(line)
        status, out, err = worker.run(request["argv"], request.get("env") or {})
        send(answers, {"status": status, "out": len(out), "err": len(err)}, out, err)
    return 0


sys.exit(main())
"""#
}
