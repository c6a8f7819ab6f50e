import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: "http://127.0.0.1:4608", region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } }));
for (const [p, extra] of [["sys#runstats", {}], ["sys", { KeyConditionExpression: "portfolio_index = :p AND begins_with(doc_index, :x)", ExpressionAttributeValues: { ":p": "sys", ":x": "schd_jobs#" } }], ["sys#runs#all", { Limit: 25, ScanIndexForward: false }]]) {
  const t = Date.now();
  const out = await db.send(new QueryCommand({ TableName: "sandbox_data", KeyConditionExpression: "portfolio_index = :p", ExpressionAttributeValues: { ":p": p }, ...extra }));
  console.log(p, out.Count, Date.now() - t, "ms");
}
