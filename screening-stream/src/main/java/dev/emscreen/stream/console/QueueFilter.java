package dev.emscreen.stream.console;

import java.util.Comparator;

/**
 * Which waiting samples an annotator works, and in what order.
 *
 * @param domain            only this domain; null for all
 * @param featureSetVersion only samples screened by this version; null for all
 * @param order             OLDEST first (the default) or by SCORE, highest first
 */
public record QueueFilter(String domain, String featureSetVersion, Order order) {

    public enum Order {
        OLDEST(Comparator.comparing(WaitingSample::since).thenComparing(WaitingSample::sampleId)),
        SCORE(Comparator.comparingDouble(WaitingSample::score).reversed().thenComparing(WaitingSample::sampleId));

        final Comparator<WaitingSample> comparator;

        Order(Comparator<WaitingSample> comparator) {
            this.comparator = comparator;
        }
    }

    static final QueueFilter ALL = new QueueFilter(null, null, Order.OLDEST);

    public static QueueFilter of(String domain, String featureSetVersion, String order) {
        Order parsed;
        try {
            parsed = order == null || order.isBlank() ? Order.OLDEST : Order.valueOf(order.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("order must be OLDEST or SCORE, not '" + order + "'");
        }
        return new QueueFilter(blankToNull(domain), blankToNull(featureSetVersion), parsed);
    }

    boolean admits(WaitingSample sample) {
        return (domain == null || domain.equals(sample.domain()))
                && (featureSetVersion == null || featureSetVersion.equals(sample.featureSetVersion()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
