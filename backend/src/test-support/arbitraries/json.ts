import fc from "fast-check";

/*
 * Values for the bad-input properties: strings and numbers that break parsers, decoders and
 * validators, wrapped in request bodies whose JSON text we control.
 */

// JSON text we control: duplicate keys, `__proto__` keys and literal number forms survive encoding.

/** An object as an ordered list of pairs: keys may repeat, and `__proto__` is an ordinary key. */
export class Obj {
  constructor(readonly pairs: ReadonlyArray<readonly [string, unknown]>) {}
}
/** JSON text inserted verbatim (`-0`, `1e309`, 20,000 nested brackets). */
export class Raw {
  constructor(readonly text: string) {}
}

export function encode(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (value instanceof Obj) return `{${value.pairs.map(([k, v]) => `${JSON.stringify(k)}:${encode(v)}`).join(",")}}`;
  if (Array.isArray(value)) return `[${value.map(encode).join(",")}]`;
  return JSON.stringify(value) ?? "null";
}

/** Percent-encodes every byte outside the unreserved set (a lone surrogate goes out as U+FFFD). */
export const percentEncode = (s: string) =>
  Array.from(Buffer.from(s, "utf8"), (b) =>
    /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b))
      ? String.fromCharCode(b)
      : `%${b.toString(16).toUpperCase().padStart(2, "0")}`,
  ).join("");

// Generators.

const CONTROL_CHARS = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).concat("\u007f", "\u0085");

const nastyConstant = fc.constantFrom(
  "",
  " ",
  "\t\n\r",
  "\u0000",
  "a\u0000b",
  "\u202eevil\u202c",
  "\u200f\u200e",
  "\u200b\ufeff",
  "😀",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "مرحبا بالعالم",
  "Z̴̡̛͎a̷̡͚l̸̨̛g̶̢̛o̵̢̧",
  "\ud800",
  "\udfff",
  "a\ud83d",
  "\ude00b",
  "NaN",
  "-0",
  "1e308",
  "Infinity",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "prototype",
  "%00",
  "%",
  "%E0%A4%A",
  "../../../etc/passwd",
  "' OR 1=1; --",
  "'); drop table customers; --",
  "<script>alert(1)</script>",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent literally
  "${7*7}{{7*7}}",
  "\\",
  '"',
  "+",
  "+20",
  "0",
  "00000000-0000-0000-0000-000000000000",
  "ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ",
  "a@b",
  "@",
);

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...CONTROL_CHARS), maxLength: 20 }) },
  { weight: 4, arbitrary: nastyConstant },
);

/** 1,000 to 100,000 characters: some fit in the 64 KiB body limit (and meet the schema's `max`), most do not. */
export const oversizedString = fc
  .tuple(fc.integer({ min: 1_000, max: 100_000 }), fc.constantFrom("x", "é", "😀", "\u0000", "0", " "))
  .map(([n, c]) => c.repeat(Math.ceil(n / c.length)));

const deepNesting = fc
  .tuple(fc.integer({ min: 50, max: 20_000 }), fc.boolean())
  .map(
    ([depth, arrays]) =>
      new Raw(arrays ? "[".repeat(depth) + "]".repeat(depth) : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`),
  );

const rawNumber = fc
  .constantFrom(
    "-0",
    "1e308",
    "1e309",
    "-1e309",
    "1E-400",
    "0.1e1",
    "1.0",
    "9".repeat(400),
    "-9007199254740993",
    "4.9e-324",
  )
  .map((text) => new Raw(text));

export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  rawNumber,
  fc.array(fc.oneof(fc.integer(), nastyString, fc.constant(null)), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), nastyString), { maxKeys: 4 }),
  { weight: 1, arbitrary: deepNesting },
);

/** Anything but a usable value for a string field. */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: nastyString },
  { weight: 4, arbitrary: wrongType },
  { weight: 1, arbitrary: oversizedString },
);

/** `value` most of the time, otherwise garbage. */
export const mostly = <T>(value: fc.Arbitrary<T>, weight = 3): fc.Arbitrary<unknown> =>
  fc.oneof({ weight, arbitrary: value as fc.Arbitrary<unknown> }, { weight: 2, arbitrary: garbage });

export const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty"];

/**
 * An object with each field usually present, plus sometimes extra pairs: a repeated field (the last
 * copy wins), a prototype-pollution key, a client-sent price, or a random key.
 */
export function objectOf(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Obj> {
  const names = Object.keys(fields);
  const present = Object.entries(fields).map(([k, arb]) =>
    fc.option(
      arb.map((v) => [k, v] as const),
      { nil: undefined, freq: 8 },
    ),
  );
  const extra = fc.oneof(
    fc.tuple(names.length ? fc.constantFrom(...names) : nastyString, garbage),
    fc.tuple(fc.constantFrom(...PROTO_KEYS), fc.oneof(fc.constant(new Obj([["polluted", true]])), wrongType)),
    fc.tuple(fc.constantFrom("price_minor", "amount_minor", "unit_price_minor", "status", "buyer_id", "role"), garbage),
    fc.tuple(nastyString, garbage),
  );
  const extras = fc.oneof(
    { weight: 4, arbitrary: fc.constant([] as (readonly [string, unknown])[]) },
    { weight: 1, arbitrary: fc.array(extra, { minLength: 1, maxLength: 3 }) },
  );
  return fc.tuple(fc.tuple(...present), extras, fc.boolean()).map(([pairs, more, extrasFirst]) => {
    const own = pairs.filter((p): p is readonly [string, unknown] => p !== undefined);
    return new Obj(extrasFirst ? [...more, ...own] : [...own, ...more]);
  });
}

/** A request body: a generated object (or anything at all in its place). */
export const bodyOf = (fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 12, arbitrary: objectOf(fields) }, { weight: 1, arbitrary: wrongType });

export const malformedJson = fc.oneof(
  fc.constantFrom(
    "{",
    "}",
    '{"a":}',
    "{'a':1}",
    "[1,2",
    "nul",
    "tru",
    '{"a":1,}',
    '{"a" 1}',
    '"unterminated',
    '{"a":"\\x"}',
    '{"a":"\\u12"}',
    "NaN",
    "-",
    "01",
    "1e",
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"a":{"__proto__":{"polluted":true}}}',
    "\u0000",
    "\ufeff{}",
    "{} {}",
    "[]",
    "null",
    "0",
    '"a string"',
    "true",
    '{"a":1}garbage',
    " ",
    "\n",
    '{"a":"\u0000"}',
    '{"a":"\\u0000"}',
    '{"a":"\\ud800"}',
  ),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.integer({ min: 1, max: 60_000 }).map((n) => "[".repeat(n)),
);

export const invalidUtf8 = fc.constantFrom(
  Buffer.from([0xff]),
  Buffer.from([0xfe, 0xff]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xf4, 0x90, 0x80, 0x80]),
  Buffer.from([0xe0, 0x80]),
  Buffer.from([0x00]),
);
