package io.entrepot.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.BrowserSession;
import io.entrepot.support.IntegrationTest;
import io.entrepot.support.SystemSql;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo's reviews: genuine ones in several languages, one held, and a brushing seller mid-way up the ladder with an open appeal. */
@IntegrationTest
class DemoReviewsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theDemoShowsGenuineReviewsAHeldOneAndABrushingSellerWithAnOpenAppeal() {
        var sql = new SystemSql(jdbc, tx);
        assertThat(sql.number("""
                select count(distinct split_part(locale, '-', 1)) from reviews.review r
                where status = 'published' and reviewer like 'email:%@example.%' and reviewer not like 'email:happy.customer%'""")).as(() -> sql.text(
                "select string_agg(reviewer || ' ' || locale || ' ' || status || ' ' || score, '; ') from reviews.review"))
                .isGreaterThanOrEqualTo(5);
        assertThat(sql.number("select count(*) from reviews.review where reviewer = 'email:sam.taylor@example.au' and status = 'held'")).isEqualTo(1);
        assertThat(sql.number("select count(*) from reviews.review where reviewer like 'email:happy.customer%' and status = 'removed'")).as(() -> sql.text(
                "select string_agg(reviewer || ' ' || status || ' ' || signals::text, ' ;; ') from reviews.review where reviewer like 'email:happy%'"))
                .isEqualTo(5);

        var seller = new BrowserSession(port);
        seller.signIn("seller@flashgadget.example", "entrepot-demo");
        String page = seller.get("/seller/reviews").body();
        assertThat(page).contains("Search ranking penalty").contains("Warning").contains("Appeal: open");

        var trust = new BrowserSession(port);
        trust.signIn("trust@entrepot.example", "entrepot-demo");
        assertThat(trust.get("/console/reviews").body()).contains("I bought this for my mother");
        assertThat(trust.get("/console/appeals").body()).contains("company event in Tondo");
        var api = new Api(port);
        assertThat(api.get("/api/v1/ops/appeals", Api.ADMIN_KEY).json().valueStream()
                .anyMatch(a -> a.get("step").asString().equals("ranking_penalty") && a.get("appeal").get("status").asString().equals("open"))).isTrue();
    }
}
