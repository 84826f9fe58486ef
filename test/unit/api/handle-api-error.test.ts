import { describe, expect, it } from "vitest";
import { z } from "zod";
import { handleApiError } from "@/lib/api/handle-api-error";
import { AppError } from "@/lib/errors";

function prismaError(code: string, cause?: Record<string, string>) {
  return Object.assign(new Error("prisma"), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: cause ? { driverAdapterError: { name: "DriverAdapterError", cause } } : undefined,
  });
}

describe("handleApiError", () => {
  it.each([
    { name: "an AppError", error: new AppError("conflict", "Taken."), expected: { status: 409, code: "conflict" } },
    {
      name: "a ZodError",
      error: z.object({ a: z.string() }).safeParse({ a: 1 }).error,
      expected: { status: 422, code: "validation_failed" },
    },
    { name: "Prisma record not found", error: prismaError("P2025"), expected: { status: 404, code: "not_found" } },
    {
      name: "Prisma: database unreachable",
      error: prismaError("P1001", { kind: "DatabaseNotReachable" }),
      expected: { status: 503, code: "unavailable" },
    },
    {
      name: "Prisma: server shutting down",
      error: prismaError("P2039", { kind: "postgres", originalCode: "57P03" }),
      expected: { status: 503, code: "unavailable" },
    },
    {
      name: "Prisma: connection closed",
      error: prismaError("P2039", { kind: "ConnectionClosed" }),
      expected: { status: 503, code: "unavailable" },
    },
    {
      name: "pg: connection refused",
      error: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      expected: { status: 503, code: "unavailable" },
    },
    {
      name: "pg: admin shutdown",
      error: Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      expected: { status: 503, code: "unavailable" },
    },
    {
      name: "pg: terminated",
      error: new Error("Connection terminated unexpectedly"),
      expected: { status: 503, code: "unavailable" },
    },
    {
      name: "pg: a statement on a client whose connection had failed",
      error: new Error("Client has encountered a connection error and is not queryable"),
      expected: { status: 503, code: "unavailable" },
    },
    {
      name: "pg: pool timeout",
      error: new Error("timeout exceeded when trying to connect"),
      expected: { status: 503, code: "unavailable" },
    },
    {
      name: "a Prisma constraint error",
      error: prismaError("P2002", { kind: "UniqueConstraintViolation" }),
      expected: { status: 500, code: "internal_error" },
    },
    {
      name: "anything else",
      error: new TypeError("x is undefined"),
      expected: { status: 500, code: "internal_error" },
    },
  ])("should map $name", async ({ error, expected }) => {
    const response = handleApiError(error, "req-1");
    expect(response.status).toBe(expected.status);
    const body = await response.json();
    expect(body.error.code).toBe(expected.code);
    expect(body.error.requestId).toBe("req-1");
    if (expected.status === 500) expect(body.error.message).toBe("Something went wrong on our side.");
  });
});
