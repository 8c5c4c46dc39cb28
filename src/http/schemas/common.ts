import { type Static, type TSchema, Type } from 'typebox';

/** A reference to a named schema (one with an `$id`, registered with `app.addSchema`), typed as it. */
export function ref<Schema extends TSchema>(schema: Schema) {
  const id = (schema as { $id?: unknown }).$id;
  if (typeof id !== 'string') throw new Error('ref() needs a schema with an $id');
  return Type.Unsafe<Static<Schema>>(Type.Ref(id));
}

/** The error body of every 4xx/5xx response. */
export const ErrorBody = Type.Object(
  {
    code: Type.String({ examples: ['not_found'] }),
    message: Type.String({ examples: ['memory 1b4e… not found'] }),
  },
  { $id: 'ErrorBody' },
);

/** Standard error responses to add to a route schema. */
export const errorResponses = {
  400: ref(ErrorBody),
  404: ref(ErrorBody),
  413: ref(ErrorBody),
  503: ref(ErrorBody),
};
