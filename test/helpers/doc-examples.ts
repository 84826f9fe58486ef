// The API examples of README.md and docs/*.md, read out of their shell code blocks: every `curl`
// command (continued lines joined), with the status its `# 201 …` comment promises (any 2xx when
// there is none). test/integration/docs/api-examples.test.ts runs them against a seeded demo
// instance, so an example added to any of those files later is run too.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./hookline-process";

export interface CurlExample {
  /** `README.md:130`: where the command starts. */
  where: string;
  method: string;
  /** The URL as written (host, `$VARIABLES` and all). */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** The status the example's comment promises; null: any 2xx. */
  expectedStatus: number | null;
}

export const DOC_FILES = [
  "README.md",
  ...readdirSync(path.join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`),
];

/**
 * Stands for a `$` written inside single quotes, where the shell expands nothing (a filter's
 * `{"$gte": 100}`): the runner replaces variables elsewhere, then turns these back into `$`.
 */
export const LITERAL_DOLLAR = "\u0001";

/** Shell words of one command line: single and double quotes, backslash escapes; no expansion. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = "";
  let started = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (char === "'") {
      const end = line.indexOf("'", index + 1);
      if (end < 0) throw new Error(`unclosed ' in: ${line}`);
      word += line.slice(index + 1, end).replaceAll("$", LITERAL_DOLLAR);
      index = end;
      started = true;
    } else if (char === '"') {
      let end = index + 1;
      for (; end < line.length && line[end] !== '"'; end++) {
        if (line[end] === "\\" && end + 1 < line.length) end++;
      }
      if (end >= line.length) throw new Error(`unclosed " in: ${line}`);
      word += line.slice(index + 1, end).replace(/\\(["\\$`])/g, "$1");
      index = end;
      started = true;
    } else if (char === "\\" && index + 1 < line.length) {
      word += line[++index];
      started = true;
    } else if (/\s/.test(char)) {
      if (started) words.push(word);
      word = "";
      started = false;
    } else if (char === "#" && !started) {
      break; // a comment
    } else {
      word += char;
      started = true;
    }
  }
  if (started) words.push(word);
  return words;
}

function parseCurl(words: string[], where: string): Omit<CurlExample, "expectedStatus"> {
  const headers: Record<string, string> = {};
  let method: string | undefined;
  let body: string | undefined;
  let url: string | undefined;
  for (let index = 1; index < words.length; index++) {
    const word = words[index]!;
    const value = () => {
      const next = words[++index];
      if (next === undefined) throw new Error(`${where}: ${word} without a value`);
      return next;
    };
    if (word === "-X" || word === "--request") method = value();
    else if (word === "-H" || word === "--header") {
      const header = value();
      const colon = header.indexOf(":");
      headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
    } else if (word === "-d" || word === "--data" || word === "--data-raw") body = value();
    else if (word.startsWith("-")) throw new Error(`${where}: curl option ${word} is not understood by the docs test`);
    else if (url === undefined) url = word;
    else throw new Error(`${where}: a second URL ${word}`);
  }
  if (!url) throw new Error(`${where}: curl without a URL`);
  // curl's own defaults: POST with a body, and a form content type unless one is given.
  if (body !== undefined) headers["content-type"] ??= "application/x-www-form-urlencoded";
  return { where, method: method ?? (body === undefined ? "GET" : "POST"), url, headers, body };
}

/** Every curl command in the shell code blocks of one Markdown file. */
export function curlExamples(file: string): CurlExample[] {
  const lines = readFileSync(path.join(ROOT, file), "utf8").split("\n");
  const examples: CurlExample[] = [];
  let inShell = false;
  let inBlock = false;
  /** The command right above: a `# 201 …` line that follows it is its expected answer. */
  let previous: CurlExample | null = null;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const fence = /^\s*```(\w*)/.exec(line);
    if (fence) {
      inShell = !inBlock && ["sh", "bash", "shell", "console"].includes(fence[1]!);
      inBlock = !inBlock;
      previous = null;
      continue;
    }
    if (!inShell) continue;
    const comment = /^\s*#\s*(\d{3})\b/.exec(line);
    if (comment && previous) {
      previous.expectedStatus = Number(comment[1]);
      previous = null;
      continue;
    }
    if (!/^\s*curl\s/.test(line)) {
      if (line.trim()) previous = null;
      continue;
    }
    const start = index;
    let command = line;
    while (command.trimEnd().endsWith("\\") && index + 1 < lines.length) {
      command = `${command.trimEnd().slice(0, -1)} ${lines[++index]!}`;
    }
    previous = { ...parseCurl(shellWords(command), `${file}:${start + 1}`), expectedStatus: null };
    examples.push(previous);
  }
  return examples;
}

/** The examples of README.md and every docs/*.md, in reading order. */
export function allCurlExamples(): CurlExample[] {
  return DOC_FILES.flatMap(curlExamples);
}
