import { browser } from 'wxt/browser';
import {
  isRequest,
  MESSAGES,
  messageSchema,
  type Context,
  type MessageFields,
  type MessagesBetween,
  type MessageSpec,
  type NotificationName,
  type Reply,
  type RequestName,
} from '../schema/messages';

/*
 * The sending end of lib/schema/messages.ts. A messenger sends from one context to another,
 * so only the messages that pair declares can be written; the fields are typed from the
 * message's schema and checked against it before they leave (a limit the types cannot say,
 * such as a string's length, still fails here, at the sender, and not silently at the
 * receiver). A request's reply is parsed on arrival with its schema.
 */

/** How a message leaves this context: runtime.sendMessage, tabs.sendMessage, or a test's fake. */
export type Transport = (message: unknown) => Promise<unknown>;

/** To the background and the extension's pages. */
export const runtimeTransport: Transport = (message) => browser.runtime.sendMessage(message);

/** To the content script in a tab's top frame (the one that answers; child frames stay quiet). */
export const tabTransport =
  (tabId: number): Transport =>
  (message) =>
    browser.tabs.sendMessage(tabId, message, { frameId: 0 });

/** A message that did not fit its schema, or a reply that did not fit the request's. */
export class MessageError extends Error {
  override name = 'MessageError';
}

type FieldsArg<N extends keyof typeof MESSAGES> = Record<never, never> extends MessageFields<N> ? [fields?: MessageFields<N>] : [fields: MessageFields<N>];

export interface Messenger<Names extends keyof typeof MESSAGES> {
  /** Sends a request; resolves with its reply, or rejects (nobody answered, or not with a valid reply). */
  request<N extends Names & RequestName>(name: N, ...fields: FieldsArg<N>): Promise<Reply<N>>;
  /**
   * Sends a notification, synchronously (a user gesture still counts). Nobody listening is
   * not an error; the promise rejects only when the message does not fit its schema.
   */
  notify<N extends Names & NotificationName>(name: N, ...fields: FieldsArg<N>): Promise<void>;
}

function build(name: keyof typeof MESSAGES, fields: unknown): unknown {
  const parsed = messageSchema(name).safeParse({ ...(fields as object | undefined), type: name });
  if (!parsed.success) throw new MessageError(`${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return parsed.data;
}

/**
 * Sends from one context to another: `from` and `to` only choose which messages the types let
 * through; `send` decides where they go (runtimeTransport, tabTransport(tabId), a test's fake).
 */
export function messenger<From extends Context, To extends Context>(_from: From, _to: To, send: Transport): Messenger<MessagesBetween<From, To>> {
  return {
    async request(name, ...[fields]) {
      const reply = await send(build(name, fields));
      const parsed = (MESSAGES[name] as MessageSpec).reply!.safeParse(reply);
      if (!parsed.success) throw new MessageError(`${name}: no valid reply`);
      return parsed.data as Reply<typeof name>;
    },
    notify(name, ...[fields]) {
      let message: unknown;
      try {
        message = build(name, fields);
      } catch (error) {
        return Promise.reject(error);
      }
      if (isRequest(name)) return Promise.reject(new MessageError(`${name} is a request`));
      return send(message).then(
        () => undefined,
        () => undefined,
      );
    },
  };
}
