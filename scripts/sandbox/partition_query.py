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

moto then sorts the candidates comparing its typed values, which converts
both sides on every comparison (a Decimal per number): most of a large
partition's time. The candidates are handed over already in that order,
sorted on values converted once, so moto's own (stable) sort finds them in
order and only confirms it.

Within the partition DynamoDB reads only the sort-key range the condition
names (a prefix, a time range); moto tests every item of the partition. The
candidates are narrowed to that range, plus the nearest item outside it on
each side, which keeps moto's paging answer exactly as it was (it hands out a
cursor when an item follows the last one a full page returned).

DynamoDB finds that range in a sorted structure without looking at the rest
of the partition; moto still tests each of its items (a prefix search over
10,000 users tested 30,000 lookup rows). For a Query on the table's own sort
key, each partition's keys are kept in sort order (sorted on its first
Query, then kept so by every put of a new key and every delete; sorted again
when moto swapped the partition, as a failed transaction's rollback does),
and the range is found by binary search: the same candidates, found without
the walk.
"""
import bisect
import heapq
import inspect
import threading

from moto.dynamodb.comparisons import get_comparison_func
from moto.dynamodb.models.dynamo_type import DynamoType
from moto.dynamodb.models.table import LocalSecondaryIndex, Table

_original_query = Table.query
_original_all_items = Table.all_items
_original_put_item = Table.put_item
_original_delete_item = Table.delete_item
_query_signature = inspect.signature(_original_query)
_local = threading.local()  # .partition: (table, hash value, sort attributes, range test) while this thread runs a Query


def _sort_key(attributes):
    """The order moto sorts Query candidates in, on values converted once (a missing one first)."""

    def key(item):
        values = []
        for name in attributes:
            value = item.attrs.get(name)
            values.append((0,) if value is None else (1, value.cast_value))
        return values

    return key


def _fast(value):
    """DynamoType.cast_value, without its chain of type checks for the common case, a string."""
    return value.value if value.type == "S" else value.cast_value


def _all_items(self):
    partition = getattr(_local, "partition", None)
    if partition is None or partition[0] is not self:
        return _original_all_items(self)
    found = self.items.get(partition[1]) if partition[1] in self.items else None
    if found is None:
        return []
    attributes, test, first_page = partition[2], partition[3], partition[4]
    on_sort_key = not partition[5] and self.range_key_attr and attributes == [self.range_key_attr]
    if on_sort_key and self.range_key_type in ("S", "N") and (test is None or test[0] == self.range_key_attr):
        answer = _from_sorted(self, partition[1], found, test, first_page)
        if answer is not None:
            return answer
    key = _sort_key(attributes)
    items = found.values() if self.range_key_attr else [found]
    if test is None or test[0] != attributes[0]:
        if not (first_page and test is None):
            return sorted(items, key=key)
        # An index holds only the items that carry its sort key (moto's own test: the value is truthy).
        on_index = partition[5]
        return _first_page([i for i in items if not on_index or i.attrs.get(attributes[0])], key, first_page)
    attribute, compare, values, on_index, _ = test
    hits, others = [], []
    for item in items:
        value = item.attrs.get(attribute)
        if value and compare(_fast(value), *values):
            hits.append(item)
        elif value is not None and (value or not on_index):
            # A candidate outside the range (an index holds only items whose sort key is truthy, moto's own test).
            others.append((_fast(value), item))
    if not hits:
        return []
    if first_page and len(hits) > first_page[0] + 1:
        # A first page reads only its own items and the one after (DynamoDB reads no more).
        return _first_page(hits, key, first_page)
    hits.sort(key=key)
    # The range is contiguous in the sort order; the nearest candidate beyond each end keeps moto's cursor answer.
    low, high = _fast(hits[0].attrs[attribute]), _fast(hits[-1].attrs[attribute])
    below = [pair for pair in others if pair[0] < low]
    above = [pair for pair in others if pair[0] > high]
    out = []
    if below:
        top = max(pair[0] for pair in below)
        out.append(max((item for value, item in below if value == top), key=key))
    out.extend(hits)
    if above:
        bottom = min(pair[0] for pair in above)
        out.append(min((item for value, item in above if value == bottom), key=key))
    return out


class _SortedKeys(dict):
    """hash value -> [stamp, sort-key values, keys] of each partition read so far, kept on its table.
    A deep copy (moto copies every table to roll a failed transaction back) starts empty."""

    def __deepcopy__(self, memo):
        return _SortedKeys()


def _cache(table):
    cache = table.__dict__.get("_tt_sorted")
    if cache is None:
        cache = table.__dict__["_tt_sorted"] = _SortedKeys()
    return cache


def _stamp(found):
    """What an entry was built from: the partition's dict and its size (a swapped or resized dict: rebuild)."""
    return (id(found), len(found))


def _current(table, hash_value):
    """The partition's entry if it still describes the partition, else None (and forgotten)."""
    cache = _cache(table)
    entry = cache.get(hash_value)
    if entry is not None and entry[0] != _stamp(table.items.get(hash_value, {})):
        del cache[hash_value]
        return None
    return entry


def _put_item(self, item_attrs, *args, **kwargs):
    added = None
    if self.range_key_attr:
        try:
            hash_value = DynamoType(item_attrs[self.hash_key_attr])
            range_value = DynamoType(item_attrs[self.range_key_attr])
            if range_value not in self.items.get(hash_value, ()):
                added = (hash_value, range_value, _current(self, hash_value))
        except Exception:  # noqa: BLE001 (malformed keys: moto's own put answers the error)
            added = None
    result = _original_put_item(self, item_attrs, *args, **kwargs)
    if added is not None and added[2] is not None:
        # A new key joins its partition's sorted keys where it sorts.
        hash_value, range_value, entry = added
        value = range_value.cast_value
        at = bisect.bisect_right(entry[1], value)
        entry[1].insert(at, value)
        entry[2].insert(at, range_value)
        entry[0] = _stamp(self.items[hash_value])
    return result


