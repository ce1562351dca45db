package com.wallet.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** GraphiQL works on a machine without internet access: the page and everything it loads come from the gateway. */
class GraphiqlIT extends GatewayITBase {

    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesGraphiqlAndEveryAssetItLoadsFromTheGatewayItself() throws Exception {
        HttpResponse<String> page = get("/graphiql");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).doesNotContain("esm.sh", "unpkg", "jsdelivr", "https://");
        List<String> references = new ArrayList<>();
        Matcher m = REFERENCE.matcher(page.body());
        while (m.find()) {
            references.add(m.group(1));
        }
        assertThat(references).hasSize(4).allSatisfy(ref -> assertThat(ref).startsWith("/graphiql/assets/"));
        for (String ref : references) {
            HttpResponse<String> asset = get(ref);
            assertThat(asset.statusCode()).as(ref).isEqualTo(200);
            assertThat(asset.body()).as(ref).hasSizeGreaterThan(1_000);
        }
    }

    @Test
    void servesNoOtherFileOfTheWebjars() throws Exception {
        assertThat(get("/webjars/react/18.3.1/umd/react.production.min.js").statusCode()).isEqualTo(404);
        assertThat(get("/graphiql/assets/../application.yml").statusCode()).isIn(400, 404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
