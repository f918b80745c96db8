// Organisations in the API: the list, one by ID, the most named, their articles and quotes;
// and, on other types, Article.organizations and Quote.speakerOrganization (kept here, beside
// the organisation's own fields, with the loaders that batch them: one statement per level).
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import { articleRowOf } from "../db/queries/by-key.js";
import { fetchPage } from "../db/queries/page-query.js";
import { articlesOfOrganizations, organizationListQuery, topOrganizations } from "../db/queries/organizations.js";
import { Article } from "../models/Article.js";
import { ArticleConnection, ArticleEdge } from "../models/ArticleConnection.js";
import { articleFromRow } from "../db/objects.js";
import { Organization, OrganizationConnection, OrganizationCount, OrganizationEdge } from "../models/Organization.js";
import { Quote } from "../models/Quote.js";
import { dbIdOf } from "./args.js";
import { ownNodes, pageOfParent, searchFields, toConnection, withLoaded } from "./connections.js";
import type { Context } from "./context.js";
import { ArticleFilter, articleFilterValues } from "./inputs/ArticleFilter.js";
import { ArticleOrder } from "./inputs/orders.js";
import { OrganizationFilter, OrganizationOrder } from "./inputs/OrganizationInputs.js";
import { cappedSize, sizeArg } from "./list-caps.js";
import { articleColumnsRead, connectionNodes, Selection } from "./lookahead.js";
import { ConnectionArgs, pageWindow } from "./pagination.js";
import { present } from "./present.js";

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => OrganizationConnection, { description: "Organisations (companies, parties, government bodies, outlets …) as a Relay connection, by name unless ordered otherwise, with filters and the total count." })
  async organizations(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("filter", () => OrganizationFilter, { nullable: true, description: "Only organisations that match, e.g. { name: \"union\" }." }) filter: OrganizationFilter | null,
    @Arg("orderBy", () => OrganizationOrder, { nullable: true, description: "Sort order; by name by default." }) orderBy: OrganizationOrder | null,
    @Ctx() { db, loaders }: Context,
  ): Promise<OrganizationConnection> {
    const page = await fetchPage(db, organizationListQuery({ ...filter }, orderBy ?? undefined), pageWindow(args));
    return toConnection(OrganizationConnection, OrganizationEdge, page, (ids) => loaders.organization.loadMany(ids));
  }

  @Query(() => Organization, { nullable: true, description: "One organisation by ID." })
  organization(@Arg("id", () => ID, { description: "Its global ID." }) id: string, @Ctx() { loaders }: Context): Promise<Organization | null> {
    return loaders.organization.load(dbIdOf(id, "Organization"));
  }

  @Query(() => [OrganizationCount], { description: "Organisations named in the most matching articles." })
  async topOrganizations(
    @Arg("filter", () => ArticleFilter, { nullable: true, description: "Which articles count, e.g. a date range." }) filter: ArticleFilter | null,
    @Arg("first", () => Int, sizeArg("Query.topOrganizations")) first: number,
    @Ctx() { db, loaders }: Context,
  ): Promise<OrganizationCount[]> {
    const rows = await topOrganizations(db, articleFilterValues(filter), cappedSize("Query.topOrganizations", first));
    return withLoaded(rows, await loaders.organization.loadMany(rows.map((r) => r.id)), (row, organization: Organization) => ({ ...row, organization }));
  }

  @FieldResolver(() => [Article], { description: "Articles that name the organisation, newest first." })
  async articles(
    @Root() organization: Organization,
    @Arg("first", () => Int, sizeArg("Organization.articles")) first: number,
    @Ctx() { loaders }: Context,
  ): Promise<Article[]> {
    const mentions = await loaders.articleIdsByOrganization(cappedSize("Organization.articles", first)).load(organization.dbId);
    return present(await loaders.article.loadMany(mentions.map((m) => m.articleId)));
  }

  @FieldResolver(() => ArticleConnection, { description: "Articles that name the organisation, as a connection with filters and order." })
  async articlesConnection(
    @Root() organization: Organization,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("filter", () => ArticleFilter, { nullable: true, description: "Only articles that match." }) filter: ArticleFilter | null,
    @Arg("orderBy", () => ArticleOrder, { nullable: true, description: "Sort order; newest first by default." }) orderBy: ArticleOrder | null,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ArticleConnection> {
    const window = pageWindow(args);
    const values = articleFilterValues(filter);
    const columns = articleColumnsRead(connectionNodes(Selection.of(info), "ArticleConnection", "ArticleEdge"));
    const query = articlesOfOrganizations(values, orderBy ?? undefined, columns);
    const page = await pageOfParent(context, "Organization.articlesConnection", [values, orderBy, columns], query, window, organization.dbId);
    return toConnection(ArticleConnection, ArticleEdge, page, ownNodes(page, (row) => articleFromRow(articleRowOf(row))), searchFields);
  }

  @FieldResolver(() => [Quote], { description: "Quotes in which the organisation itself speaks (\"the company said\"), newest article first. A quote has a person speaker or an organisation speaker, never both." })
  quotes(
    @Root() organization: Organization,
    @Arg("first", () => Int, sizeArg("Organization.quotes")) first: number,
    @Ctx() { loaders }: Context,
  ): Promise<Quote[]> {
    return loaders.quotesBySpeakerOrganization(cappedSize("Organization.quotes", first)).load(organization.dbId);
  }
}

@Resolver(() => Article)
export class OrganizationFieldsResolver {
  @FieldResolver(() => [Organization], { description: "Organisations the article names (companies, parties, government bodies, outlets …), most mentioned first. Never the same names as Article.persons." })
  organizations(
    @Root() article: Article,
    @Arg("first", () => Int, sizeArg("Article.organizations")) first: number,
    @Ctx() { loaders }: Context,
  ): Promise<Organization[]> {
    return loaders.organizationsByArticle(cappedSize("Article.organizations", first)).load(article.dbId).then((found) => found.map((m) => m.organization));
  }
}

@Resolver(() => Quote)
export class QuoteOrganizationResolver {
  @FieldResolver(() => Organization, { nullable: true, description: "The organisation speaking, when the quote is attributed to one rather than to a person (\"the utility said\", \"Acme said in a statement\"). A quote has a person speaker (Quote.speaker) or an organisation speaker, never both: at most one of the two is non-null." })
  speakerOrganization(@Root() quote: Quote, @Ctx() { loaders }: Context): Promise<Organization | null> | null {
    return quote.speakerOrganizationId == null ? null : loaders.organization.load(quote.speakerOrganizationId);
  }
}
