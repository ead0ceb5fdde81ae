import { Catch, UseFilters, applyDecorators, type RpcExceptionFilter } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import type { EventOf, EventSubject, ParsedRequestOf, RequestSubject, ResponseOf } from '@pardev/contracts';
import { throwError, type Observable } from 'rxjs';
import type { EventContext } from '../event-processor';
import type { RequestContext } from '../request-processor';

// Nest's default RPC filter turns every error into "Internal server error"; ours must keep the
// DomainError (its code) so the bus server can answer with it or decide retry vs dead letter.
@Catch()
export class PassThroughRpcFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}

// Nest passes only the payload by default; bind the second parameter to our context explicitly.
const bindParameters = (target: object, key: string | symbol): void => {
  Payload()(target, key, 0);
  Ctx()(target, key, 1);
};

type RequestMethod<S extends RequestSubject> = (
  payload: ParsedRequestOf<S>,
  context: RequestContext,
) => Promise<ResponseOf<S>>;
type EventMethod<S extends EventSubject> = (payload: EventOf<S>, context: EventContext) => Promise<void>;

/** Answers a query or command from the registry; the method's types must match the contract. */
export const OnRequest =
  <S extends RequestSubject>(subject: S) =>
  <M extends RequestMethod<S>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    applyDecorators(MessagePattern(subject), UseFilters(PassThroughRpcFilter))(target, key, descriptor);
    bindParameters(target, key);
  };

/** Handles an event from the registry, exactly once per message, inside the inbox transaction. */
export const OnEvent =
  <S extends EventSubject>(subject: S) =>
  <M extends EventMethod<S>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    applyDecorators(EventPattern(subject), UseFilters(PassThroughRpcFilter))(target, key, descriptor);
    bindParameters(target, key);
  };
