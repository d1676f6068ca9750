import { z } from "@hono/zod-openapi";
import {
  IdSchema,
  IsoDateTimeSchema,
  ObservationCreateSchema,
  PushRequestSchema,
  StoreInputSchema,
  text,
} from "@sightline/shared";
import { describe, expect, it } from "vitest";
import { classicTwin } from "./classic-twin.ts";

const capturedAt = "2026-11-24T10:00:00+07:00";

describe("classicTwin", () => {
  it("gives a classic schema with the members the OpenAPI generator reads", () => {
    const id = classicTwin(IdSchema) as unknown as z.ZodString;
    expect(id).toBeInstanceOf(z.ZodType);
    expect(id.minLength).toBe(1);
    expect(id.maxLength).toBe(64);
    expect((classicTwin(IsoDateTimeSchema) as unknown as z.ZodString).format).toBe("datetime");
    expect(typeof id.openapi).toBe("function");
  });

  it("converts children and returns the same twin for the same schema", () => {
    const store = classicTwin(StoreInputSchema) as unknown as z.ZodObject;
    expect(store.shape.name).toBeInstanceOf(z.ZodType);
    expect(classicTwin(StoreInputSchema)).toBe(store);
  });

  it("returns classic schemas as they are", () => {
    const s = z.string().max(3);
    expect(classicTwin(s)).toBe(s);
  });

  it("validates, transforms and words issues exactly like the shared schema", () => {
    const cases: [z.core.$ZodType, unknown][] = [
      [text(5), "gia\u0301"],
      [text(5), "toolong"],
      [text(5), "a\u0000"],
      [IdSchema, "bad id!"],
      [
        ObservationCreateSchema,
        { channel: "web", method: "competitor-audit", capturedAt, what: "x" },
      ],
      [ObservationCreateSchema, { channel: "feedback", method: "feedback", capturedAt, what: " " }],
      [ObservationCreateSchema, { channel: "web", method: "nope", capturedAt: "yesterday" }],
      [PushRequestSchema, { protocol: 1, deviceId: "d", clientSchema: 1.5, mutations: [{}] }],
    ];
    for (const [schema, input] of cases) {
      const mini = z.safeParse(schema, input);
      const twin = classicTwin(schema).safeParse(input);
      expect(twin.success).toBe(mini.success);
      expect(twin.data).toEqual(mini.data);
      expect(twin.error?.issues).toEqual(mini.error?.issues);
    }
  });
});
