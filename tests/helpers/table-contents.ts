// Every table's content, ids aside: for comparing two databases that should hold the same
// data though their rows may have been numbered differently. Read from the catalog, so a
// table or column added later is compared too. Each row is a JSON string in which
//   - generated ids and the times of the write (updatedAt, and columns whose default is the
//     current time: createdAt, ingestedAt …) are left out;
//   - a reference to another table's row (a foreign key, or one of the reference columns
//     named below that have none) is replaced by that row's key: its values in its first
//     unique index other than the primary key (an article's contentHash, a person's
//     normalizedName), or its whole content where it has none.
import type { PrismaClient } from "../../src/generated/prisma/client.js";

/** References kept without a foreign key (rows the triggers keep, see the schema). */
const REFERENCES_WITHOUT_FOREIGN_KEY: Record<string, Record<string, string>> = {
  PersonCoMention: { personId: "Person", coMentionedId: "Person" },
};
const ALWAYS_LEFT_OUT = ["id", "updatedAt"];

type Row = Record<string, unknown>;

export async function tableContents(prisma: PrismaClient): Promise<Record<string, string[]>> {
  const tables = (await prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`).map((t) => t.name);
  const writeTimes = await prisma.$queryRaw<{ table: string; column: string }[]>`
    SELECT table_name AS table, column_name AS column FROM information_schema.columns
    WHERE table_schema = current_schema() AND (column_default ILIKE '%current_timestamp%' OR column_default ILIKE '%now()%')`;
  const foreignKeys = await prisma.$queryRaw<{ table: string; column: string; target: string }[]>`
    SELECT cl.relname AS table, a.attname AS column, target.relname AS target
    FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class target ON target.oid = c.confrelid
      JOIN pg_namespace n ON n.oid = cl.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    WHERE c.contype = 'f' AND n.nspname = current_schema() AND cardinality(c.conkey) = 1`;
  const uniques = await prisma.$queryRaw<{ table: string; columns: string[] }[]>`
    SELECT t.relname AS table, array_agg(a.attname::text ORDER BY k.n) AS columns
    FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    WHERE i.indisunique AND NOT i.indisprimary AND i.indexprs IS NULL AND n.nspname = current_schema()
    GROUP BY t.relname, ic.relname ORDER BY t.relname, ic.relname`;

  const references = new Map<string, Record<string, string>>(tables.map((t) => [t, { ...REFERENCES_WITHOUT_FOREIGN_KEY[t] }]));
  for (const fk of foreignKeys) references.get(fk.table)![fk.column] = fk.target;
  const keyColumns = new Map<string, string[]>();
  for (const u of uniques) if (!keyColumns.has(u.table)) keyColumns.set(u.table, u.columns);

  // Referenced tables first, so that their keys are known when their referrers are read.
  const ordered: string[] = [];
  const visit = (table: string, path: string[] = []) => {
    if (ordered.includes(table) || path.includes(table)) return;
    for (const target of Object.values(references.get(table) ?? {})) if (target !== table) visit(target, [...path, table]);
    ordered.push(table);
  };
  for (const t of tables) visit(t);

  const keys = new Map<string, Map<unknown, string>>();
  const contents: Record<string, string[]> = {};
  for (const table of ordered) {
    const rows = (await prisma.$queryRawUnsafe<{ row: Row }[]>(`SELECT to_jsonb(t) AS row FROM "${table}" t`)).map((r) => r.row);
    const refs = references.get(table)!;
    const leftOut = new Set([...ALWAYS_LEFT_OUT, ...writeTimes.filter((w) => w.table === table).map((w) => w.column)]);
    const ids = new Map<unknown, string>();
    const described = rows.map((row) => {
      const out: Row = {};
      for (const [column, value] of Object.entries(row).sort(([a], [b]) => a.localeCompare(b))) {
        if (leftOut.has(column)) continue;
        out[column] = refs[column] && value !== null ? (keys.get(refs[column])?.get(value) ?? `missing ${refs[column]} ${value}`) : value;
      }
      const text = JSON.stringify(out);
      const key = keyColumns.get(table);
      if ("id" in row) ids.set(row.id, key ? JSON.stringify(key.map((c) => out[c])) : text);
      return text;
    });
    keys.set(table, ids);
    contents[table] = described.sort();
  }
  return contents;
}
