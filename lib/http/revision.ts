/**
 * The largest revision (or version) a client may send back: the next one,
 * which a save writes, must still be a safe integer (JSON and DynamoDB's
 * document client refuse anything beyond). The fuzz run sent 2^53 − 1.
 */
export const MAX_REVISION = Number.MAX_SAFE_INTEGER - 1;
