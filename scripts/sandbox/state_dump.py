"""The emulator's state dump (/moto-api/data.json) for the services a caller names: `?service=ses`.

moto's dump walks every model instance of every service and tries each public
attribute of each one: with 10,000 users in a sandbox the Mailbox waited seconds
for 40,000 DynamoDB items it then threw away. With `service` named, only those
services' models are walked, in the same shape. Without it (and on moto as it
is, which ignores the parameter) the dump is moto's own, whole.
"""
import json
from urllib.parse import parse_qs, urlparse

from moto.core import model_instances
from moto.moto_api._internal import urls

_DUMP = "{0}/moto-api/data.json"
_whole_dump = urls.url_paths[_DUMP]


def _public_attributes(instance):
    """The attributes moto's dump shows: public ones whose values are JSON."""
    shown = {}
    for name in dir(instance):
        if name.startswith("_"):
            continue
        try:
            value = getattr(instance, name)
            json.dumps(value)
        except (TypeError, AttributeError, ValueError):
            continue
        shown[name] = value
    return shown


def model_data(request, full_url, headers):
    wanted = parse_qs(urlparse(full_url).query).get("service")
    if not wanted:
        return _whole_dump(request, full_url, headers)
    dump = {}
    for service in sorted(set(wanted) & set(model_instances.model_data)):
        models = model_instances.model_data[service]
        dump[service] = {name: [_public_attributes(i) for i in models[name].instances_tracked] for name in sorted(models)}
    return 200, {"Content-Type": "application/javascript"}, json.dumps(dump)


urls.url_paths[_DUMP] = model_data
