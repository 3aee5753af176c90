import { datetimeRegex, z } from 'zod';

// A fast path through a zod schema for the common case, a valid payload. zod builds contexts,
// statuses and issue lists for every field of every payload, which the bulk import pays per line
// (most of its time, with the garbage collector). The fast path is made from the schema itself at
// load time, not written a second time: it walks the same definitions (objects, strings and their
// checks, the same refinements and transforms, defaults, optionals) and gives the same output.
// It answers only "valid, here is the output" or "not sure": anything it does not accept, however
// small, is handed to zod's own safeParse, so every refusal still gets zod's issues and messages.
// A schema with a part it does not know gets no fast path at all (zod for every payload).

/** The fast path could not vouch for the payload: parse it with zod. */
export const NOT_FAST = Symbol('not fast');

type FastParse = (data: unknown) => unknown;

/** The schema's fast path, or undefined when the schema has a part it does not know. */
export function fastParser(schema: z.ZodTypeAny): ((data: unknown) => unknown) | undefined {
  try {
    const parse = compile(schema);
    return (data) => {
      try {
        return parse(data);
      } catch (error) {
        if (error === NOT_FAST) return NOT_FAST;
        throw error;
      }
    };
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** zod's safeParse, with the fast path taken first when the schema has one: the same answers. */
export function fastSafeParse<T extends z.ZodTypeAny>(schema: T): (data: unknown) => z.SafeParseReturnType<z.input<T>, z.output<T>> {
  const fast = fastParser(schema);
  if (!fast) return (data) => schema.safeParse(data);
  return (data) => {
    const value = fast(data);
    return value === NOT_FAST ? schema.safeParse(data) : { success: true, data: value as z.output<T> };
  };
}

class Unsupported extends Error {}

const fail = (): never => {
  throw NOT_FAST;
};

/** The context a refinement or transform gets: any issue it raises sends the payload to zod. */
const checkContext = { addIssue: fail, path: [] as (string | number)[] };

// What zod's getParsedType calls "object": not null, not an array, not a promise, Map, Set or Date.
// Stricter here (plain [object Object] only), which only sends the odd payload to zod.
const isPlainObject = (data: unknown): data is Record<string, unknown> => {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  if (Object.prototype.toString.call(data) !== '[object Object]') return false;
  const { then, catch: caught } = data as { then?: unknown; catch?: unknown };
  return !(typeof then === 'function' && typeof caught === 'function');
};

function compile(schema: z.ZodTypeAny): FastParse {
  const def = schema._def as { typeName?: string; errorMap?: unknown };
  switch (def.typeName) {
    case z.ZodFirstPartyTypeKind.ZodString:
      return compileString(schema as z.ZodString);
    case z.ZodFirstPartyTypeKind.ZodNumber:
      return compileNumber(schema as z.ZodNumber);
    case z.ZodFirstPartyTypeKind.ZodBoolean:
      if ((schema as z.ZodBoolean)._def.coerce) throw new Unsupported('coerced boolean');
      return (data) => (typeof data === 'boolean' ? data : fail());
    case z.ZodFirstPartyTypeKind.ZodLiteral: {
      const value = (schema as z.ZodLiteral<unknown>)._def.value;
      return (data) => (data === value ? data : fail());
    }
    case z.ZodFirstPartyTypeKind.ZodUnknown:
    case z.ZodFirstPartyTypeKind.ZodAny:
      // Anything goes (e.g. the payload kept as received): zod returns it as it is.
      return (data) => data;
    case z.ZodFirstPartyTypeKind.ZodEnum: {
      const values = new Set<unknown>((schema as z.ZodEnum<[string, ...string[]]>)._def.values);
      return (data) => (typeof data === 'string' && values.has(data) ? data : fail());
    }
    case z.ZodFirstPartyTypeKind.ZodOptional: {
      const inner = compile((schema as z.ZodOptional<z.ZodTypeAny>)._def.innerType);
      return (data) => (data === undefined ? undefined : inner(data));
    }
    case z.ZodFirstPartyTypeKind.ZodNullable: {
      const inner = compile((schema as z.ZodNullable<z.ZodTypeAny>)._def.innerType);
      return (data) => (data === null ? null : inner(data));
    }
    case z.ZodFirstPartyTypeKind.ZodDefault: {
      const { innerType, defaultValue } = (schema as z.ZodDefault<z.ZodTypeAny>)._def;
      const inner = compile(innerType);
      return (data) => inner(data === undefined ? defaultValue() : data);
    }
    case z.ZodFirstPartyTypeKind.ZodPipeline: {
      const { in: first, out: then } = (schema as z.ZodPipeline<z.ZodTypeAny, z.ZodTypeAny>)._def;
      const a = compile(first);
      const b = compile(then);
      return (data) => b(a(data));
    }
    case z.ZodFirstPartyTypeKind.ZodEffects:
      return compileEffects(schema as z.ZodEffects<z.ZodTypeAny>);
    case z.ZodFirstPartyTypeKind.ZodObject:
      return compileObject(schema as z.AnyZodObject);
    case z.ZodFirstPartyTypeKind.ZodArray:
      return compileArray(schema as z.ZodArray<z.ZodTypeAny>);
    default:
      throw new Unsupported(`no fast path for ${def.typeName ?? 'an unknown schema'}`);
  }
}

function compileString(schema: z.ZodString): FastParse {
  const { checks, coerce } = schema._def;
  if (coerce) throw new Unsupported('coerced string');
  const steps: ((value: string) => string)[] = checks.map((check) => {
    switch (check.kind) {
      case 'min':
        return (value) => (value.length < check.value ? fail() : value);
      case 'max':
        return (value) => (value.length > check.value ? fail() : value);
      case 'length':
        return (value) => (value.length !== check.value ? fail() : value);
      case 'trim':
        return (value) => value.trim();
      case 'url':
        return (value) => {
          try {
            new URL(value);
          } catch {
            fail();
          }
          return value;
        };
      case 'regex': {
        const { regex } = check;
        return (value) => {
          regex.lastIndex = 0;
          return regex.test(value) ? value : fail();
        };
      }
      case 'datetime': {
        // zod builds this expression at every parse; built once here from the same options.
        const regex = datetimeRegex(check);
        return (value) => (regex.test(value) ? value : fail());
      }
      default:
        throw new Unsupported(`no fast path for the string check ${check.kind}`);
    }
  });
  return (data) => {
    if (typeof data !== 'string') return fail();
    let value = data;
    for (const step of steps) value = step(value);
    return value;
  };
}

function compileNumber(schema: z.ZodNumber): FastParse {
  const { checks, coerce } = schema._def;
  if (coerce) throw new Unsupported('coerced number');
  const tests: ((value: number) => boolean)[] = checks.map((check) => {
    switch (check.kind) {
      case 'int':
        return (value) => Number.isInteger(value);
      case 'finite':
        return (value) => Number.isFinite(value);
      case 'min':
        return check.inclusive ? (value) => value >= check.value : (value) => value > check.value;
      case 'max':
        return check.inclusive ? (value) => value <= check.value : (value) => value < check.value;
      default:
        throw new Unsupported(`no fast path for the number check ${check.kind}`);
    }
  });
  return (data) => {
    if (typeof data !== 'number' || Number.isNaN(data)) return fail();
    for (const test of tests) if (!test(data)) fail();
    return data;
  };
}

function compileEffects(schema: z.ZodEffects<z.ZodTypeAny>): FastParse {
  const { effect } = schema._def;
  const inner = compile(schema._def.schema);
  const ctx = checkContext as unknown as z.RefinementCtx;
  if (effect.type === 'refinement') {
    return (data) => {
      const value = inner(data);
      const result = effect.refinement(value, ctx) as unknown;
      if (result instanceof Promise) fail();
      return value;
    };
  }
  if (effect.type === 'transform') {
    return (data) => {
      const result = effect.transform(inner(data), ctx) as unknown;
      return result instanceof Promise ? fail() : result;
    };
  }
  throw new Unsupported(`no fast path for a ${effect.type} effect`);
}

function compileObject(schema: z.AnyZodObject): FastParse {
  const { unknownKeys, catchall } = schema._def as { unknownKeys: string; catchall: z.ZodTypeAny };
  if (!(catchall instanceof z.ZodNever) || (unknownKeys !== 'strip' && unknownKeys !== 'strict')) throw new Unsupported('object with a catchall or passthrough');
  const shape = schema.shape as Record<string, z.ZodTypeAny>;
  const fields = Object.keys(shape).map((key) => ({ key, parse: compile(shape[key]) }));
  const known = new Set(Object.keys(shape));
  const strict = unknownKeys === 'strict';
  return (data) => {
    if (!isPlainObject(data)) return fail();
    if (strict) for (const key in data) if (!known.has(key)) fail();
    const out: Record<string, unknown> = {};
    for (const { key, parse } of fields) {
      const value = parse(data[key]);
      // As zod sets it: a key the payload has, or a value that is not undefined (a default).
      if (key !== '__proto__' && (value !== undefined || key in data)) out[key] = value;
    }
    return out;
  };
}

function compileArray(schema: z.ZodArray<z.ZodTypeAny>): FastParse {
  const { type, exactLength, minLength, maxLength } = schema._def;
  const item = compile(type);
  return (data) => {
    if (!Array.isArray(data)) return fail();
    if (exactLength && data.length !== exactLength.value) fail();
    if (minLength && data.length < minLength.value) fail();
    if (maxLength && data.length > maxLength.value) fail();
    // Index by index, as zod's spread does (a hole reads as undefined).
    const out: unknown[] = new Array(data.length);
    for (let i = 0; i < data.length; i++) out[i] = item(data[i]);
    return out;
  };
}
