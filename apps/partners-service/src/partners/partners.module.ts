import { Module } from '@nestjs/common';
import { PartnersHandler } from './partners.handler';
import { PartnersRepository } from './partners.repository';
import { PartnersService } from './partners.service';

@Module({
  controllers: [PartnersHandler],
  providers: [PartnersService, PartnersRepository],
  exports: [PartnersService, PartnersRepository],
})
export class PartnersModule {}
