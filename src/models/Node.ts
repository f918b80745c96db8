import { Field, ID, InterfaceType } from "type-graphql";

/** Relay's Node interface: every object has a globally unique, opaque ID. */
@InterfaceType("Node", { description: "An object with a globally unique ID, refetchable with `node(id:)`." })
export abstract class Node {
  @Field(() => ID, { description: "Globally unique, opaque ID." })
  id!: string;
}
