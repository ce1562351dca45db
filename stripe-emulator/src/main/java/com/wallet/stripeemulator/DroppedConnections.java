package com.wallet.stripeemulator;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import java.lang.reflect.Field;
import org.apache.catalina.connector.Response;
import org.apache.catalina.connector.ResponseFacade;
import org.apache.coyote.ActionCode;

/**
 * Closes the client's connection before a status line is sent, the way a crashed proxy would.
 * The Servlet API has no such call, so this reaches Tomcat's own response behind its facade.
 */
final class DroppedConnections {

    private DroppedConnections() {
    }

    static void drop(ServletResponse response) {
        ServletResponse raw = response;
        while (raw instanceof ServletResponseWrapper wrapper) {
            raw = wrapper.getResponse();
        }
        try {
            Field field = ResponseFacade.class.getDeclaredField("response");
            field.setAccessible(true);
            ((Response) field.get(raw)).getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot drop the connection on this server", e);
        }
    }
}
