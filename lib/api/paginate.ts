// Keyset pagination for every list: newest first by id (ids are time-sortable), one row more
// than asked for to know whether another page follows, and the last id of a page as the cursor.
// No OFFSET: a page deep in a big table costs the same as the first one.

export interface PageRequest {
  limit: number;
  cursor?: string;
}

export interface Page<Item> {
  data: Item[];
  nextCursor: string | null;
}

/** Prisma arguments for one page: sort and size. Combine with `keysetFilter` in `where`. */
export function pageArgs(page: PageRequest) {
  return { orderBy: { id: "desc" as const }, take: page.limit + 1 };
}

/**
 * The id condition of a page: below the cursor, and within an optional id range (`from`/`to`
 * filters turned into ids with idFloorAt). Both upper bounds are exclusive, so the smaller wins.
 */
export function keysetFilter(
  cursor: string | undefined,
  range: { gte?: string; lt?: string } = {},
): { lt?: string; gte?: string } | undefined {
  const upper = [cursor, range.lt].filter((bound): bound is string => bound !== undefined).sort()[0];
  const filter = {
    ...(upper === undefined ? {} : { lt: upper }),
    ...(range.gte === undefined ? {} : { gte: range.gte }),
  };
  return Object.keys(filter).length ? filter : undefined;
}

/** Cuts the extra row off and turns the rest into a page; `view` maps rows to their public shape. */
export function toPage<Row, Item>(
  rows: Row[],
  page: PageRequest,
  keyOf: (row: Row) => string,
  view: (row: Row) => Item,
): Page<Item> {
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  return { data: shown.map(view), nextCursor: more ? keyOf(shown[shown.length - 1]!) : null };
}
