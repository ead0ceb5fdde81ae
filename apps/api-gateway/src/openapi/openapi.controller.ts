import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ErrorCode } from '@pardev/contracts';
import { DomainError } from '@pardev/messaging';
import type { FastifyReply } from 'fastify';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Public } from '../identity/access.decorators';
import { buildOpenApiDocument } from './openapi.document';

// Swagger UI from the swagger-ui-dist package, served from this origin so it runs under our CSP
// (no inline script: the page loads its settings from /api/docs/init.js).
const DOCS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>PARDEV Partnerships API</title>
    <link rel="stylesheet" href="/api/docs/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/api/docs/swagger-ui-bundle.js"></script>
    <script src="/api/docs/init.js"></script>
  </body>
</html>
`;
const INIT_SCRIPT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', withCredentials: true });\n`;
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
};

@Public()
@Controller('api')
export class OpenApiController {
  private readonly document = buildOpenApiDocument('1');
  private readonly assets = new Map<string, Promise<Buffer>>();

  @Get('openapi.json')
  openApi() {
    return this.document;
  }

  @Get('docs')
  @Header('content-type', 'text/html; charset=utf-8')
  docs(): string {
    return DOCS_PAGE;
  }

  @Get('docs/:asset')
  async asset(@Param('asset') name: string, @Res() reply: FastifyReply): Promise<void> {
    if (name === 'init.js') {
      await reply.type('application/javascript; charset=utf-8').send(INIT_SCRIPT);
      return;
    }
    const type = ASSETS[name];
    if (!type) throw new DomainError(ErrorCode.NotFound, `no documentation asset ${name}`);
    let content = this.assets.get(name);
    if (!content) {
      content = readFile(join(dirname(require.resolve('swagger-ui-dist/package.json')), name));
      this.assets.set(name, content);
    }
    await reply.type(type).send(await content);
  }
}
