/** The OpenAPI description: what scopes are, how auth works, what errors look like. */
export const API_DESCRIPTION = `Long-term memory for LLM applications: memories, the entities and relationships extracted from them, and hybrid search over both. The dashboard is at [/ui](/ui/).

**Scopes.** Every memory, entity and relationship belongs to one scope: a \`user_id\`, an \`agent_id\`, both, or neither. Reads and searches see only the scope they name (an absent id means "not set", not "any"), and one scope's entities are never merged with another's. \`session_id\` narrows a scope's memories further but does not own entities. \`GET /scopes\` lists the scopes that hold memory.

**Auth.** When the server requires API keys, send \`Authorization: Bearer <key>\` on every request; without a valid key the answer is 401 \`{"code": "unauthorized"}\`. A server on loopback with no keys configured is open.

**Errors.** Every error is JSON \`{"code", "message"}\` with a stable code: \`invalid_input\` (400), \`unauthorized\` (401), \`not_found\` (404), \`conflict\` (409), \`payload_too_large\` (413), \`upstream_unavailable\` (503). Bad input is always a 4xx, never a 5xx; messages name ids, never memory text.`;

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="150" height="36" viewBox="0 0 150 36"><g fill="none" stroke="#2ec4b6" stroke-width="2.5"><circle cx="9" cy="18" r="5"/><circle cx="27" cy="8" r="4"/><circle cx="27" cy="28" r="4"/><path d="M13 15.5l10.5-5.5M13 20.5l10.5 5.5M27 12v12"/></g><text x="40" y="25" font-family="system-ui,sans-serif" font-size="22" font-weight="700" fill="#f4f1ea">engram</text></svg>`;

const CSS = `.swagger-ui .topbar{background:#14213d;padding:6px 0}
.swagger-ui .topbar .download-url-wrapper .select-label select{border-color:#2ec4b6}
.swagger-ui .info .title{color:#14213d}
.swagger-ui .info a{color:#1f7a70}
.swagger-ui .opblock-tag{color:#14213d}`;

/** Engram's look for the Swagger UI at /docs (title, logo, colours) instead of the stock one. */
export const DOCS_THEME = {
  theme: {
    title: 'Engram API',
    css: [{ filename: 'engram.css', content: CSS }],
  },
  logo: { type: 'image/svg+xml', content: LOGO, href: '/ui/', target: '_self' as const },
};
