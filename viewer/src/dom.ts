// DOM helpers that only ever set attacker-controlled text as text: there is no way here to turn
// a string into markup, and links are made only for http(s) URLs.

type Children = (Node | string | null | undefined | false)[];

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; title?: string; attrs?: Record<string, string> } = {},
  children: Children = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.text !== undefined) element.textContent = props.text;
  if (props.title !== undefined) element.title = props.title;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return element;
}

// The URL when it is an absolute http: or https: URL, else null.
// "@jackposobiec" for a user's handle; the label itself for an account that stands for a thread or
// a paste ("/pol/ thread 124205693", "paste:rENSrLn2"), which no one would write with an @.
export function handleText(label: string): string {
  return /[ /:]/.test(label) ? label : "@" + label;
}

export function httpUrl(text: string): string | null {
  if (!/^https?:\/\//i.test(text)) return null;
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

// A link that opens in a new tab without telling the target where it came from, or plain text
// when the URL is not http(s).
export function link(url: string, text: string): HTMLElement {
  const href = httpUrl(url);
  if (href === null) return el("span", { className: "lt-unlinked", text, title: "not an http(s) link" });
  const anchor = el("a", { text, attrs: { target: "_blank", rel: "noopener noreferrer nofollow", referrerpolicy: "no-referrer" } });
  anchor.href = href;
  return anchor;
}

const dateFormat = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", hour12: false } as const;

export function formatTime(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return "unknown time";
  return new Date(ms).toLocaleString("en-GB", dateFormat) + " UTC";
}

export function formatCount(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return "unknown";
  return n.toLocaleString("en-US");
}
