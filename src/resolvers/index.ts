import { IngestResolver } from "./IngestResolver.js";
import { PersonEditResolver } from "./PersonEditResolver.js";
import { AnalyticsResolver } from "./AnalyticsResolver.js";
import { ArticleResolver } from "./ArticleResolver.js";
import { CommentResolver } from "./CommentResolver.js";
import { PersonMentionResolver, VenueMentionResolver } from "./MentionResolvers.js";
import { NodeResolver } from "./NodeResolver.js";
import { OrganizationFieldsResolver, OrganizationResolver, QuoteOrganizationResolver } from "./OrganizationResolver.js";
import { PersonResolver } from "./PersonResolver.js";
import { QuoteGenderResolver } from "./QuoteGenderResolver.js";
import { QuoteResolver } from "./QuoteResolver.js";
import { VenueResolver } from "./VenueResolver.js";

export const resolvers = [
  ArticleResolver, PersonResolver, QuoteResolver, VenueResolver, CommentResolver, PersonMentionResolver,
  VenueMentionResolver, NodeResolver, AnalyticsResolver, QuoteGenderResolver, IngestResolver, PersonEditResolver,
  OrganizationResolver, OrganizationFieldsResolver, QuoteOrganizationResolver,
] as const;
