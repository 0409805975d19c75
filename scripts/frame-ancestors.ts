/**
 * The dev server's pages may be framed only by its own pages: `embed.html` is framed by the iframe demo and
 * by nothing else. `frame-ancestors` works only as a response header (browsers ignore it in a `<meta>`),
 * which is why it is set here and not in the pages; it is what a site serving `embed.html` should do too.
 */
import type { Connect, Plugin } from 'vite';

export const DEV_FRAME_ANCESTORS = "frame-ancestors 'self'";

const setPolicy: Connect.NextHandleFunction = (_req, res, next) => {
  res.setHeader('Content-Security-Policy', DEV_FRAME_ANCESTORS);
  next();
};

export function frameAncestors(): Plugin {
  return {
    name: 'captivate-frame-ancestors',
    configureServer(server) {
      server.middlewares.use(setPolicy);
    },
    configurePreviewServer(server) {
      server.middlewares.use(setPolicy);
    },
  };
}
