import { Controller, Get, Injectable, type INestApplication } from '@nestjs/common';
import { ApiOkResponse, type OpenAPIObject } from '@nestjs/swagger';
import { ProblemException } from '../http/problem';
import { createOpenApiDocument, type OpenApiOptions } from './openapi-document';
import { Requires } from './requires.decorator';

/** Holds the service's own OpenAPI document, made once when the app is built. */
@Injectable()
export class OpenApiDocs {
  document?: OpenAPIObject;
}

/** The OpenAPI document of this service, with the roles of every operation (admins only). */
@Controller('api/docs')
export class OpenApiController {
  constructor(private readonly docs: OpenApiDocs) {}

  @Requires('api.docs')
  @Get()
  @ApiOkResponse({ description: 'This OpenAPI document' })
  document(): OpenAPIObject {
    if (!this.docs.document) throw ProblemException.unavailable('The API document is not built yet', 5);
    return this.docs.document;
  }
}

/** Builds the app's document and serves it at GET /api/docs. */
export function serveOpenApi(app: INestApplication, options: OpenApiOptions): void {
  app.get(OpenApiDocs).document = createOpenApiDocument(app, options);
}
