// The migrations (hand-applied SQL) and prisma/schema.prisma (what the Prisma client believes)
// must describe the same database. This test reads the schema through Prisma's own parser
// (the DMMF) and compares it with what the migrated database reports: tables, columns, types,
// nullability, indexes and foreign keys.
//
// messages, deliveries and attempts are partitioned (docs/ARCHITECTURE.md "Partitioned storage"):
// their partitions are tables of their own in the catalog, with copies of the parent's indexes
// and foreign keys, that Prisma never sees; the comparison is with the parents only. The
// relations between those three tables (and labels → messages) are declared for Prisma Client's
// sake but have no foreign key in the database (APP_ENFORCED_RELATIONS).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../helpers/database";

/** Indexes that Prisma cannot declare (partial indexes); they exist only in migration.sql. */
const SQL_ONLY_INDEXES: Record<string, { table: string; columns: string[]; unique: boolean; predicate: string }> = {
  deliveries_due_idx: {
    table: "deliveries",
    columns: ["next_attempt_at"],
    unique: false,
    predicate: "(status = 'pending'::\"DeliveryStatus\")",
  },
  deliveries_lease_idx: {
    table: "deliveries",
    columns: ["lease_until"],
    unique: false,
    predicate: "(status = 'sending'::\"DeliveryStatus\")",
  },
  deliveries_fifo_head_idx: {
    table: "deliveries",
    columns: ["endpoint_id", "ordering_key", "id"],
    unique: false,
    predicate:
      "((ordering_key IS NOT NULL) AND (status = ANY (ARRAY['pending'::\"DeliveryStatus\", 'sending'::\"DeliveryStatus\"])))",
  },
};

/** Relations Prisma declares that the database enforces by how rows are written and purged. */
const APP_ENFORCED_RELATIONS = [
  "deliveries_message_id_fkey",
  "attempts_delivery_id_fkey",
  "message_labels_message_id_fkey",
];

/** Tables, indexes and constraints of partitions (not their parents) are left out. */
const NOT_A_PARTITION = `NOT EXISTS (SELECT 1 FROM pg_class p WHERE p.relname = %s AND p.relnamespace = 'public'::regnamespace AND p.relispartition)`;

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType: [string, string[]] | null;
  relationFromFields?: string[];
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  name?: string;
  dbName?: string;
  fields: Array<{ name: string }>;
}

function readDmmf(): { models: DmmfModel[]; indexes: DmmfIndex[] } {
  const require = createRequire(import.meta.url);
  const wasm = require("@prisma/prisma-schema-wasm") as { get_dmmf(params: string): string };
  const schema = readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
  return JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))).datamodel;
}

const DEFAULT_TYPES: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Boolean: "bool",
  Float: "float8",
  Decimal: "numeric",
  DateTime: "timestamp",
  Json: "jsonb",
  Bytes: "bytea",
};
const NATIVE_TYPES: Record<string, string> = {
  Timestamptz: "timestamptz",
  Timestamp: "timestamp",
  Json: "json",
  JsonB: "jsonb",
  Text: "text",
  VarChar: "varchar",
  Uuid: "uuid",
  Integer: "int4",
  SmallInt: "int2",
  BigInt: "int8",
  DoublePrecision: "float8",
};

interface Column {
  type: string;
  nullable: boolean;
  precision: number | null;
}

function expectedSchema() {
  const { models, indexes } = readDmmf();
  const tables = new Map<string, Map<string, Column>>();
  const expectedIndexes = new Map<string, { table: string; columns: string[]; unique: boolean }>();
  const foreignKeys = new Set<string>();
  const tableOf = (model: string) => {
    const found = models.find((candidate) => candidate.name === model)!;
    return found.dbName ?? found.name;
  };
  const columnOf = (model: string, field: string) => {
    const found = models
      .find((candidate) => candidate.name === model)!
      .fields.find((candidate) => candidate.name === field)!;
    return found.dbName ?? found.name;
  };
  for (const model of models) {
    const table = model.dbName ?? model.name;
    const columns = new Map<string, Column>();
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (field.relationFromFields?.length) {
          foreignKeys.add(
            `${table}_${field.relationFromFields.map((name) => columnOf(model.name, name)).join("_")}_fkey`,
          );
        }
        continue;
      }
      const base =
        field.kind === "enum"
          ? field.type
          : field.nativeType
            ? NATIVE_TYPES[field.nativeType[0]]
            : DEFAULT_TYPES[field.type];
      if (!base) throw new Error(`no type mapping for ${model.name}.${field.name}`);
      const isTime = base === "timestamp" || base === "timestamptz";
      columns.set(field.dbName ?? field.name, {
        type: field.isList ? `_${base}` : base,
        // Prisma never marks scalar lists NOT NULL in the database.
        nullable: field.isList || !field.isRequired,
        precision: isTime && !field.isList ? Number(field.nativeType?.[1][0] ?? 3) : null,
      });
    }
    tables.set(table, columns);
  }
  for (const index of indexes) {
    if (index.type === "fulltext") continue;
    const table = tableOf(index.model);
    const columns = index.fields.map((field) => columnOf(index.model, field.name));
    const suffix =
      index.type === "id" ? "pkey" : index.type === "unique" ? `${columns.join("_")}_key` : `${columns.join("_")}_idx`;
    const name = index.dbName ?? (index.type === "id" ? `${table}_pkey` : `${table}_${suffix}`);
    expectedIndexes.set(name, { table, columns, unique: index.type !== "normal" });
  }
  return { tables, indexes: expectedIndexes, foreignKeys };
}

