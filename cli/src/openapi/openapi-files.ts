import 'reflect-metadata';
import { ApiModule, API_OPENAPI } from '@liaowang/api';
import { IntakeModule, INTAKE_OPENAPI } from '@liaowang/intake';
import { loadSettings, openApiDocumentOf } from '@liaowang/platform';
import { randomBytes } from 'node:crypto';

/** Where the committed documents live, relative to the repository root. */
export const OPENAPI_DIR = 'docs/openapi';

// The modules are only read for their routes: placeholders stand in for Kafka, Elasticsearch
// and the rest, and a throwaway secret for the token signer the platform module builds.
function placeholderDeps(): never {
  const settings = loadSettings({ AUTH_TOKEN_SECRET: randomBytes(32).toString('hex') });
  return { settings, logger: {}, kafka: {}, metrics: {}, probes: {}, es: {} } as never;
}

/** Each HTTP service's OpenAPI document as committed: path → pretty JSON with a trailing newline. */
export async function renderOpenApiFiles(): Promise<Record<string, string>> {
  const services = [
    { module: ApiModule.forRoot(placeholderDeps()), options: API_OPENAPI },
    { module: IntakeModule.forRoot(placeholderDeps()), options: INTAKE_OPENAPI },
  ];
  const files: Record<string, string> = {};
  for (const { module, options } of services) {
    const document = await openApiDocumentOf(module, options);
    files[`${OPENAPI_DIR}/${options.service}.json`] = `${JSON.stringify(document, null, 2)}\n`;
  }
  return files;
}
