import { Marked, type Token, type Tokens } from 'marked';

// One private instance: nothing here changes marked's global defaults for anyone else.
const md = new Marked({ gfm: true, breaks: false, async: false });

/** Markdown to HTML. The result is not sanitised: callers sanitise before it reaches a page. */
export function markdownToHtml(source: string): string {
  return md.parse(source, { async: false }) as string;
}

/** Markdown to the plain text a plain editor (textarea, LinkedIn) should receive. */
export function markdownToText(source: string): string {
  return blocksToText(md.lexer(source))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function blocksToText(tokens: Token[], indent = ''): string {
  const blocks: string[] = [];
  for (const token of tokens) {
    const text = blockToText(token, indent);
    if (text !== null) blocks.push(text);
  }
  return blocks.join('\n\n');
}

function blockToText(token: Token, indent: string): string | null {
  switch (token.type) {
    case 'space':
      return null;
    case 'paragraph':
    case 'heading':
      return inlineToText((token as Tokens.Paragraph).tokens);
    case 'text': {
      const t = token as Tokens.Text;
      return t.tokens ? inlineToText(t.tokens) : decodeEntities(t.text);
    }
    case 'code':
      return (token as Tokens.Code).text;
    case 'blockquote':
      return blocksToText((token as Tokens.Blockquote).tokens)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'list': {
      const list = token as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      return list.items
        .map((item, i) => {
          const marker = list.ordered ? `${start + i}. ` : '- ';
          const body = item.tokens
            .map((t) => (t.type === 'list' ? `\n${blockToText(t, indent + '   ') ?? ''}` : blockToText(t, indent)))
            .filter((t): t is string => t !== null)
            .join('');
          return `${indent}${marker}${body}`;
        })
        .join('\n');
    }
    case 'table': {
      const table = token as Tokens.Table;
      const row = (cells: Tokens.TableCell[]) => cells.map((c) => inlineToText(c.tokens)).join(' | ');
      return [row(table.header), ...table.rows.map(row)].join('\n');
    }
    case 'hr':
      return '---';
    case 'html':
      return stripTags((token as Tokens.HTML).text).trim() || null;
    default:
      return 'tokens' in token && Array.isArray(token.tokens) ? inlineToText(token.tokens) : 'text' in token ? String(token.text) : null;
  }
}

function inlineToText(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  return tokens
    .map((token) => {
      switch (token.type) {
        case 'link': {
          const link = token as Tokens.Link;
          const label = inlineToText(link.tokens);
          return label && label !== link.href ? `${label} (${link.href})` : link.href;
        }
        case 'image':
          return (token as Tokens.Image).text;
        case 'br':
          return '\n';
        case 'codespan':
          return decodeEntities((token as Tokens.Codespan).text);
        case 'html':
          return '';
        case 'escape':
        case 'text': {
          const t = token as Tokens.Text;
          return t.tokens ? inlineToText(t.tokens) : decodeEntities(t.text);
        }
        default:
          return 'tokens' in token && Array.isArray(token.tokens) ? inlineToText(token.tokens) : 'text' in token ? String(token.text) : '';
      }
    })
    .join('');
}

function stripTags(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };
function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? _m);
}
