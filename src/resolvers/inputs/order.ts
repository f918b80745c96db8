import { registerEnumType } from "type-graphql";

export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(OrderDirection, {
  name: "OrderDirection",
  description: "Sort direction.",
  valuesConfig: { ASC: { description: "Smallest, earliest or A first." }, DESC: { description: "Largest, latest or Z first." } },
});

export enum ArticleOrderField {
  PUBLISHED_AT = "PUBLISHED_AT",
  INGESTED_AT = "INGESTED_AT",
  TITLE = "TITLE",
  RELEVANCE = "RELEVANCE",
}
registerEnumType(ArticleOrderField, {
  name: "ArticleOrderField",
  description: "What to sort articles by.",
  valuesConfig: {
    PUBLISHED_AT: { description: "Publication time; articles without one come last." },
    INGESTED_AT: { description: "When the article was first ingested." },
    TITLE: { description: "Headline, case-insensitively." },
    RELEVANCE: { description: "Search relevance; needs filter.search." },
  },
});

export enum QuoteOrderField {
  PUBLISHED_AT = "PUBLISHED_AT",
  RELEVANCE = "RELEVANCE",
  CONFIDENCE = "CONFIDENCE",
}
registerEnumType(QuoteOrderField, {
  name: "QuoteOrderField",
  description: "What to sort quotes by.",
  valuesConfig: {
    PUBLISHED_AT: { description: "Publication time of the quote's article, then order within it." },
    RELEVANCE: { description: "Search relevance; needs filter.search." },
    CONFIDENCE: { description: "How sure the extractor is of the speaker." },
  },
});

export enum PersonOrderField {
  NAME = "NAME",
  ARTICLE_COUNT = "ARTICLE_COUNT",
  QUOTE_COUNT = "QUOTE_COUNT",
}
registerEnumType(PersonOrderField, {
  name: "PersonOrderField",
  description: "What to sort persons by.",
  valuesConfig: {
    NAME: { description: "Canonical name, case-insensitively." },
    ARTICLE_COUNT: { description: "How many articles mention the person." },
    QUOTE_COUNT: { description: "How many quotes the person is the speaker of." },
  },
});

export enum VenueOrderField {
  NAME = "NAME",
  ARTICLE_COUNT = "ARTICLE_COUNT",
}
registerEnumType(VenueOrderField, {
  name: "VenueOrderField",
  description: "What to sort venues by.",
  valuesConfig: {
    NAME: { description: "Canonical name, case-insensitively." },
    ARTICLE_COUNT: { description: "How many articles name the venue." },
  },
});
