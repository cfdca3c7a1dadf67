package nl.fieldlab.sandbox.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON output with stable formatting: indented, numbers rounded to fixed decimals, NaN as null. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {
    }

    /** A number rounded to 4 decimals (6 for small values), or null when it is not a number. */
    public static BigDecimal number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return null;
        }
        int scale = Math.abs(v) < 1 ? 6 : 4;
        BigDecimal d = BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }
}
