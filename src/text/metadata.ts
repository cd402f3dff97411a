// A document's date, title and URL: YAML front matter, a "Published" line, HTML metadata, a dateline or its path.
import { Parser } from "htmlparser2";
import { parse as parseYaml } from "yaml";
import type { DateSource } from "../schema/index.js";
import { isCalendarDay } from "../schema/index.js";
import { parseDate, readDate } from "./dates.js";

/** What a document says about itself. */
export interface DocumentMetadata {
  title?: string;
  date?: string;
  dateSource?: DateSource;
  url?: string;
}

/** Front matter read off the top of a text or Markdown file, and the body after it. */
export interface FrontMatter {
  data: Readonly<Record<string, unknown>>;
  body: string;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
/** Keys of a publication date in front matter, most telling first; `updated` and `lastmod` only when no other is given. */
const FRONT_DATE_KEYS = ["date", "published", "publishdate", "publish_date", "date_published", "datepublished", "pubdate", "created", "updated", "lastmod", "modified"];
const FRONT_URL_KEYS = ["url", "link", "canonical_url", "canonical", "permalink", "source"];

/**
 * Split YAML front matter (`---` … `---` on the first lines) from the body. A block that is not a
 * valid YAML map is still cut off when it has `key: value` lines, which are then read one by one, so
 * it never reaches the text; a block without any is prose between two rules and stays.
 */
export function splitFrontMatter(content: string): FrontMatter | undefined {
  const m = FRONT_MATTER.exec(content);
  if (!m) return undefined;
  const body = content.slice(m[0].length);
  let data: unknown;
  try {
    data = parseYaml(m[1]);
  } catch {
    data = undefined;
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    // not a YAML map: read the simple `key: value` lines it has
    const simple: Record<string, unknown> = {};
    for (const line of m[1].split(/\r?\n/)) {
      const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
      if (kv && kv[2]) simple[kv[1]] = kv[2].replace(/^(["'])(.*)\1$/, "$2");
    }
    // text between two rules that has no `key: value` line is prose, not front matter
    if (Object.keys(simple).length === 0) return undefined;
    data = simple;
  }
  return { data: data as Record<string, unknown>, body };
}

/** Title, date and URL from front matter data. */
export function frontMatterMetadata(data: Readonly<Record<string, unknown>>): DocumentMetadata {
  const lower = new Map<string, unknown>();
  for (const [k, v] of Object.entries(data)) if (!lower.has(k.toLowerCase())) lower.set(k.toLowerCase(), v);
  const out: DocumentMetadata = {};
  const title = lower.get("title");
  if (typeof title === "string" && title.trim()) out.title = title.trim().replace(/\s+/g, " ");
  for (const key of FRONT_DATE_KEYS) {
    const v = lower.get(key);
    const date = typeof v === "string" ? parseDate(v) : v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : undefined;
    if (date) {
      out.date = date;
      out.dateSource = "front-matter";
      break;
    }
  }
  for (const key of FRONT_URL_KEYS) {
    const url = webUrl(lower.get(key));
    if (url) {
      out.url = url;
      break;
    }
  }
  return out;
}

/** How many non-empty lines at the top are searched for a "Published" line or a dateline. */
const TOP_LINES = 12;
const DATELINE_LINES = 6;
/** A "Published" label at a line's start or after a separator ("By Jane Doe | Published July 16, 2024"); "Date:" only at the start. */
const PUBLISHED = /(?:^[\s*_>#]*|[|·•,–—-]\s*)(?:(?:first\s+)?published|posted|(?:last\s+)?updated|modified)(?:\s+on)?[*_]*\s*[:|–—-]?[*_]*\s*|^[\s*_>#]*date\s*:\s*/giu;
/** An all-capitals place ("BRUSSELS", "NEW YORK", "TAIBE, Israel"), then the date. */
const PLACE = "\\p{Lu}[\\p{Lu}\\p{M}'’.-]+(?:\\s+\\p{Lu}[\\p{Lu}\\p{M}'’.-]*)*";
const DATELINES = [
  new RegExp(`^${PLACE},\\s*\\p{Lu}[\\p{L}\\p{M}'’.-]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}'’.-]*){0,3},?\\s+`, "u"),
  new RegExp(`^${PLACE},?\\s+`, "u"),
];
/** What may follow a dateline's date: nothing, a news agency in brackets, a dash. */
const DATELINE_END = /^\s*(?:\([^)]{1,40}\))?\s*(?:[-–—:]|$)/;

/**
 * A date from a "Published …" or "Updated …" line near the top of the text ("Published: 16 July 2024",
 * "Published July 16, 2024 10:30 AM EDT", "Updated 2024-07-16T10:30:00Z"); a published date wins over an updated one.
 */
export function publishedLineDate(text: string): string | undefined {
  let updated: string | undefined;
  for (const line of topLines(text, TOP_LINES)) {
    PUBLISHED.lastIndex = 0;
    for (let m = PUBLISHED.exec(line); m; m = PUBLISHED.exec(line)) {
      const date = readDate(line.slice(m.index + m[0].length))?.date;
      if (!date) continue;
      if (!/updated|modified/i.test(m[0])) return date;
      updated ??= date;
    }
  }
  return updated;
}

/** A dateline with a full date near the top: "BRUSSELS 1996-08-22", "LONDON, 16 July 2024 (Reuters) -". */
export function datelineDate(text: string): string | undefined {
  const lines = topLines(text, DATELINE_LINES);
  for (const [i, line] of lines.entries()) {
    // the place on a line of its own and the date on the next ("PONTIAC, Mich." / "1996-08-22")
    if (i + 1 < lines.length && DATELINES.some((re) => re.exec(`${line} `)?.[0].length === line.length + 1)) {
      const date = readDate(lines[i + 1]);
      if (date && DATELINE_END.test(lines[i + 1].slice(date.end))) return date.date;
    }
    for (const re of DATELINES) {
      const place = re.exec(line);
      if (!place) continue;
      const rest = line.slice(place[0].length);
      const date = readDate(rest);
      if (date && DATELINE_END.test(rest.slice(date.end))) return date.date;
    }
  }
  return undefined;
}

/** A date in a file's path: `2024/07/16/slug.md`, `2024-07-16-slug.md`, `news/2024_07_16.txt`. */
export function pathDate(id: string): string | undefined {
  const re = /(?:^|[/_-])((?:18|19|20|21)\d\d)([/_-])(\d\d)\2(\d\d)(?=[/._-]|$)/g;
  let found: string | undefined;
  for (let m = re.exec(id); m; m = re.exec(id)) {
    const day = `${m[1]}-${m[3]}-${m[4]}`;
    if (isCalendarDay(day)) found = day; // the deepest date in the path is the file's own
  }
  return found;
}

/** Dates, URL and title an HTML page declares in its markup. */
export interface HtmlMetadata {
  date?: string;
  url?: string;
}

const META_DATE_KEYS = [
  "article:published_time",
  "datepublished",
  "og:published_time",
  "date",
  "pubdate",
  "publishdate",
  "publish-date",
  "dc.date.issued",
  "dc.date",
  "dcterms.created",
  "dcterms.date",
  "citation_publication_date",
  "parsely-pub-date",
  "sailthru.date",
];
const META_UPDATED_KEYS = ["article:modified_time", "datemodified", "og:updated_time", "last-modified"];

/**
 * The publication date and URL of an HTML page: `<meta property="article:published_time">` and its
 * kin, JSON-LD `datePublished`, a `<time datetime>`; the URL from `<link rel="canonical">`, `og:url`
 * or JSON-LD `url`. A modification date is taken only when the page gives no other.
 */
export function htmlMetadata(html: string): HtmlMetadata {
  const meta = new Map<string, string>();
  const times: Array<{ value: string; published: boolean }> = [];
  const ldJson: string[] = [];
  let canonical: string | undefined;
  let inLd = false;
  let ld = "";
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === "meta") {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? attrs["http-equiv"])?.toLowerCase();
          if (key && attrs.content !== undefined && !meta.has(key)) meta.set(key, attrs.content);
        } else if (name === "link" && /(?:^|\s)canonical(?:\s|$)/i.test(attrs.rel ?? "") && attrs.href) {
          canonical ??= attrs.href;
        } else if (name === "time" && attrs.datetime) {
          times.push({ value: attrs.datetime, published: attrs.pubdate !== undefined || /datepublished/i.test(attrs.itemprop ?? "") });
        } else if (name === "script" && /ld\+json/i.test(attrs.type ?? "")) {
          inLd = true;
          ld = "";
        }
      },
      ontext(data) {
        if (inLd) ld += data;
      },
      onclosetag(name) {
        if (name === "script" && inLd) {
          inLd = false;
          ldJson.push(ld);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  const ldData = ldJson.map(readLd);
  const first = (values: Array<string | undefined>) => values.map((v) => (v === undefined ? undefined : parseDate(v))).find((d) => d !== undefined);
  const date =
    first(META_DATE_KEYS.map((k) => meta.get(k))) ??
    first(ldData.map((d) => d.published)) ??
    first(times.filter((t) => t.published).map((t) => t.value)) ??
    first(times.map((t) => t.value)) ??
    first([...META_UPDATED_KEYS.map((k) => meta.get(k)), ...ldData.map((d) => d.modified)]);
  const url = [canonical, meta.get("og:url"), ...ldData.map((d) => d.url)].map(webUrl).find((u) => u !== undefined);
  return { ...(date ? { date } : {}), ...(url ? { url } : {}) };
}

/** datePublished, dateModified and url of the first JSON-LD object that has them (arrays and `@graph` searched). */
function readLd(text: string): { published?: string; modified?: string; url?: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {};
  }
  const out: { published?: string; modified?: string; url?: string } = {};
  const visit = (v: unknown, depth: number) => {
    if (depth > 6 || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.datePublished === "string") out.published ??= o.datePublished;
    if (typeof o.dateModified === "string") out.modified ??= o.dateModified;
    if (typeof o.datePublished === "string" || typeof o.dateModified === "string") {
      const page = o.mainEntityOfPage;
      out.url ??= webUrl(o.url) ?? webUrl(page) ?? (page && typeof page === "object" ? webUrl((page as Record<string, unknown>)["@id"]) : undefined);
    }
    if (o["@graph"] !== undefined) visit(o["@graph"], depth + 1);
  };
  visit(data, 0);
  return out;
}

/** An absolute http(s) URL, or undefined. */
function webUrl(v: unknown): string | undefined {
  if (typeof v !== "string") return undefined;
  const s = v.trim();
  return /^https?:\/\/[^\s/]+\S*$/i.test(s) && s.length <= 2048 ? s : undefined;
}

/** The first `n` non-empty lines of a text, trimmed. */
function topLines(text: string, n: number): string[] {
  const out: string[] = [];
  for (const line of text.split("\n", 200)) {
    const t = line.trim();
    if (t) out.push(t);
    if (out.length === n) break;
  }
  return out;
}

/** Where to look for a document's metadata; the first source that gives a date wins. */
export interface MetadataInput {
  /** The document id (its path under the sources folder). */
  id: string;
  /** The extracted text (after markup and front matter are removed). */
  text: string;
  front?: Readonly<Record<string, unknown>>;
  html?: HtmlMetadata;
}

/**
 * A document's title, date and URL, the date from the first of: front matter, a "Published" line,
 * HTML metadata, a dateline, the file's path; `dateSource` says which.
 */
export function detectMetadata(input: MetadataInput): DocumentMetadata {
  const front = input.front ? frontMatterMetadata(input.front) : {};
  const url = front.url ?? input.html?.url;
  const out: DocumentMetadata = { ...(front.title ? { title: front.title } : {}), ...(url ? { url } : {}) };
  const candidates: Array<[DateSource, () => string | undefined]> = [
    ["front-matter", () => front.date],
    ["published-line", () => publishedLineDate(input.text)],
    ["html-meta", () => input.html?.date],
    ["dateline", () => datelineDate(input.text)],
    ["path", () => pathDate(input.id)],
  ];
  for (const [source, read] of candidates) {
    const date = read();
    if (date) return { ...out, date, dateSource: source };
  }
  return out;
}
