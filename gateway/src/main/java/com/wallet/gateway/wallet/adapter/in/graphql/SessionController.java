package com.wallet.gateway.wallet.adapter.in.graphql;

import com.wallet.gateway.wallet.application.Caller;
import com.wallet.gateway.wallet.application.SessionService;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class SessionController {

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @MutationMapping
    boolean logout(@AuthenticationPrincipal Caller caller) {
        return sessions.logout(caller);
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    boolean revokeUserTokens(@AuthenticationPrincipal Caller caller, @Argument String userId) {
        return sessions.revokeUserTokens(caller, userId);
    }
}
