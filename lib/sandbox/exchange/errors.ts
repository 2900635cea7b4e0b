/**
 * The exchange's typed refusal. The server prints `{"errors": {field: [code]}}` when `field` is set,
 * `{"message": message}` otherwise, with `status` as the HTTP status.
 * @module
 */

/**
 * A field/code error (`{"errors":{"quantity":["less_than_order_size"]}}`).
 * @group Exchange
 */
export interface FieldErrorDetail {
  /** HTTP status of the answer. */
  readonly status: 400 | 404 | 422;
  /** The field the error is listed under. */
  readonly field: string;
  /** The error code or text listed under the field. */
  readonly code: string;
}

/**
 * A message error (`{"message":"Order not found"}`).
 * @group Exchange
 */
export interface MessageErrorDetail {
  /** HTTP status of the answer. */
  readonly status: 400 | 404 | 422;
  /** The message text. */
  readonly message: string;
}

/**
 * A refusal by the {@link Exchange}: the HTTP status and either a field/code pair or a message.
 * @group Exchange
 * @hideconstructor
 */
export class ExchangeError extends Error {
  /** HTTP status the server answers with. */
  readonly status: 400 | 404 | 422;
  /** Set for the `errors` body shape; undefined for the `message` shape. */
  readonly field: string | undefined;
  /** Set with `field`: the error code or text listed under the field. */
  readonly code: string | undefined;

  constructor(detail: FieldErrorDetail | MessageErrorDetail) {
    const text = 'field' in detail ? `${detail.field}: ${detail.code}` : detail.message;
    super(text);
    this.name = 'ExchangeError';
    this.status = detail.status;
    this.field = 'field' in detail ? detail.field : undefined;
    this.code = 'field' in detail ? detail.code : undefined;
  }

  /** 422 `{"errors":{field:[code]}}`: business validation (quoine-api.md §4.1, §9.4). */
  static invalid(field: string, code: string): ExchangeError {
    return new ExchangeError({ status: 422, field, code });
  }

  /** 404 `{"message": message}`. */
  static notFound(message: string): ExchangeError {
    return new ExchangeError({ status: 404, message });
  }

  /** 400 `{"message": message}` (e.g. `missing parameters`). */
  static badRequest(message: string): ExchangeError {
    return new ExchangeError({ status: 400, message });
  }

  /** 422 `{"message": message}` (e.g. `Can not update non-live order`). */
  static unprocessable(message: string): ExchangeError {
    return new ExchangeError({ status: 422, message });
  }
}

/** The error texts and codes the exchange uses (quoine-api.md §4.2), in one place. */
export const ErrorText = {
  orderNotFound: 'Order not found',
  nonLiveOrder: 'Can not update non-live order',
  partiallyFilled: 'Can not update partially filled order',
  missingParameters: 'missing parameters',
  notEnoughFreeBalance: 'not_enough_free_balance',
  lessThanOrderSize: 'less_than_order_size',
  mustBePositive: 'must_be_positive',
  priceTooHigh: 'price_too_high',
  priceTooSmall: 'price_too_small',
  productDisabled: 'product_disabled',
  // Sandbox choices (the reference records no code for these): see parse.ts and order-validation.ts.
  tooLong: 'too_long',
  invalidPrecision: 'invalid_precision',
  invalidTickSize: 'invalid_tick_size',
} as const;