def _delete_item(self, hash_key, range_key):
    entry = _current(self, hash_key) if range_key is not None else None
    item = _original_delete_item(self, hash_key, range_key)
    if entry is not None and item is not None:
        value = range_key.cast_value
        at = bisect.bisect_left(entry[1], value)
        while entry[2][at] != range_key:
            at += 1
        del entry[1][at]
        del entry[2][at]
        entry[0] = _stamp(self.items.get(hash_key, {}))
    return item


def _sorted_keys(table, hash_value, found):
    """The partition's sort-key values and keys in sort order: built on its first Query, then kept by the writes."""
    entry = _current(table, hash_value)
    if entry is None or entry[0] != _stamp(found):
        pairs = sorted(((k.cast_value, k) for k in found), key=lambda pair: pair[0])
        entry = [_stamp(found), [value for value, _ in pairs], [k for _, k in pairs]]
        _cache(table)[hash_value] = entry
    return entry[1], entry[2]


def _first_false(values, lo, holds):
    """The first index from lo on where `holds` is false, for a `holds` that is true and then false."""
    hi = len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if holds(values[mid]):
            lo = mid + 1
        else:
            hi = mid
    return lo


_BELOW = {  # a value sorted before the range the comparison names
    "EQ": lambda v, a: v < a, "=": lambda v, a: v < a,
    "GE": lambda v, a: v < a, ">=": lambda v, a: v < a,
    "GT": lambda v, a: v <= a, ">": lambda v, a: v <= a,
    "BETWEEN": lambda v, a, b: v < a,
    "BEGINS_WITH": lambda v, a: v < a,  # every string with the prefix sorts at or after it
    "LT": None, "<": None, "LE": None, "<=": None,  # the range starts at the first item
}


def _from_sorted(table, hash_value, found, test, first_page):
    """The same candidates as the walk below, by binary search in the partition's sorted keys (None: walk)."""
    values, keys = _sorted_keys(table, hash_value, found)
    if test is None:
        lo, hi = 0, len(values)
    else:
        _, compare, args, _, op = test
        if op not in _BELOW:
            return None
        below = _BELOW[op]
        # Every key condition names one contiguous run of the sort order.
        lo = 0 if below is None else _first_false(values, 0, lambda v: below(v, *args))
        hi = _first_false(values, lo, lambda v: compare(v, *args))
        if lo == hi:
            return []
    if first_page and hi - lo > first_page[0] + 1:
        # A first page reads only its own items and the one after (DynamoDB reads no more).
        limit, forward = first_page
        chosen = keys[lo : lo + limit + 1] if forward else keys[hi - limit - 1 : hi]
        return [found[k] for k in chosen]
    if test is None:
        return [found[k] for k in keys]
    # The nearest key beyond each end keeps moto's cursor answer, as in the walk.
    return [found[k] for k in keys[max(lo - 1, 0) : hi + 1]]


def _first_page(items, key, first_page):
    """The first `limit` + 1 items in the Query's direction, in moto's order: moto returns `limit` of
    them and answers a cursor because one more follows, as it does over the whole partition."""
    limit, forward = first_page
    if forward:
        return heapq.nsmallest(limit + 1, items, key=key)
    return sorted(heapq.nlargest(limit + 1, items, key=key), key=key)


def _range_test(table, bound):
    """(attribute, comparison function, converted values, on an index) of the sort-key condition, or None."""
    comparison = bound.arguments.get("range_comparison")
    conditions = bound.arguments.get("range_key_conditions") or []
    if not comparison or bound.arguments.get("filter_kwargs") or len(conditions) > 1:
        return None
    compare = get_comparison_func(comparison)
    if compare is None:
        return None
    index_name = bound.arguments.get("index_name")
    if conditions:
        attribute = conditions[-1][0]
    elif index_name:
        index = next((i for i in table.all_indexes() if i.name == index_name), None)
        ranges = [k["AttributeName"] for k in (index.schema if index else []) if k["KeyType"] == "RANGE"]
        if len(ranges) != 1:
            return None
        attribute = ranges[0]
    else:
        attribute = table.range_key_attr
    if not attribute:
        return None
    values = [obj.cast_value for obj in bound.arguments.get("range_objs") or []]
    return attribute, compare, values, bool(index_name), comparison


def _sort_attributes(table, index_name):
    """What moto's Query sorts by: the index's range key (for an index), then the table's keys."""
    table_keys = [a for a in (table.hash_key_attr, table.range_key_attr) if a]
    if not index_name:
        return table_keys[1:] or table_keys
    index = next((i for i in table.all_indexes() if i.name == index_name), None)
    ranges = [k["AttributeName"] for k in (index.schema if index else []) if k["KeyType"] == "RANGE"]
    return ranges + table_keys


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
    limit = bound.arguments.get("limit")
    # Only a first page (no start key) may stop early; a filter applies after the limit, as in DynamoDB.
    first_page = (
        (limit, bound.arguments.get("scan_index_forward") is not False)
        if isinstance(limit, int) and limit > 0 and not bound.arguments.get("exclusive_start_key") and not bound.arguments.get("filter_kwargs")
        else None
    )
    index_name = bound.arguments.get("index_name")
    _local.partition = (self, partition, _sort_attributes(self, index_name), _range_test(self, bound), first_page, bool(index_name))
    try:
        return _original_query(self, *args, **kwargs)
    finally:
        _local.partition = None


Table.all_items = _all_items
Table.query = _query
Table.put_item = _put_item
Table.delete_item = _delete_item
