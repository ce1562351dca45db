package com.wallet.gateway.wallet.application;

/** The stable codes of synchronous rejections (contract section 5), each in one classification. */
public enum RejectionCode {
    INVALID_AMOUNT(Category.BAD_REQUEST),
    SAME_WALLET(Category.BAD_REQUEST),
    CURRENCY_MISMATCH(Category.BAD_REQUEST),
    WALLET_INACTIVE(Category.BAD_REQUEST),
    IDEMPOTENCY_KEY_REUSED(Category.BAD_REQUEST),
    INVALID_ARGUMENT(Category.BAD_REQUEST),
    RATE_LIMITED(Category.BAD_REQUEST),
    LIMIT_EXCEEDED(Category.BAD_REQUEST),
    NOT_FOUND(Category.NOT_FOUND),
    FORBIDDEN(Category.FORBIDDEN),
    UNAUTHORIZED(Category.UNAUTHORIZED),
    /** A dependency (Redis) cannot be reached: nothing was accepted; ask again later. */
    UNAVAILABLE(Category.INTERNAL_ERROR);

    /** Mirrors the GraphQL error classifications without tying the application to GraphQL types. */
    public enum Category { BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, INTERNAL_ERROR }

    private final Category category;

    RejectionCode(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }
}
