package io.entrepot.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlRowsTests {

    @Test
    void eachRowGetsItsOwnParameterNamesAndCastsAreLeftAlone() {
        assertThat(SqlRows.values("(:id, :name, :at::timestamptz)", 3))
                .isEqualTo("(:id_0, :name_0, :at_0::timestamptz), (:id_1, :name_1, :at_1::timestamptz), (:id_2, :name_2, :at_2::timestamptz)");
    }

    @Test
    void parametersAreNamedAsTheValuesNameThemNullsIncluded() {
        Map<String, Object> second = new HashMap<>();
        second.put("id", 2);
        second.put("name", null);
        assertThat(SqlRows.params(List.of(Map.of("id", 1, "name", "a"), second)))
                .containsEntry("id_0", 1).containsEntry("name_0", "a").containsEntry("id_1", 2).containsEntry("name_1", null).hasSize(4);
    }

    @Test
    void noRowsIsAMistake() {
        assertThatThrownBy(() -> SqlRows.values("(:id)", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
