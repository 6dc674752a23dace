/**
 * The records both reference servers serve: a runtime-neutral, in-memory store
 * seeded with the same fixed records, plus the two wire encodings of a record.
 * Everything is deterministic (no clock, no randomness): created records get
 * sequential ids from 1000 and a timestamp derived from the id.
 *
 * The encodings differ only where the runtimes really do:
 * - `tags` never given → serde `[]` (a Vec), Go `null` (a nil slice);
 * - `deleted_at` unset → serde omits it (`skip_serializing_if`), Go writes `null` (a nil `*time.Time`);
 * - timestamps → serde whole-second RFC 3339 (`…:00Z`), Go `time.RFC3339Nano` (`…:00.12Z`);
 * - `balance` is a u64 that may exceed 2^53; both write it as an exact JSON number.
 */

/**
 * A UTC instant split the way both runtimes store it.
 * @typedef {{ seconds: string, nanos: number }} Instant
 */

/**
 * @typedef {object} StoredRecord
 * @property {number} id
 * @property {string} displayName
 * @property {readonly string[] | undefined} tags `undefined` when never given (Go's nil slice).
 * @property {Instant} createdAt
 * @property {Instant | undefined} deletedAt
 * @property {bigint} balance
 */

export const FIRST_CREATED_ID = 1000;
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/** @returns {StoredRecord[]} */
function seedRecords() {
  return [
    {
      id: 1,
      displayName: 'Ada Lovelace',
      tags: ['admin', 'math'],
      createdAt: { seconds: '2024-01-15T09:30:00', nanos: 120_000_000 },
      deletedAt: undefined,
      balance: 9_007_199_254_740_993n, // 2^53 + 1: not representable as a float64
    },
    {
      id: 2,
      displayName: 'Grace Hopper',
      tags: ['admin', 'navy'],
      createdAt: { seconds: '2024-02-01T12:00:00', nanos: 0 },
      deletedAt: { seconds: '2024-06-30T17:45:10', nanos: 500_000_000 },
      balance: 42n,
    },
    {
      id: 3,
      displayName: 'Barbara & Co <Liskov>',
      tags: undefined,
      createdAt: { seconds: '2024-03-10T08:05:59', nanos: 999_000_000 },
      deletedAt: undefined,
      balance: 18_446_744_073_709_551_615n, // u64::MAX
    },
  ];
}

/**
 * A fresh store for one server instance.
 */
export function createStore() {
  const records = seedRecords();
  let nextId = FIRST_CREATED_ID;
  return {
    /**
     * Records carrying every one of `tags`, by id, at most `limit` of them.
     * @param {{ limit: number, tags: readonly string[] }} query
     */
    list({ limit, tags }) {
      const matching = records.filter((r) => tags.every((tag) => (r.tags ?? []).includes(tag)));
      return { records: matching.slice(0, limit), total: matching.length };
    },
    /** @param {number} id */
    get(id) {
      return records.find((r) => r.id === id);
    },
    /**
     * @param {{ displayName: string, tags: readonly string[] | undefined }} input
     * @returns {StoredRecord}
     */
    create({ displayName, tags }) {
      const id = nextId++;
      const record = {
        id,
        displayName,
        tags,
        createdAt: createdAtFor(id),
        deletedAt: undefined,
        balance: 0n,
      };
      records.push(record);
      return record;
    },
  };
}

/**
 * A deterministic stand-in for "now": one second per created record, with a
 * sub-second part so the two timestamp encodings differ.
 * @param {number} id
 * @returns {Instant}
 */
function createdAtFor(id) {
  const ms = Date.UTC(2025, 0, 1, 0, 0, 0) + (id - FIRST_CREATED_ID) * 1000;
  return { seconds: new Date(ms).toISOString().slice(0, 19), nanos: 250_000_000 };
}

/**
 * `#[derive(Serialize)] struct Record { id: u64, display_name: String, tags: Vec<String>,
 *  created_at: DateTime<Utc> (written in whole seconds),
 *  #[serde(skip_serializing_if = "Option::is_none")] deleted_at: Option<DateTime<Utc>>, balance: u64 }`
 * @param {StoredRecord} record
 */
export function toSerdeRecord(record) {
  return {
    id: record.id,
    display_name: record.displayName,
    tags: record.tags ?? [],
    created_at: `${record.createdAt.seconds}Z`,
    deleted_at: record.deletedAt === undefined ? undefined : `${record.deletedAt.seconds}Z`,
    balance: record.balance,
  };
}

/**
 * `type Record struct { ID uint64 "json:\"id\""; DisplayName string "json:\"display_name\"";
 *  Tags []string "json:\"tags\""; CreatedAt time.Time "json:\"created_at\"";
 *  DeletedAt *time.Time "json:\"deleted_at\""; Balance uint64 "json:\"balance\"" }`
 * @param {StoredRecord} record
 */
export function toGoRecord(record) {
  return {
    id: record.id,
    display_name: record.displayName,
    tags: record.tags ?? null,
    created_at: rfc3339Nano(record.createdAt),
    deleted_at: record.deletedAt === undefined ? null : rfc3339Nano(record.deletedAt),
    balance: record.balance,
  };
}

/**
 * Go's `time.RFC3339Nano`: the fraction with trailing zeros trimmed, none when zero.
 * @param {Instant} instant
 */
function rfc3339Nano({ seconds, nanos }) {
  if (nanos === 0) return `${seconds}Z`;
  const fraction = String(nanos).padStart(9, '0').replace(/0+$/, '');
  return `${seconds}.${fraction}Z`;
}
