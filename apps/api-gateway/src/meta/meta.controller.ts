import { Controller, Get, Inject } from '@nestjs/common';
import type { Meta } from '@pardev/contracts';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { Public } from '../identity/access.decorators';

@Controller('api/v1/meta')
export class MetaController {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  @Public()
  @Get()
  get(): Meta {
    return { demoData: this.config.DEMO_DATA };
  }
}
