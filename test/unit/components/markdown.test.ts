// The markdown of event-type descriptions: the formatting operators write renders, and nothing
// in the text can add HTML, scripts or unsafe links to the page.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/ui/markdown";

const render = (text: string) => renderToStaticMarkup(createElement(Markdown, null, text));

describe("Markdown", () => {
  it.each([
    { name: "inline code", input: "Sent when `invoice.paid` fires", contains: ">invoice.paid</code>" },
    { name: "bold", input: "**Always** sent", contains: "<strong>Always</strong>" },
    { name: "emphasis", input: "_once_ per invoice", contains: "<em>once</em>" },
    { name: "a list", input: "- one\n- two", contains: "<li>two</li>" },
    {
      name: "a link",
      input: "See [the docs](https://example.com/docs)",
      contains: 'href="https://example.com/docs"',
    },
  ])("renders $name", ({ input, contains }) => {
    const html = render(input);
    expect(html).toContain(contains);
    expect(html).not.toContain("`");
    expect(html).not.toContain("**");
  });

  it.each([
    { name: "a script tag", input: "Hello <script>alert(1)</script> there" },
    { name: "an image with onerror", input: '<img src="x" onerror="alert(1)">' },
    { name: "an inline event handler", input: '<b onmouseover="alert(1)">hover</b>' },
    { name: "an iframe", input: '<iframe src="https://evil.example"></iframe>' },
  ])("drops raw HTML: $name", ({ input }) => {
    const html = render(input);
    expect(html).not.toMatch(/<(script|img|iframe|b)\b/i);
    expect(html).not.toMatch(/onerror|onmouseover/i);
  });

  it.each([
    { name: "javascript:", input: "[click](javascript:alert(1))" },
    { name: "JavaScript: with case and spaces", input: "[click]( JavaScript:alert(1) )" },
    { name: "data:", input: "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)" },
    { name: "vbscript:", input: "[click](vbscript:msgbox)" },
  ])("blanks an unsafe link: $name", ({ input }) => {
    const html = render(input);
    expect(html).toContain("click");
    expect(html).not.toMatch(/javascript:|data:|vbscript:/i);
  });

  it("keeps the text of elements outside its subset, without their tags", () => {
    const html = render("# Title\n\n![alt text](https://example.com/x.png)");
    expect(html).not.toMatch(/<h1|<img/);
    expect(html).toContain("Title");
  });
});
