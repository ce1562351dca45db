package com.wallet.stripeemulator;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class StripeErrorHandler {

    @ExceptionHandler(StripeException.class)
    ResponseEntity<Map<String, Object>> stripeError(StripeException e) {
        return ResponseEntity.status(e.status()).body(e.body());
    }
}
