import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiExtension, ApiQuery } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { ZodObject, ZodRawShape, ZodTypeAny } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';

/** The JSON schema of a zod schema, inlined (no $ref), as OpenAPI 3 writes it. */
export function jsonSchemaOf(schema: ZodTypeAny): SchemaObject {
  // Cast: the library's generic over every zod type is too deep for the compiler.
  const converted = zodToJsonSchema(schema as never, {
    target: 'openApi3',
    $refStrategy: 'none',
    // What a client may send: zod drops unknown keys (not refuses them) and fills defaults.
    removeAdditionalStrategy: 'strict',
    pipeStrategy: 'input',
    effectStrategy: 'input',
  }) as SchemaObject & { $schema?: string };
  delete converted.$schema;
  return converted;
}

// The zod schema a route parses with stays the one source: these only describe it.

/** Documents the request body a route parses with `parseWith(schema, body)`. */
export const DescribeBody = (schema: ZodTypeAny) => ApiBody({ schema: jsonSchemaOf(schema) });

export const PROBLEM_EXTENSION_PREFIX = 'x-liaowang-problem-';

/**
 * Documents an error answer beyond those every route has (400, 401, 403, 404 come by
 * themselves). Written as an extension the document builder turns into a response: a swagger
 * @ApiResponse would drop the route's default success answer.
 */
export const ProblemResponse = (status: number, description: string) => ApiExtension(`${PROBLEM_EXTENSION_PREFIX}${status}`, description);

/** Documents each query parameter a route parses with `parseWith(schema, query, 'query')`. */
export const DescribeQuery = <T extends ZodRawShape>(schema: ZodObject<T>) => {
  const json = jsonSchemaOf(schema);
  const required = new Set(json.required ?? []);
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) =>
      ApiQuery({ name, required: required.has(name), schema: property as SchemaObject }),
    ),
  );
};
