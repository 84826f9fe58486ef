// Reads the Prometheus text exposition format (version 0.0.4) into samples, strictly enough to
// fail a test on malformed output: every line is a comment, blank, or `name{labels} value`.
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  types: Map<string, string>;
  samples: Sample[];
  /** The value of the one sample of `name` whose labels include `labels`. */
  value(name: string, labels?: Record<string, string>): number | undefined;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parseExposition(text: string): Exposition {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    if (line.startsWith("#")) {
      const type = /^# TYPE (\S+) (\S+)$/.exec(line);
      if (type) types.set(type[1]!, type[2]!);
      continue;
    }
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`not Prometheus text format: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, raw] of (match[2] ?? "").matchAll(LABEL))
      labels[key!] = raw!.replace(/\\(.)/g, (_, char: string) => (char === "n" ? "\n" : char));
    const value = match[3] === "+Inf" ? Infinity : match[3] === "-Inf" ? -Infinity : Number(match[3]);
    // NaN in any case, as Prometheus reads it (Go's ParseFloat): prom-client writes "Nan", e.g.
    // for the event-loop lag before its first sample.
    if (Number.isNaN(value) && !/^nan$/i.test(match[3]!)) throw new Error(`bad sample value: ${line}`);
    samples.push({ name: match[1]!, labels, value });
  }
  return {
    types,
    samples,
    value(name, labels = {}) {
      return samples.find(
        (sample) =>
          sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
      )?.value;
    },
  };
}
