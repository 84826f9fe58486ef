import { describe, expect, it } from "vitest";
import { ApiError, apiErrorOf, unwrap } from "@/client/api-error";
import { serializeQuery } from "@/client/browser-api";

const answer = (status: number) => new Response(null, { status });

describe("apiErrorOf", () => {
  it.each([
    {
      name: "the API's error body",
      body: {
        error: { code: "validation_failed", message: "Invalid URL.", details: [{ path: "url", message: "Bad" }] },
      },
      expected: { status: 422, code: "validation_failed", message: "Invalid URL.", fields: { url: "Bad" } },
    },
    {
      name: "a body that is not the API's (a proxy's HTML page)",
      body: "<html>Bad gateway</html>",
      expected: { status: 502, code: "error", message: "Request failed (502)", fields: {} },
    },
    {
      name: "no body",
      body: undefined,
      expected: { status: 500, code: "error", message: "Request failed (500)", fields: {} },
    },
  ])("should read $name", ({ body, expected }) => {
    const error = apiErrorOf(expected.status, body);
    expect(error).toBeInstanceOf(ApiError);
    expect({ status: error.status, code: error.code, message: error.message, fields: error.fieldErrors() }).toEqual(
      expected,
    );
  });
});

describe("unwrap", () => {
  it("should give the data of a success", async () => {
    await expect(unwrap(Promise.resolve({ data: { id: "t_1" }, response: answer(200) }))).resolves.toEqual({
      id: "t_1",
    });
  });

  it("should give nothing for a 204, without throwing", async () => {
    await expect(unwrap(Promise.resolve({ data: undefined, response: answer(204) }))).resolves.toBeUndefined();
  });

  it("should throw the API's error for a failed answer", async () => {
    const failed = unwrap(
      Promise.resolve({ error: { error: { code: "not_found", message: "No such endpoint." } }, response: answer(404) }),
    );
    await expect(failed).rejects.toMatchObject({ name: "ApiError", status: 404, code: "not_found" });
  });

  it("should throw for a failed answer without a body", async () => {
    await expect(unwrap(Promise.resolve({ error: undefined, response: answer(503) }))).rejects.toMatchObject({
      status: 503,
      message: "Request failed (503)",
    });
  });
});

describe("serializeQuery", () => {
  it("should leave out empty values and send the rest as text, as the dashboard always did", () => {
    expect(
      serializeQuery({ limit: 50, cursor: undefined, status: "", endpointId: null, includeArchived: true, q: "a b" }),
    ).toBe("limit=50&includeArchived=true&q=a+b");
  });
});
