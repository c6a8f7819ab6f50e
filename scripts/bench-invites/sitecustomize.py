"""Loaded by the bench's emulator only (npm run bench:invites puts this folder on PYTHONPATH).

moto's DynamoDB TransactWriteItems deep-copies the WHOLE table once per item
of the transaction (a rollback copy taken before any item runs), so each
invite's entity transaction (four puts) costs O(rows in the table) and a
1,000-invite run is quadratic: about 20 minutes of copying on this machine,
a cost DynamoDB does not have. For transactions without an Update (every
write the invite path makes is a Put), a copy of the table's item maps is an
equally good rollback: a Put replaces the Item object in the map and a Delete
removes it, neither changes the Item objects the copy shares. Transactions
with an Update keep moto's deep copy.
"""

import copy as _copy
import importlib.abc
import importlib.util
import sys
from collections import defaultdict

_TARGET = "moto.dynamodb.models"


class _ItemMapCopy:
    @staticmethod
    def deepcopy(table, memo=None):
        clone = _copy.copy(table)
        clone.items = defaultdict(dict, {h: (dict(v) if isinstance(v, dict) else v) for h, v in table.items.items()})
        return clone


def _patch(module):
    backend = module.DynamoDBBackend
    original = backend.transact_write_items

    def transact_write_items(self, transact_items):
        if any("Update" in item for item in transact_items):
            return original(self, transact_items)
        real = module.copy
        module.copy = _ItemMapCopy  # mutations run one at a time under the emulator's lock
        try:
            return original(self, transact_items)
        finally:
            module.copy = real

    backend.transact_write_items = transact_write_items


class _PatchOnImport(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != _TARGET:
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_and_patch(module):
            exec_module(module)
            _patch(module)

        spec.loader.exec_module = exec_and_patch
        return spec


sys.meta_path.insert(0, _PatchOnImport())
