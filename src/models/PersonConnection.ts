import { ObjectType } from "type-graphql";
import { ConnectionType, EdgeType } from "./connection.js";
import { Person } from "./Person.js";

@ObjectType({ description: "A person in a list." })
export class PersonEdge extends EdgeType(Person) {}

@ObjectType({ description: "A page of persons." })
export class PersonConnection extends ConnectionType(Person, PersonEdge) {}
