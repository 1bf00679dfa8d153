import { browser } from 'wxt/browser';
import { isRequest, parseMessage, type Context, type Message, type MessagesTo, type NotificationName, type ReplyInput } from '../schema/messages';

/*
 * The receiving end of lib/schema/messages.ts. A context listens for the messages sent to it,
 * with one handler for each: whatever arrives is parsed with the message's schema first, and
 * anything that does not parse, is not addressed to this context, or comes from a sender the
 * receiver does not accept gets no answer at all. A handler's return value is the reply, typed
 * from the schema; a notification is never answered, so another listener may answer what it
 * shares a channel with.
 */

/** What the browser says about a message's sender. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number };
  frameId?: number;
}

export type Handler<N extends MessagesTo<Context>> = N extends NotificationName
  ? (message: Message<N>, sender: Sender) => void
  : (message: Message<N>, sender: Sender) => ReplyInput<N> | Promise<ReplyInput<N>>;

export type Handlers<To extends Context> = { [N in MessagesTo<To>]: Handler<N> };

/** Whether this receiver takes a message from this sender, which claims to be `from`. */
export type AcceptSender = (from: Context, sender: Sender) => boolean;

type Listener = (message: unknown, sender: Sender) => Promise<unknown> | undefined;

/** Handles one message as the browser delivered it: the reply's promise, or undefined for none. */
export function dispatch<To extends Context>(to: To, handlers: Handlers<To>, accept: AcceptSender, raw: unknown, sender: Sender): Promise<unknown> | undefined {
  const message = parseMessage(raw, to);
  if (!message) return undefined;
  const name = message.type as MessagesTo<To>;
  if (!accept(name.slice(0, name.indexOf('->')) as Context, sender ?? {})) return undefined;
  const handler = handlers[name] as (message: unknown, sender: Sender) => unknown;
  if (!isRequest(name)) {
    handler(message, sender);
    return undefined;
  }
  try {
    return Promise.resolve(handler(message, sender));
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Listens for the messages sent to `to`; returns the function that stops listening. */
export function listen<To extends Context>(to: To, handlers: Handlers<To>, accept: AcceptSender): () => void {
  const listener: Listener = (raw, sender) => dispatch(to, handlers, accept, raw, sender);
  const onMessage = browser.runtime.onMessage as unknown as { addListener(l: Listener): void; removeListener(l: Listener): void };
  onMessage.addListener(listener);
  return () => onMessage.removeListener(listener);
}
