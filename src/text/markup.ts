// Markup to plain text: HTML through htmlparser2 (block elements become line breaks), Markdown by its line syntax.
import { Parser } from "htmlparser2";

const BLOCK = new Set(
  "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul title".split(" "),
);
const SKIP = new Set(["script", "style", "noscript", "template", "svg", "head"]);

/** The readable text of an HTML page, one block per line, plus its <title> (or first <h1>). */
export function htmlToText(html: string): { text: string; title?: string } {
  let out = "";
  let skipDepth = 0;
  let title = "";
  let h1 = "";
  let inTitle = false;
  let inH1 = false;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "title") inTitle = true;
        if (name === "h1") inH1 = true;
        if (SKIP.has(name) && name !== "head") skipDepth++;
        if (BLOCK.has(name)) out += "\n";
      },
      ontext(data) {
        if (inTitle) title += data;
        if (skipDepth > 0 || inTitle) return;
        if (inH1) h1 += data;
        out += data.replace(/\s+/g, " ");
      },
      onclosetag(name) {
        if (name === "title") inTitle = false;
        if (name === "h1") inH1 = false;
        if (SKIP.has(name) && name !== "head") skipDepth = Math.max(0, skipDepth - 1);
        if (BLOCK.has(name)) out += "\n";
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  const text = out
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join("\n");
  const t = (title.trim() || h1.trim()).replace(/\s+/g, " ");
  return t ? { text, title: t } : { text };
}

/** The text of a Markdown document: headings, emphasis, links and code marks removed, line structure kept. */
export function markdownToText(md: string): { text: string; title?: string } {
  let title: string | undefined;
  let inFence = false;
  const lines: string[] = [];
  for (const raw of md.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    let line = raw;
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      line = heading[1];
      title ??= line;
    }
    line = line
      .replace(/^\s{0,3}>\s?/, "")
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, (m) => (/\d/.test(m) ? m.trim() + " " : ""))
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
      .replace(/(\*\*|__)(.+?)\1/g, "$2")
      .replace(/(^|[^\p{L}\p{N}])[*_](.+?)[*_](?=[^\p{L}\p{N}]|$)/gu, "$1$2")
      .replace(/`([^`]*)`/g, "$1")
      .replace(/<[^>]+>/g, "");
    if (/^\s*([-*_]\s*){3,}$/.test(line)) line = "";
    lines.push(line);
  }
  return title ? { text: lines.join("\n"), title } : { text: lines.join("\n") };
}