describe("prisma/schema.prisma and the migrated database", () => {
  const url = useTestDatabase();
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: url() });
    await client.connect();
  });
  afterAll(() => client.end());

  const expected = expectedSchema();

  it("should have the same tables", async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
          AND ${NOT_A_PARTITION.replace("%s", "table_name")} ORDER BY 1`,
    );
    expect(rows.map((row) => row.table_name)).toEqual([...expected.tables.keys()].sort());
  });

  it("should have the same columns, types and nullability in every table", async () => {
    const { rows } = await client.query<{
      table_name: string;
      column_name: string;
      udt_name: string;
      is_nullable: string;
      datetime_precision: number | null;
    }>(
      `SELECT table_name, column_name, udt_name, is_nullable, datetime_precision
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
          AND ${NOT_A_PARTITION.replace("%s", "table_name")}`,
    );
    const actual = new Map<string, Map<string, Column>>();
    for (const row of rows) {
      const columns = actual.get(row.table_name) ?? new Map<string, Column>();
      const isTime = row.udt_name === "timestamp" || row.udt_name === "timestamptz";
      columns.set(row.column_name, {
        type: row.udt_name,
        nullable: row.is_nullable === "YES",
        precision: isTime ? row.datetime_precision : null,
      });
      actual.set(row.table_name, columns);
    }
    for (const [table, columns] of expected.tables) {
      expect(Object.fromEntries(actual.get(table) ?? []), `table ${table}`).toEqual(Object.fromEntries(columns));
    }
  });

  it("should have the same indexes, plus the partial ones written in SQL", async () => {
    const { rows } = await client.query<{
      name: string;
      table: string;
      columns: string[];
      unique: boolean;
      predicate: string | null;
    }>(
      `SELECT i.relname AS name, t.relname AS table, ix.indisunique AS unique,
              pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
              array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, n)
                      JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns
         FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace ns ON ns.oid = t.relnamespace
        WHERE ns.nspname = 'public' AND t.relname <> '_prisma_migrations' AND NOT t.relispartition`,
    );
    const actual = Object.fromEntries(
      rows.map((row) => [
        row.name,
        {
          table: row.table,
          columns: row.columns,
          unique: row.unique,
          ...(row.predicate ? { predicate: row.predicate } : {}),
        },
      ]),
    );
    expect(actual).toEqual({ ...Object.fromEntries(expected.indexes), ...SQL_ONLY_INDEXES });
  });

  it("should have a foreign key for every relation", async () => {
    const { rows } = await client.query<{ conname: string }>(
      `SELECT conname FROM pg_constraint c JOIN pg_namespace ns ON ns.oid = c.connamespace
        WHERE ns.nspname = 'public' AND contype = 'f' AND conparentid = 0`,
    );
    expect(rows.map((row) => row.conname).sort()).toEqual(
      [...expected.foreignKeys].filter((name) => !APP_ENFORCED_RELATIONS.includes(name)).sort(),
    );
  });

  it("should partition messages, deliveries and attempts by id, with a default partition each", async () => {
    const { rows } = await client.query<{ table: string; key: string; default_partition: string | null }>(
      `SELECT c.relname AS table, pg_get_partkeydef(c.oid) AS key,
              (SELECT p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhrelid
                WHERE i.inhparent = c.oid AND pg_get_expr(p.relpartbound, p.oid) = 'DEFAULT') AS default_partition
         FROM pg_class c WHERE c.relkind = 'p' AND c.relnamespace = 'public'::regnamespace ORDER BY 1`,
    );
    expect(rows).toEqual(
      ["attempts", "deliveries", "messages"].map((table) => ({
        table,
        key: "RANGE (id)",
        default_partition: `${table}_default`,
      })),
    );
  });
});
