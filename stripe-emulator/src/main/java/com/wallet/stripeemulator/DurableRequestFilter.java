package com.wallet.stripeemulator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Every {@code /_emulator} request that may change state (any method but GET, HEAD, OPTIONS) is one
 * {@link EmulatorState#change}, its answer held back until the change is in the state file.
 * ({@code /v1} requests get the same from {@link StripeApiFilter}, inside its faults and idempotency.)
 */
class DurableRequestFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final EmulatorState state;

    DurableRequestFilter(EmulatorState state) {
        this.state = state;
    }

    static boolean changes(HttpServletRequest request) {
        return !READS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!changes(request)) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        asChange(state, () -> chain.doFilter(request, held));
        held.copyBodyToResponse();
    }

    /** A filter chain's work as one change, with the filter chain's exceptions. */
    static void asChange(EmulatorState state, EmulatorState.Work<Exception> work) throws IOException, ServletException {
        try {
            state.change(work);
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e); // nothing else is thrown by a filter chain
        }
    }
}
