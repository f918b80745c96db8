import { ObjectType } from "type-graphql";
import { ConnectionType, EdgeType } from "./connection.js";
import { Venue } from "./Venue.js";

@ObjectType({ simpleResolvers: true, description: "A venue in a list." })
export class VenueEdge extends EdgeType(Venue) {}

@ObjectType({ simpleResolvers: true, description: "A page of venues." })
export class VenueConnection extends ConnectionType(Venue, VenueEdge) {}
