import type { EditorTarget } from '../editors/target';
import type { PageContext, Site } from '../schema/page-context';

/*
 * The one contract every site adapter fulfils. Adding a site means three things:
 * 1. `lib/sites/<site>.ts`, exporting `export const <site>: SiteAdapter`, opening with a
 *    comment that lists the URLs it serves and the fixtures that pin its selectors;
 * 2. a saved page of the site, `tests/fixtures/<site>-<page>.html`, whose first line names its
 *    real URL (`<!-- Real URL: https://… -->`), with the traps real pages have;
 * 3. an entry in lib/sites/registry.ts: the site's name, its product name as reps read it, and
 *    the match patterns of its pages (and, where it has them, its other regions).
 * The site's own content script, its host permission and its place in the `Site` enum follow
 * from the entry (see registry.ts). Adapters read; they never change the page, keep no state
 * and never throw for a page that looks different than expected (a missing field stays
 * missing). Which hosts a site lives on is the registry's business, not the adapter's.
 */

/** What an adapter reads from: the page, and where the rep is on it. */
export interface ReadInput {
  doc: Document;
  url: URL;
  /** The element the rep is in now, or was last in (through shadow roots and frames). */
  focus: Element | null;
  /** The editor Quiver would insert into, chosen from focus and page. */
  editor: EditorTarget | null;
}

/** The page context an adapter fills in; the runtime adds site, url and editor. */
export type ContextFields = Omit<PageContext, 'site' | 'url' | 'editor'>;

/** Where the in-page Quiver button goes, and the editor container it belongs to. */
export interface ButtonSlot {
  anchor: Element;
  where: 'before' | 'after' | 'append' | 'prepend';
  /** The compose/message form the button serves; clicking it makes its editor the current one. */
  scope: Element;
}

/**
 * A node to observe: its children (and, with subtree, everything below it, attributes too).
 * Changes inside a contenteditable are ignored, so typing never wakes the reader.
 */
export interface WatchTarget {
  node: Node;
  subtree: boolean;
  /** With subtree: also attribute and text changes (a stage's class, a chip's text). Default true. */
  attributes?: boolean;
}

export interface SiteAdapter {
  readonly site: Site;
  /**
   * Narrows the registry's match patterns to the pages this adapter reads (Gmail: the mail
   * app, not Chat on the same host); without it, every page its content script runs on.
   */
  serves?(url: URL): boolean;
  /** The page context; `supported: false` with pageKind 'other' for pages it does not recognise. */
  readContext(input: ReadInput): ContextFields;
  /** The editors on the page Quiver could insert into, the most likely first, given the focus. */
  findEditors(doc: Document, url: URL, focus: Element | null): EditorTarget[];
  /**
   * Describes an editable element the rep was in, or returns null to leave it to the generic
   * description. Returning `undefined` is not allowed: be explicit.
   */
  describeEditor(el: HTMLElement): EditorTarget | null;
  /** The editor of the compose/form an element sits in (the rep is in Gmail's To field). */
  editorNear?(el: Element): EditorTarget | null;
  /** Where the Quiver button goes; none on most pages. */
  buttonSlots?(doc: Document, url: URL): ButtonSlot[];
  /** Small parts of the page whose changes can change the context (observed, debounced). */
  watchTargets?(doc: Document, url: URL): WatchTarget[];
}
