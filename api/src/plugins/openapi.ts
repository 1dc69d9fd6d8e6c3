import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';

/** Zod schemas validate requests and serialize responses; OpenAPI is generated from the same. */
export default fp(
  async (fastify) => {
    fastify.setValidatorCompiler(validatorCompiler);
    fastify.setSerializerCompiler(serializerCompiler);
    await fastify.register(swagger, {
      openapi: {
        info: {
          title: 'Clawback API',
          version: '1',
          description: 'Report, triage and retract email across a Microsoft 365 tenant.',
        },
        components: { securitySchemes: { entra: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
        security: [{ entra: [] }],
      },
      transform: jsonSchemaTransform,
    });
    await fastify.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { deepLinking: true } });
  },
  { name: 'openapi' },
);
