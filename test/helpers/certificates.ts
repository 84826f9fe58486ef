// Certificates for TLS tests, made with the `openssl` command in a temporary folder: a CA, a
// server certificate for 127.0.0.1 and client certificates it signs, valid for a given number of
// days (negative: already expired).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface Pem {
  certificate: string;
  privateKey: string;
}

export interface TestCa extends Pem {
  /** A certificate signed by this CA. */
  issue(commonName: string, options?: { days?: number; server?: boolean }): Pem;
}

function openssl(cwd: string, ...args: string[]): void {
  execFileSync("openssl", args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
}

const keyArgs = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];

export function createTestCa(name: string): TestCa {
  const dir = mkdtempSync(path.join(tmpdir(), "hookline-ca-"));
  try {
    openssl(
      dir,
      "req",
      "-x509",
      ...keyArgs,
      "-keyout",
      "ca.key",
      "-out",
      "ca.pem",
      "-subj",
      `/CN=${name}`,
      "-days",
      "30",
    );
    const ca = {
      certificate: readFileSync(path.join(dir, "ca.pem"), "utf8"),
      privateKey: readFileSync(path.join(dir, "ca.key"), "utf8"),
    };
    return {
      ...ca,
      issue: (commonName, options = {}) => issue(ca, commonName, options.days ?? 30, options.server ?? false),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function issue(ca: Pem, commonName: string, days: number, server: boolean): Pem {
  const dir = mkdtempSync(path.join(tmpdir(), "hookline-cert-"));
  try {
    writeFileSync(path.join(dir, "ca.pem"), ca.certificate);
    writeFileSync(path.join(dir, "ca.key"), ca.privateKey);
    writeFileSync(
      path.join(dir, "ext.cnf"),
      server
        ? "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n"
        : "extendedKeyUsage=clientAuth\n",
    );
    openssl(dir, "req", ...keyArgs, "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", `/CN=${commonName}`);
    openssl(
      dir,
      "x509",
      "-req",
      "-in",
      "leaf.csr",
      "-CA",
      "ca.pem",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-out",
      "leaf.pem",
      "-days",
      String(days),
      "-extfile",
      "ext.cnf",
    );
    return {
      certificate: readFileSync(path.join(dir, "leaf.pem"), "utf8"),
      privateKey: readFileSync(path.join(dir, "leaf.key"), "utf8"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
