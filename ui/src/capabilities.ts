import { api } from './api.js';

type Schema = { $ref?: string; properties?: Record<string, unknown>; required?: string[] };
type Operation = {
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
type Document = {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

/** How to call one optional route: whether it takes the scope in its query or its body. */
export interface RouteShape {
  readonly scopeIn: 'query' | 'body' | 'none';
  /** Body properties the route declares (for the merge route: which one names the other id). */
  readonly bodyFields: readonly string[];
}

/** Which correction routes this server has (the lifecycle routes may not be there). */
export interface Capabilities {
  readonly renameEntity?: RouteShape;
  readonly mergeEntity?: RouteShape;
  readonly deleteEntity?: RouteShape;
  readonly deleteMemory?: RouteShape;
  readonly forgetUser?: RouteShape;
}

let loaded: Promise<Capabilities> | undefined;

/** The server's correction routes, read once from its OpenAPI document (/docs/json). */
export function capabilities(): Promise<Capabilities> {
  loaded ??= api<Document>('/docs/json').then(fromDocument, () => ({}));
  return loaded;
}

function fromDocument(document: Document): Capabilities {
  const shape = (path: string, method: string) => {
    const operation = document.paths?.[path]?.[method];
    return operation ? shapeOf(operation, document) : undefined;
  };
  const found: Record<string, RouteShape | undefined> = {
    renameEntity: shape('/entities/{id}', 'patch'),
    mergeEntity: shape('/entities/{id}/merge', 'post'),
    deleteEntity: shape('/entities/{id}', 'delete'),
    deleteMemory: shape('/memories/{id}', 'delete'),
    forgetUser: shape('/users/{user_id}', 'delete'),
  };
  return Object.fromEntries(Object.entries(found).filter(([, value]) => value)) as Capabilities;
}

function shapeOf(operation: Operation, document: Document): RouteShape {
  const inQuery = (operation.parameters ?? []).some(
    (parameter) => parameter.in === 'query' && parameter.name === 'user_id',
  );
  let schema = operation.requestBody?.content?.['application/json']?.schema;
  const ref = schema?.$ref?.split('/').pop();
  if (ref) schema = document.components?.schemas?.[ref];
  const bodyFields = Object.keys(schema?.properties ?? {});
  const inBody = bodyFields.includes('user_id');
  return { scopeIn: inQuery ? 'query' : inBody ? 'body' : 'none', bodyFields };
}

/** The body field of the merge route that names the entity to fold in. */
export function mergeField(shape: RouteShape): string {
  return (
    shape.bodyFields.find(
      (field) => field !== 'user_id' && field !== 'agent_id' && /id/.test(field),
    ) ?? 'entity_id'
  );
}
