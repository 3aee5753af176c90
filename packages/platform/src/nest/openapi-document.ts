import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { problemSchema, PUBLIC_ROLE } from '@liaowang/contract';
import { INTAKE_KEY_SCHEME, ROLES_EXTENSION, SESSION_SCHEME } from './openapi-names';
import { jsonSchemaOf, PROBLEM_EXTENSION_PREFIX } from './openapi-schema';

export interface OpenApiOptions {
  /** The service name: the document's title and its file `docs/openapi/<service>.json`. */
  service: string;
  description: string;
  /** Top-level `x-…` extensions the service adds (the API lists its socket events). */
  extensions?: Record<`x-${string}`, unknown>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };
const SUCCESS: Record<string, string> = { '200': 'OK', '201': 'Created', '202': 'Accepted', '204': 'No content' };

/**
 * The OpenAPI 3 document of a Nest app from its route metadata (it need not be listening).
 * Every operation must carry `x-liaowang-roles`, written by @Requires() or @Public(); a route
 * without one makes this throw. Keys are sorted so the committed file changes only with the code.
 */
export function createOpenApiDocument(app: INestApplication, options: OpenApiOptions): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(`Liaowang ${options.service}`)
    .setDescription(options.description)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Session token from POST /api/v1/auth/login' }, SESSION_SCHEME)
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Intake-Key', description: 'A connector key of INTAKE_API_KEYS' }, INTAKE_KEY_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const used = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      completeOperation(`${method.toUpperCase()} ${path}`, path, operation);
      for (const requirement of operation.security ?? []) for (const name of Object.keys(requirement)) used.add(name);
    }
  }
  const schemes = document.components?.securitySchemes ?? {};
  for (const name of Object.keys(schemes)) if (!used.has(name)) delete schemes[name];
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: jsonSchemaOf(problemSchema) } };
  return sortKeys({ ...document, ...options.extensions }) as OpenAPIObject;
}

/** The document of a root module built with placeholder dependencies: nothing is started or connected. */
export async function openApiDocumentOf(rootModule: unknown, options: OpenApiOptions): Promise<OpenAPIObject> {
  // Preview mode reads the module graph without creating providers, so no Kafka or
  // Elasticsearch is needed. The app is not closed: it never started, and closing would run
  // the shutdown hooks against the placeholders.
  const app = await NestFactory.create(rootModule as never, { preview: true, logger: false, abortOnError: false });
  return createOpenApiDocument(app, options);
}

function completeOperation(name: string, path: string, operation: OperationObject): void {
  const roles = (operation as unknown as Record<string, unknown>)[ROLES_EXTENSION];
  if (!Array.isArray(roles) || roles.length === 0) {
    throw new Error(`${name} has no ${ROLES_EXTENSION}: give the route @Requires(action) or @Public()`);
  }
  const extensions = operation as unknown as Record<string, unknown>;
  const problems: Record<string, string> = {};
  for (const key of Object.keys(extensions).filter((k) => k.startsWith(PROBLEM_EXTENSION_PREFIX))) {
    problems[key.slice(PROBLEM_EXTENSION_PREFIX.length)] = String(extensions[key]);
    delete extensions[key];
  }
  // A path parameter the handler does not read one by one (@Param()) is still in the path.
  const parameters = (operation.parameters ??= []) as { in?: string; name?: string }[];
  for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
    if (!parameters.some((p) => p.in === 'path' && p.name === name)) parameters.push({ in: 'path', name, required: true, schema: { type: 'string' } } as never);
  }
  if (operation.requestBody || parameters.some((p) => p.in === 'query')) problems['400'] = 'Invalid input: the problem lists each failing field';
  if (!roles.includes(PUBLIC_ROLE)) {
    problems['401'] = 'No session, or a forged, expired or revoked token';
    problems['403'] = 'The role may not perform this action';
  }
  if (parameters.some((p) => p.in === 'path')) problems['404'] = 'Not found';
  const responses = operation.responses as Record<string, ResponseObject>;
  for (const [status, response] of Object.entries(responses)) if (!response.description) response.description = SUCCESS[status] ?? status;
  for (const [status, description] of Object.entries(problems)) {
    responses[status] ??= { description, content: { 'application/problem+json': { schema: PROBLEM_REF } } };
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
