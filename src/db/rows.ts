// The schema's row types and the SQL fragment type, for the layers above the data-access
// layer: only src/db imports the generated Prisma client (.dependency-cruiser.cjs).
import type { Prisma } from "../generated/prisma/client.js";

export type { Person as PersonRow, Venue as VenueRow } from "../generated/prisma/client.js";

/** A piece of SQL with its parameters, as the page queries take it. */
export type Sql = Prisma.Sql;
