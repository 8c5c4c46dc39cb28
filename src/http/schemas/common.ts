import { Type } from 'typebox';

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
  400: ErrorBody,
  404: ErrorBody,
  413: ErrorBody,
  503: ErrorBody,
};
