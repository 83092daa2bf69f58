package io.entrepot.zones;

import io.entrepot.shared.CsvRecords;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/** The pilot-zone list shipped with the platform ({@code data/zones/pilot_zones.csv}, batches 1–7). */
@Service
public class PilotZones {

    private final List<PilotZone> zones;
    private final Map<String, PilotZone> byCity;

    PilotZones() {
        try (var reader = new InputStreamReader(new ClassPathResource("data/zones/pilot_zones.csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            zones = CsvRecords.read(reader).stream()
                    .map(row -> new PilotZone(row.get("city"), row.get("province"), Integer.parseInt(row.get("batch")),
                            Integer.parseInt(row.get("year")), row.get("city_zh")))
                    .sorted(Comparator.comparing(PilotZone::city))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byCity = zones.stream().collect(Collectors.toMap(z -> z.city().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
    }

    public List<PilotZone> all() {
        return zones;
    }

    /** Finds a zone by its English city name, ignoring case. */
    public Optional<PilotZone> find(String city) {
        return Optional.ofNullable(byCity.get(city.strip().toLowerCase(Locale.ROOT)));
    }
}
