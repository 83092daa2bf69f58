package io.entrepot.governance.web;

import io.entrepot.governance.CategoryStatistics;
import io.entrepot.shared.Months;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Insights: k-anonymous category statistics")
@PreAuthorize("hasAnyRole('OPS_FIRST_PARTY_RETAIL', 'STAFF')")
class InsightsController {

    private final CategoryStatistics statistics;

    InsightsController(CategoryStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/v1/insights/markets/{market}/categories/{month}")
    @Operation(summary = "Units, sales, average price and growth per category of a market and calendar month; cells with fewer than k sellers "
            + "or one dominant seller are suppressed")
    CategoryStatistics.Report categories(@PathVariable String market, @PathVariable String month) {
        return statistics.of(market, Months.parse(month));
    }
}
