import { Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module';
import { ContactsHandler } from './contacts.handler';
import { ContactsService } from './contacts.service';

@Module({
  imports: [PartnersModule],
  controllers: [ContactsHandler],
  providers: [ContactsService],
})
export class ContactsModule {}
