package com.wallet.common.web;

import com.wallet.common.observability.RequestId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Takes the client's {@code X-Request-Id} (or makes one), answers it in the response header, and
 * keeps it in the MDC while the request is handled. Registered first, so refusals carry it too.
 */
public class RequestIdFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String requestId = RequestId.orNew(request.getHeader(RequestId.HEADER));
        response.setHeader(RequestId.HEADER, requestId);
        try (RequestId.Scope ignored = RequestId.open(requestId)) {
            chain.doFilter(request, response);
        }
    }
}
