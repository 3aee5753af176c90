import type { OpenApiOptions } from '@liaowang/platform';

export const INTAKE_OPENAPI: OpenApiOptions = {
  service: 'intake',
  description:
    'Intake service of Liaowang: the HTTP push endpoint for connectors (X-Intake-Key) and staff. Each operation lists the roles allowed in x-liaowang-roles.',
};
