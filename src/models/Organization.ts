import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { ConnectionType, EdgeType } from "./connection.js";
import { Node } from "./Node.js";

/** The values match the database enum "OrganizationKind", so rows need no mapping. */
export enum OrganizationKind {
  COMPANY = "COMPANY",
  GOVERNMENT = "GOVERNMENT",
  PARTY = "PARTY",
  NEWS_OUTLET = "NEWS_OUTLET",
  EDUCATION = "EDUCATION",
  NGO = "NGO",
  TEAM = "TEAM",
}

registerEnumType(OrganizationKind, {
  name: "OrganizationKind",
  description: "What an organisation is, given only where its own name says so plainly; otherwise Organization.kind is null.",
  valuesConfig: {
    COMPANY: { description: 'A business: "… Inc", "… Corp", "… Company", "… Holdings".' },
    GOVERNMENT: { description: 'A government body: "Ministry of …", "… Department", "… Agency", a parliament, a court, the police.' },
    PARTY: { description: 'A political party: "… Party".' },
    NEWS_OUTLET: { description: "A newspaper, broadcaster or agency: a known outlet, or \"… News\", \"… Times\", \"… Post\"." },
    EDUCATION: { description: 'A university, college or school.' },
    NGO: { description: 'A foundation, charity or watchdog: "… Foundation", "… Watch".' },
    TEAM: { description: 'A sports club: "… FC".' },
  },
});

@ObjectType({ simpleResolvers: true, implements: Node, description: "An organisation named in articles: a company, party, government body, news outlet, team, university, charity … Never a person: the extractor keeps the two apart. An organisation may speak: see Quote.speakerOrganization." })
export class Organization extends Node {
  dbId!: number;

  @Field(() => String, { description: 'Canonical name: the fullest form an article gave, e.g. "European Union".' })
  name!: string;

  @Field(() => [String], { description: 'Every form articles call it by, e.g. "European Union", "EU", "E.U.".' })
  aliases!: string[];

  @Field(() => OrganizationKind, { nullable: true, description: "What kind of organisation, where its name says so plainly; null otherwise." })
  kind!: OrganizationKind | null;

  @Field(() => Int, { description: "How many articles name it." })
  articleCount!: number;

  @Field(() => Int, { description: "How many times the articles name it, in all." })
  mentionCount!: number;
}

@ObjectType({ simpleResolvers: true, description: "An organisation in a list." })
export class OrganizationEdge extends EdgeType(Organization) {}

@ObjectType({ simpleResolvers: true, description: "A page of organisations." })
export class OrganizationConnection extends ConnectionType(Organization, OrganizationEdge) {}

@ObjectType({ simpleResolvers: true, description: "An organisation with how often a set of articles names it." })
export class OrganizationCount {
  @Field(() => Organization, { description: "The organisation." })
  organization!: Organization;

  @Field(() => Int, { description: "How many of the articles name it." })
  articleCount!: number;

  @Field(() => Int, { description: "How many times the articles name it, in all." })
  mentionCount!: number;
}
