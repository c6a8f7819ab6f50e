"""Prints the answers of a few hundred Queries (pages, counts, cursors) on generated data, with moto as it is
or with partition_query.py loaded (`--patched`): tests/sandbox/partition-query.test.ts checks both are equal."""
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
        rnd = random.Random(7)
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

        r2 = random.Random(11)
        for _ in range(250):
            v = {":p": S(f"p{r2.randint(0, 8)}")}
            common = {"Limit": r2.choice([1, 2, 3, 5, 8, 13, 40]), "ScanIndexForward": r2.random() < 0.5}
            kind = r2.randint(0, 8)
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
            else:
                query(KeyConditionExpression="t = :t", ExpressionAttributeValues={":t": S(f"{r2.randint(0, 99):02d}")}, IndexName="by_time", **common)
        json.dump(out, sys.stdout, default=str)


if __name__ == "__main__":
    main()
