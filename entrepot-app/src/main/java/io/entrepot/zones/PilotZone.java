package io.entrepot.zones;

/** One pilot zone: a city approved in a batch, with its Chinese name. */
public record PilotZone(String city, String province, int batch, int year, String cityZh) {
}
