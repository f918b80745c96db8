// GraphQL Playground, served entirely from node_modules: no CDN is needed or reachable.
import { createRequire } from "node:module";
import path from "node:path";
import express, { type Router } from "express";
import { renderPlaygroundPage } from "graphql-playground-html";

const ASSET_ROOT = "/playground-assets";

export function playgroundRouter(endpoint: string): Router {
  const require = createRequire(import.meta.url);
  const reactBuild = path.join(path.dirname(require.resolve("graphql-playground-react/package.json")), "build");
  const router = express.Router();
  router.use(`${ASSET_ROOT}/graphql-playground-react/build`, express.static(reactBuild, { maxAge: "1d", index: false }));
  const html = renderPlaygroundPage({
    endpoint,
    subscriptionEndpoint: endpoint,
    cdnUrl: ASSET_ROOT,
    faviconUrl: `${ASSET_ROOT}/graphql-playground-react/build/favicon.png`,
    title: "newsgraph Playground",
    settings: { "request.credentials": "same-origin", "editor.theme": "light" } as never,
    tabs: [{ endpoint, query: FIRST_QUERY }],
  });
  // The page links web fonts from a CDN; drop that link and use local fonts instead.
  const localHtml = html.replace(/<link[^>]+fonts\.googleapis\.com[^>]*>/g, "");
  router.get(["/", "/playground"], (_req, res) => {
    res.type("html").send(localHtml);
  });
  return router;
}

export const FIRST_QUERY = `# Welcome to newsgraph. Press the play button to run this query.
{
  articles(first: 5) {
    title
    publishedAt
    source
    quotes {
      text
      speaker { name roles }
    }
    venues { name kind latitude longitude }
  }
}
`;
