/**
 * How the contract's types are read off its schemas: `Known<T>` is a schema's
 * output without the `[key: string]: unknown` a loose object infers (a
 * reader keeps fields a newer parity added; code must not read them), and
 * readonly all the way down. `Exclusive<U>` gives each member of a union the
 * other members' fields as `?: never`, so code reading any member can ask
 * for them (and gets `undefined`) while no code can set them. Types only.
 */

/**
 * `T` without the index signature of a loose object (`[key: string]:
 * unknown`; a record's typed index signature stays), readonly, all the way down.
 */
export type Known<T> = T extends readonly unknown[]
  ? { readonly [I in keyof T]: Known<T[I]> }
  : T extends object
    ? {
        readonly [K in keyof T as string extends K ? (unknown extends T[K] ? never : K) : K]: Known<
          T[K]
        >;
      }
    : T;

type KeysOf<U> = U extends unknown ? keyof U : never;

/** Each member of `U` with every other member's keys as `?: never`. */
export type Exclusive<U, All extends PropertyKey = KeysOf<U>> = U extends unknown
  ? U & { readonly [K in Exclude<All, keyof U>]?: never }
  : never;
