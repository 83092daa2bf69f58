package io.entrepot.market;

import java.util.Locale;

/** What a de minimis threshold is compared with. */
public enum ValueBasis {
    /** No threshold: everything is taxed or dutiable. */
    NONE,
    /** Free on board: goods without freight and insurance. */
    FOB,
    /** Cost, insurance and freight. */
    CIF,
    /** The customs (taxable) value as the market defines it. */
    CUSTOMS_VALUE,
    /** Goods and freight together. */
    GOODS_AND_FREIGHT,
    /** Each item on its own. */
    PER_ITEM,
    /** The whole consignment (parcel). */
    PER_CONSIGNMENT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ValueBasis fromKey(String key) {
        try {
            return valueOf(key.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("value basis must be one of none, fob, cif, customs_value, "
                    + "goods_and_freight, per_item, per_consignment; got: " + key);
        }
    }
}
