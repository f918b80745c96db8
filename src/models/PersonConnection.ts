import { ObjectType } from "type-graphql";
import { ConnectionType, EdgeType } from "./connection.js";
import { Person } from "./Person.js";

@ObjectType({ simpleResolvers: true, description: "A person in a list." })
export class PersonEdge extends EdgeType(Person) {}

@ObjectType({ simpleResolvers: true, description: "A page of persons." })
export class PersonConnection extends ConnectionType(Person, PersonEdge) {}
