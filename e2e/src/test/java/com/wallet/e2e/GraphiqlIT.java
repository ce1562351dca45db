package com.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphiQL as a person uses it, in a real (headless) Chromium on a machine without internet
 * access: the page loads, the token goes into its Headers pane, queries run from its editor and
 * the answer shows in its result pane. On failure the page is saved as target/graphiql-failure.png.
 */
class GraphiqlIT {

    private static final String GRAPHIQL = System.getProperty("wallet.gateway", "http://127.0.0.1:8080") + "/graphiql";
    private static final Path FAILURE_SCREENSHOT = Path.of("target", "graphiql-failure.png");
    /** The picture for the README, token replaced (docs/graphiql.png is a copy of one). */
    private static final Path SCREENSHOT = Path.of("target", "graphiql.png");

    private final WalletApi api = new WalletApi();
    private final JsonMapper json = JsonMapper.builder().build();
    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Chromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void runsMyWalletsAndATransferFromTheGraphiqlPage() {
        String token = api.token("graphiql-" + UUID.randomUUID(), false);
        String from = api.createWallet(token, "USD");
        String to = api.createWallet(token, "USD");
        api.fund(token, from, 5_000);
        try {
            browser.get(GRAPHIQL);
            await("GraphiQL renders its editors (its scripts came from the gateway)")
                    .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !browser.findElements(By.cssSelector(".graphiql-query-editor .CodeMirror")).isEmpty());
            browser.findElement(By.xpath("//button[normalize-space()='Headers']")).click();
            setEditor(".graphiql-editor-tool .graphiql-editor:not(.hidden)",
                    "{\"Authorization\": \"Bearer " + token + "\"}");
            assertThat(json.readTree(editorValue(".graphiql-editor-tool .graphiql-editor:not(.hidden)"))
                    .path("Authorization").asString()).isEqualTo("Bearer " + token);

            JsonNode wallets = run("query MyWallets {\n  myWallets { id balance currency isActive }\n}\n")
                    .path("data").path("myWallets");
            assertThat(wallets.findValuesAsString("id")).containsExactlyInAnyOrder(from, to);
            assertThat(wallets.findValues("balance")).extracting(JsonNode::asLong).containsExactlyInAnyOrder(5_000L, 0L);

            JsonNode transfer = run("mutation Transfer {\n  transfer(fromWalletId: \"" + from + "\", input: {toWalletId: \""
                    + to + "\", amount: 1200, description: \"from GraphiQL\"}) {\n    id status amount currency\n  }\n}\n")
                    .path("data").path("transfer");
            assertThat(transfer.path("status").asString()).isEqualTo("PENDING");
            assertThat(transfer.path("amount").asLong()).isEqualTo(1_200);

            // the transfer GraphiQL sent is a real one: it completes and moves exactly its amount
            assertThat(api.awaitFinal(token, transfer.path("id").asString()).path("status").asString())
                    .isEqualTo("COMPLETED");
            assertThat(api.balance(token, from)).isEqualTo(3_800);
            assertThat(api.balance(token, to)).isEqualTo(1_200);

            JsonNode after = run("query MyWallets {\n  myWallets { id balance currency isActive }\n}\n")
                    .path("data").path("myWallets");
            assertThat(after.findValues("balance")).extracting(JsonNode::asLong).containsExactlyInAnyOrder(3_800L, 1_200L);
            // the picture for the README shows no token
            setEditor(".graphiql-editor-tool .graphiql-editor:not(.hidden)",
                    "{\"Authorization\": \"Bearer <the output of: bin/wallet token alice>\"}");
            saveScreenshot(SCREENSHOT);
        } catch (AssertionError | RuntimeException e) {
            saveScreenshot(FAILURE_SCREENSHOT);
            throw e;
        }
    }

    /**
     * Puts the (named) operation in the query editor, presses the run button and returns what the
     * result pane shows.
     */
    private JsonNode run(String operation) {
        String before = editorValue(".graphiql-response");
        setEditor(".graphiql-query-editor", operation);
        // GraphiQL reads the operation's name from the editor 100 ms after a change (debounced):
        // a click before that would run the previous operation's name against the new text
        String name = operation.split("[\\s{(]+")[1];
        await("GraphiQL takes in operation " + name).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> name.equals(((JavascriptExecutor) browser).executeScript(
                        "return document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.operationName;")));
        WebElement execute = browser.findElement(By.cssSelector("button.graphiql-execute-button"));
        execute.click();
        String[] shown = new String[1];
        await("the result pane shows the answer to " + operation.lines().findFirst().orElse(""))
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    shown[0] = editorValue(".graphiql-response");
                    return !shown[0].isBlank() && !shown[0].equals(before);
                });
        JsonNode answer = json.readTree(shown[0]);
        assertThat(answer.path("errors").isMissingNode()).as("errors in the result pane: %s", shown[0]).isTrue();
        return answer;
    }

    /**
     * Sets an editor's text through its CodeMirror instance: GraphiQL reads its editors through
     * CodeMirror's change events, as for typed text, while typing would fight its autocompletion.
     */
    private void setEditor(String container, String text) {
        ((JavascriptExecutor) browser).executeScript(
                "const cm = document.querySelector(arguments[0] + ' .CodeMirror').CodeMirror;"
                        + "cm.focus(); cm.setValue(arguments[1]);", container, text);
    }

    private String editorValue(String container) {
        Object value = ((JavascriptExecutor) browser).executeScript(
                "const el = document.querySelector(arguments[0] + ' .CodeMirror');"
                        + "return el ? el.CodeMirror.getValue() : '';", container);
        return value == null ? "" : value.toString();
    }

    private void saveScreenshot(Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("could not save a screenshot to " + target + ": " + e);
        }
    }
}
