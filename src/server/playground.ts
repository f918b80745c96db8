// GraphQL Playground, served entirely from this project: no CDN is needed or reachable. The
// prebuilt bundle is vendored in playground-assets/ so that installing the server does not
// install the React 16 tree it was built from.
import path from "node:path";
import express, { type Router } from "express";
import { renderPlaygroundPage } from "graphql-playground-html";
import { PROJECT_ROOT } from "../project-root.js";

const ASSET_ROOT = "/playground-assets";
// Looked up from the project folder, so the compiled server in dist/ finds the same files.
const ASSET_DIR = path.join(PROJECT_ROOT, "src/server/playground-assets");

export function playgroundRouter(endpoint: string): Router {
  const router = express.Router();
  router.use(`${ASSET_ROOT}/graphql-playground-react/build`, express.static(path.join(ASSET_DIR, "build"), { maxAge: "1d", index: false }));
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
