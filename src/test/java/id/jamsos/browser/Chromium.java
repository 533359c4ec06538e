package id.jamsos.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium driven by Playwright, headless, with no download of a browser of Playwright's own. On a failed
 * test it keeps a full-page screenshot under {@code target/playwright/}; {@link #screenshot} keeps pages for people
 * to look at under {@code target/screenshots/}.
 */
final class Chromium implements AfterTestExecutionCallback, AutoCloseable {

    static final Path FAILURES = Paths.get("target", "playwright");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;
    private final List<Page> pages = new CopyOnWriteArrayList<>();
    /** Messages the pages wrote to the console as errors, for instance a Content-Security-Policy violation. */
    final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    Chromium() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    Page newPage(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        Page page = context.newPage();
        page.setDefaultTimeout(20_000);
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text());
            }
        });
        page.onPageError(error -> consoleErrors.add(error));
        page.onResponse(response -> {
            if (response.status() >= 400) {
                consoleErrors.add(response.status() + " " + response.url());
            }
        });
        pages.add(page);
        return page;
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws Exception {
        if (context.getExecutionException().isPresent()) {
            Files.createDirectories(FAILURES);
            int i = 0;
            for (Page page : pages) {
                if (!page.isClosed()) {
                    page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                            .setPath(FAILURES.resolve(context.getRequiredTestMethod().getName() + "-" + i++ + ".png")));
                }
            }
        }
        for (Page page : pages) {
            page.context().close();
        }
        pages.clear();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
