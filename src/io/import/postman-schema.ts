/**
 * The parts of a Postman Collection v2.1 (and v2.0) that `parity import
 * postman` reads, as a zod schema (everything else passes untouched), and
 * the two readings of key-value lists every part shares.
 */
import * as z from 'zod';

const keyValue = z.looseObject({
  // Postman's SDK writes `key: null` for a query parameter without a name (`?=v`).
  key: z.union([z.string(), z.null()]).describe('name (null: none, as an empty name)'),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional().describe('value'),
  disabled: z.boolean().optional().describe('left out when true'),
  type: z.string().optional().describe('`file` for a form field holding a file'),
});

export type KeyValue = z.output<typeof keyValue>;

/** A key-value's value as text (Postman allows numbers, booleans and null). */
export function keyValueText(value: KeyValue['value']): string {
  return value === null || value === undefined ? '' : String(value);
}

/** A key-value's name: a `null` key (Postman's SDK writes one) is an empty name, as its runtime sends it. */
export function keyText(kv: KeyValue): string {
  return kv.key ?? '';
}

/** The key-values not disabled. */
export const enabled = (list: readonly KeyValue[] | undefined) =>
  (list ?? []).filter((kv) => kv.disabled !== true);

const urlObject = z.looseObject({
  raw: z.string().optional().describe('the URL as typed, with {{variables}}'),
  protocol: z.string().optional(),
  host: z.union([z.string(), z.array(z.string())]).optional(),
  port: z.string().optional(),
  path: z
    .union([
      z.string(),
      z.array(z.union([z.string(), z.looseObject({ value: z.string().optional() })])),
    ])
    .optional(),
  query: z.array(keyValue).optional(),
  variable: z.array(keyValue).optional().describe('values of :path variables'),
});

export type PostmanUrl = z.output<typeof urlObject>;

const bodySchema = z.looseObject({
  mode: z.string().optional().describe('raw, urlencoded, formdata, file or graphql'),
  raw: z.string().optional(),
  urlencoded: z.array(keyValue).optional(),
  formdata: z.array(keyValue).optional(),
  graphql: z
    .looseObject({
      query: z.string().optional(),
      operationName: z.string().optional(),
      variables: z.unknown().optional().describe('a JSON text as typed, or a value'),
    })
    .optional(),
  options: z
    .looseObject({ raw: z.looseObject({ language: z.string().optional() }).optional() })
    .optional(),
  disabled: z.boolean().optional(),
});

export type PostmanBody = z.output<typeof bodySchema>;

const authSchema = z.looseObject({ type: z.string().describe('noauth, bearer, basic, apikey, …') });

/** A script (`prerequest`, `test`), which an import does not run. */
const eventSchema = z.looseObject({
  listen: z.string().optional().describe('prerequest or test'),
  disabled: z.boolean().optional(),
  script: z.looseObject({ exec: z.union([z.array(z.string()), z.string()]).optional() }).optional(),
});

export type PostmanEvent = z.output<typeof eventSchema>;

/** The scripts of an item: a list, or one event alone (newman's own fixtures write one so). */
const eventsSchema = z
  .union([z.array(eventSchema), eventSchema])
  .transform((events) => (Array.isArray(events) ? events : [events]));

/** How the runtime sends a request; inherited from the collection and folders. */
const behaviorSchema = z.looseObject({
  disableBodyPruning: z
    .boolean()
    .optional()
    .describe('send the body of a GET, HEAD, … (pruned by default)'),
});

export type PostmanBehavior = z.output<typeof behaviorSchema>;

const description = z
  .union([z.string(), z.looseObject({ content: z.string().optional() }), z.null()])
  .optional();

const requestSchema = z.union([
  z.string().describe('a bare URL'),
  z.looseObject({
    method: z.string().optional(),
    url: z.union([z.string(), urlObject]).optional(),
    header: z.union([z.array(keyValue), z.string()]).optional(),
    body: z.union([bodySchema, z.null()]).optional(),
    auth: z.union([authSchema, z.null()]).optional(),
    description,
  }),
]);

export type PostmanRequest = z.output<typeof requestSchema>;

/** An item or a folder (an item with items). */
export interface PostmanItem {
  readonly name?: string | undefined;
  readonly description?: z.output<typeof description>;
  readonly request?: PostmanRequest | undefined;
  readonly item?: readonly PostmanItem[] | undefined;
  readonly auth?: z.output<typeof authSchema> | null | undefined;
  readonly event?: readonly PostmanEvent[] | undefined;
  readonly protocolProfileBehavior?: PostmanBehavior | undefined;
}

const itemSchema: z.ZodType<PostmanItem> = z.lazy(() =>
  z.looseObject({
    name: z.string().optional(),
    description,
    request: requestSchema.optional(),
    item: z.array(itemSchema).optional().describe('the items of a folder'),
    auth: z.union([authSchema, z.null()]).optional(),
    event: eventsSchema.optional().describe('scripts: noted, not run'),
    protocolProfileBehavior: behaviorSchema.optional(),
  }),
);

export const collectionSchema = z.looseObject({
  // Postman's SDK (and so newman) reads a collection without `info`, named by a `name` of its own.
  info: z
    .looseObject({
      name: z.string().describe('the collection name'),
      schema: z.string().optional().describe('the collection format URL (v2.0.0 or v2.1.0)'),
    })
    .optional(),
  name: z.string().optional().describe('the collection name, when there is no info'),
  item: z.array(itemSchema).describe('requests and folders'),
  variable: z.array(keyValue).optional().describe('collection variables'),
  auth: z.union([authSchema, z.null()]).optional(),
  event: eventsSchema.optional().describe('scripts: noted, not run'),
  protocolProfileBehavior: behaviorSchema.optional(),
});

export type PostmanCollection = z.output<typeof collectionSchema>;
