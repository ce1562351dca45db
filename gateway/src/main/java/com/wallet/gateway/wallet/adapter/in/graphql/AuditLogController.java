package com.wallet.gateway.wallet.adapter.in.graphql;

import com.wallet.gateway.wallet.application.AuditEntry;
import com.wallet.gateway.wallet.application.AuditQueries;
import com.wallet.gateway.wallet.application.Caller;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class AuditLogController {

    private final AuditQueries audit;

    AuditLogController(AuditQueries audit) {
        this.audit = audit;
    }

    @QueryMapping
    @PreAuthorize("hasRole('ADMIN')")
    List<AuditEntry> auditLog(@AuthenticationPrincipal Caller caller, @Argument String walletId,
                              @Argument Integer limit, @Argument Integer offset) {
        return audit.list(caller, walletId, limit, offset);
    }
}
