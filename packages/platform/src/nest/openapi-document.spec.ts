import 'reflect-metadata';
import { Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { rolesFor } from '@liaowang/contract';
import { z } from 'zod';
import { createOpenApiDocument, openApiDocumentOf } from './openapi-document';
import { DescribeBody, ProblemResponse } from './openapi-schema';
import { Public } from './public.decorator';
import { AcceptsIntakeKey, Requires } from './requires.decorator';

const bodySchema = z.object({ name: z.string().min(1) });

@Controller('things')
class ThingController {
  @Requires('users.manage')
  @Get(':id')
  one() {}

  @Requires('intake.push')
  @AcceptsIntakeKey()
  @Post()
  @DescribeBody(bodySchema)
  push() {}

  @Public()
  @Post('open')
  @HttpCode(200)
  @ProblemResponse(429, 'Too many')
  open() {}
}

@Controller('bare')
class BareController {
  @Get()
  bare() {}
}

@Module({ controllers: [ThingController] })
class ThingModule {}

@Module({ controllers: [BareController] })
class BareModule {}

const options = { service: 'test', description: 'test' };
type Operation = Record<string, unknown> & { responses?: Record<string, unknown>; security?: unknown; requestBody?: unknown };

describe(createOpenApiDocument.name, () => {
  it('writes the roles of the permission table, the security and the problem answers', async () => {
    const document = await openApiDocumentOf(ThingModule, options);
    // Our extensions are not in the OpenAPI types: read the operations as plain records.
    const one = document.paths['/things/{id}'].get as Operation | undefined;
    expect(one?.['x-liaowang-roles']).toEqual(rolesFor('users.manage'));
    expect(one?.['x-liaowang-action']).toBe('users.manage');
    expect(Object.keys(one?.responses ?? {}).sort()).toEqual(['200', '401', '403', '404']);
    const push = document.paths['/things'].post as Operation | undefined;
    expect(push?.['x-liaowang-roles']).toEqual(['duty_officer', 'admin']);
    expect(push?.security).toEqual(expect.arrayContaining([{ session: [] }, { 'intake-key': [] }]));
    expect(Object.keys(push?.responses ?? {}).sort()).toEqual(['201', '400', '401', '403']);
    expect(JSON.stringify(push?.requestBody)).toContain('"minLength":1');
    const open = document.paths['/things/open'].post as Operation | undefined;
    expect(open?.['x-liaowang-roles']).toEqual(['public']);
    expect(Object.keys(open?.responses ?? {})).toEqual(['200', '429']);
    expect(JSON.stringify(open)).not.toContain('x-liaowang-problem');
  });

  it('refuses a route that declares no access', async () => {
    await expect(openApiDocumentOf(BareModule, options)).rejects.toThrow('GET /bare has no x-liaowang-roles');
  });
});
