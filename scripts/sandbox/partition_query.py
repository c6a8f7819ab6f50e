"""A DynamoDB Query reads one partition, in DynamoDB and here.

moto answers every Query by sorting every item of the table and filtering
them, so a Query's time grows with the whole table: 10,000 users made a
prefix search take seconds, and a runs page got slower with every run ever
written. DynamoDB reads only the partition the key condition names. This
makes moto do the same for the base table and its local secondary indexes
(whose partition key is the table's): the candidate items are those of that
one partition, sorted as moto sorts them. Which items match, in what order,
and what a page returns are unchanged: an item of another partition can never
satisfy the key condition. Global secondary indexes keep moto's full walk.
"""
import inspect
import threading

from moto.dynamodb.models.table import LocalSecondaryIndex, Table

_original_query = Table.query
_original_all_items = Table.all_items
_query_signature = inspect.signature(_original_query)
_local = threading.local()  # .partition: (table, hash value) while this thread runs a Query


def _sort_key(item):
    return (item.hash_key, item.range_key) if item.range_key else item.hash_key


def _all_items(self):
    partition = getattr(_local, "partition", None)
    if partition is None or partition[0] is not self:
        return _original_all_items(self)
    found = self.items.get(partition[1]) if partition[1] in self.items else None
    if found is None:
        return []
    items = list(found.values()) if self.range_key_attr else [found]
    return sorted(items, key=_sort_key)


def _partition_of(table, bound):
    """The table hash value the Query is confined to, or None to walk the whole table."""
    index_name = bound.arguments.get("index_name")
    if not index_name:
        return bound.arguments.get("hash_key")
    index = next((i for i in table.all_indexes() if i.name == index_name), None)
    if not isinstance(index, LocalSecondaryIndex):
        return None
    for name, value in bound.arguments.get("hash_key_conditions") or []:
        if name == table.hash_key_attr:
            return value
    return bound.arguments.get("hash_key")


def _query(self, *args, **kwargs):
    bound = _query_signature.bind(self, *args, **kwargs)
    partition = _partition_of(self, bound)
    if partition is None:
        return _original_query(self, *args, **kwargs)
    _local.partition = (self, partition)
    try:
        return _original_query(self, *args, **kwargs)
    finally:
        _local.partition = None


Table.all_items = _all_items
Table.query = _query
