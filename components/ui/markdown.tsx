// Short markdown written by the operator (an event type's description): `code`, **bold**,
// _emphasis_, links and lists. Rendered by react-markdown into React elements, never as HTML:
// raw HTML in the text is dropped (skipHtml), only the elements below are kept (anything else,
// e.g. an image or a heading, keeps its text but loses its tag), and a link's URL passes
// react-markdown's own filter, which blanks `javascript:` and other unsafe schemes.
import ReactMarkdown, { type Components } from "react-markdown";
import { cn } from "./cn";

const ALLOWED = ["p", "code", "em", "strong", "a", "ul", "ol", "li", "br", "del"];

const COMPONENTS: Components = {
  p: ({ children }) => <p className="[&:not(:first-child)]:mt-1">{children}</p>,
  code: ({ children }) => (
    <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.92em] text-slate-800">{children}</code>
  ),
  a: ({ children, href }) => (
    <a href={href} className="text-brand-700 underline" rel="noopener noreferrer nofollow" target="_blank">
      {children}
    </a>
  ),
  ul: ({ children }) => <ul className="ml-4 list-disc">{children}</ul>,
  ol: ({ children }) => <ol className="ml-4 list-decimal">{children}</ol>,
};

export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={cn("[overflow-wrap:anywhere]", className)}>
      <ReactMarkdown allowedElements={ALLOWED} unwrapDisallowed skipHtml components={COMPONENTS}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
