"""Prints the answers of a few hundred Queries (pages, counts, cursors) on generated data, with moto as it is
or with partition_query.py loaded (`--patched`): tests/sandbox/partition-query.test.ts checks both are equal.
Writes come between the Queries (new keys, overwrites, deletes, updates of an index's sort key, a transaction
that fails and rolls back), so an answer from a partition's sorted keys kept since an earlier Query is checked
after each kind of change."""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("AWS_ACCESS_KEY_ID", "test")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "test")

import boto3  # noqa: E402
from moto import mock_aws  # noqa: E402

if "--patched" in sys.argv:
    import partition_query  # noqa: F401

S = lambda v: {"S": v}  # noqa: E731
N = lambda v: {"N": str(v)}  # noqa: E731


def main():
    with mock_aws():
        c = boto3.client("dynamodb", region_name="us-east-1")
        c.create_table(
            TableName="t",
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
            AttributeDefinitions=[{"AttributeName": n, "AttributeType": t} for n, t in (("pk", "S"), ("sk", "S"), ("t", "S"), ("n", "N"))],
            LocalSecondaryIndexes=[
                {"IndexName": "time_index", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "t", "KeyType": "RANGE"}], "Projection": {"ProjectionType": "ALL"}},
                {"IndexName": "num_index", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "n", "KeyType": "RANGE"}], "Projection": {"ProjectionType": "ALL"}},
            ],
            GlobalSecondaryIndexes=[{"IndexName": "by_time", "KeySchema": [{"AttributeName": "t", "KeyType": "HASH"}], "Projection": {"ProjectionType": "ALL"}}],
            BillingMode="PAY_PER_REQUEST",
        )
        c.create_table(
            TableName="n",
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "v", "KeyType": "RANGE"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "v", "AttributeType": "N"}],
            BillingMode="PAY_PER_REQUEST",
        )
        rnd = random.Random(7)
        for _ in range(300):
            c.put_item(TableName="n", Item={"pk": S(f"p{rnd.randint(0, 2)}"), "v": {"N": rnd.choice([str(rnd.randint(-500, 500)), f"{rnd.uniform(-50, 50):.3f}"])}})
        for _ in range(800):
            item = {"pk": S(f"p{rnd.randint(0, 7)}"), "sk": S(f"s{rnd.randint(0, 9999):04d}")}
            if rnd.random() < 0.8:
                item["t"] = S(f"{rnd.randint(0, 99):02d}")
            if rnd.random() < 0.7:
                item["n"] = N(rnd.randint(-50, 500))
            c.put_item(TableName="t", Item=item)

        out = []

        def query(**kw):
            pages, start = [], None
            for _ in range(4):
                if start:
                    kw["ExclusiveStartKey"] = start
                r = c.query(TableName="t", **kw)
                pages.append([r["Count"], r["ScannedCount"], [x.get("sk", {}).get("S") for x in r["Items"]], r.get("LastEvaluatedKey")])
                start = r.get("LastEvaluatedKey")
                if not start:
                    break
            out.append(pages)

        def write(rnd):
            """One change to the data, of a kind chosen at random."""
            kind = rnd.randint(0, 5)
            pk = S(f"p{rnd.randint(0, 7)}")
            if kind == 0:  # a new key (or, by chance, an overwrite)
                c.put_item(TableName="t", Item={"pk": pk, "sk": S(f"s{rnd.randint(0, 9999):04d}"), "t": S(f"{rnd.randint(0, 99):02d}"), "n": N(rnd.randint(-50, 500))})
            elif kind in (1, 2):  # delete an existing item
                page = c.query(TableName="t", KeyConditionExpression="pk = :p", ExpressionAttributeValues={":p": pk}, Limit=20)["Items"]
                if page:
                    victim = rnd.choice(page)
                    c.delete_item(TableName="t", Key={"pk": victim["pk"], "sk": victim["sk"]})
            elif kind == 3:  # an index's sort key changes in place
                page = c.query(TableName="t", KeyConditionExpression="pk = :p", ExpressionAttributeValues={":p": pk}, Limit=20)["Items"]
                if page:
                    target = rnd.choice(page)
                    c.update_item(TableName="t", Key={"pk": target["pk"], "sk": target["sk"]}, UpdateExpression="SET t = :t, n = :n",
                                  ExpressionAttributeValues={":t": S(f"{rnd.randint(0, 99):02d}"), ":n": N(rnd.randint(-50, 500))})
            elif kind == 4:  # a transaction that puts a new key, then fails its condition and rolls back
                try:
                    c.transact_write_items(TransactItems=[
                        {"Put": {"TableName": "t", "Item": {"pk": pk, "sk": S(f"x{rnd.randint(0, 999):03d}")}}},
                        {"Put": {"TableName": "t", "Item": {"pk": pk, "sk": S("s-never")}, "ConditionExpression": "attribute_exists(pk)"}},
                    ])
                except c.exceptions.TransactionCanceledException:
                    pass
            else:  # numbers
                v = {"N": str(rnd.randint(-600, 600))}
                if rnd.random() < 0.5:
                    c.put_item(TableName="n", Item={"pk": S(f"p{rnd.randint(0, 2)}"), "v": v})
                else:
                    c.delete_item(TableName="n", Key={"pk": S(f"p{rnd.randint(0, 2)}"), "v": v})

        r2 = random.Random(11)
        r3 = random.Random(13)
        for _ in range(250):
            for _ in range(r3.randint(0, 3)):
                write(r3)
            v = {":p": S(f"p{r2.randint(0, 8)}")}
            common = {"Limit": r2.choice([1, 2, 3, 5, 8, 13, 40]), "ScanIndexForward": r2.random() < 0.5}
            kind = r2.randint(0, 12)
            if kind == 0:
                query(KeyConditionExpression="pk = :p", ExpressionAttributeValues=v, **common)
            elif kind == 1:
                query(KeyConditionExpression="pk = :p AND begins_with(sk, :s)", ExpressionAttributeValues={**v, ":s": S(f"s{r2.randint(0, 9)}")}, **common)
            elif kind == 2:
                query(KeyConditionExpression="pk = :p AND sk BETWEEN :a AND :b", ExpressionAttributeValues={**v, ":a": S(f"s{r2.randint(0, 9999):04d}"), ":b": S(f"s{r2.randint(0, 9999):04d}")}, **common)
            elif kind == 3:
                query(KeyConditionExpression="pk = :p AND t <= :a", ExpressionAttributeValues={**v, ":a": S(f"{r2.randint(0, 99):02d}")}, IndexName="time_index", **common)
            elif kind == 4:
                query(KeyConditionExpression="pk = :p AND n > :a", ExpressionAttributeValues={**v, ":a": N(r2.randint(-60, 510))}, IndexName="num_index", **common)
            elif kind == 5:
                query(KeyConditionExpression="pk = :p AND begins_with(t, :a)", ExpressionAttributeValues={**v, ":a": S(str(r2.randint(0, 9)))}, IndexName="time_index", **common)
            elif kind == 6:
                query(KeyConditionExpression="pk = :p", ExpressionAttributeValues=v, IndexName="time_index", **common)
            elif kind == 7:
                query(KeyConditionExpression="pk = :p AND sk >= :s", ExpressionAttributeValues={**v, ":s": S(f"s{r2.randint(0, 9999):04d}")}, FilterExpression="attribute_exists(t)", **common)
            elif kind == 8:
                query(KeyConditionExpression="t = :t", ExpressionAttributeValues={":t": S(f"{r2.randint(0, 99):02d}")}, IndexName="by_time", **common)
            elif kind == 9:
                op = r2.choice(["=", "<", "<=", ">", ">="])
                query(KeyConditionExpression=f"pk = :p AND sk {op} :s", ExpressionAttributeValues={**v, ":s": S(f"s{r2.randint(0, 9999):04d}")}, **common)
            elif kind == 10:
                query(KeyConditionExpression="pk = :p AND begins_with(sk, :s)", ExpressionAttributeValues={**v, ":s": S(r2.choice(["s", "s0", "s12", "x", "s99", "t", ""]) or "s")}, **common)
            else:
                op = r2.choice(["=", "<", "<=", ">", ">=", "BETWEEN"])
                a, b = sorted([r2.randint(-600, 600), r2.randint(-600, 600)])
                cond = f"v BETWEEN :a AND :b" if op == "BETWEEN" else f"v {op} :a"
                values = {":p": S(f"p{r2.randint(0, 3)}"), ":a": {"N": str(a)}, **({":b": {"N": str(b)}} if op == "BETWEEN" else {})}
                pages, start = [], None
                for _ in range(4):
                    kw = {"TableName": "n", "KeyConditionExpression": f"pk = :p AND {cond}", "ExpressionAttributeValues": values, **common}
                    if start:
                        kw["ExclusiveStartKey"] = start
                    r = c.query(**kw)
                    pages.append([r["Count"], r["ScannedCount"], [x["v"]["N"] for x in r["Items"]], r.get("LastEvaluatedKey")])
                    start = r.get("LastEvaluatedKey")
                    if not start:
                        break
                out.append(pages)
        json.dump(out, sys.stdout, default=str)


if __name__ == "__main__":
    main()
