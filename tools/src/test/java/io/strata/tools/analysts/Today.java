package io.strata.tools.analysts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants relative to now, in UTC (the session's zone), for the queries about "today" and "this
 * month": inside the current day or month and before now, or just before it. A run that could cross
 * midnight while the queries run first waits until the day has begun.
 */
final class Today {

    /** How long before midnight a run waits rather than risk the day changing under it. */
    private static final Duration BEFORE_MIDNIGHT = Duration.ofMinutes(5);

    private static final Duration AFTER_MIDNIGHT = Duration.ofMinutes(1);

    final Instant now;
    final Instant dayStart;
    final Instant monthStart;

    private Today(Instant now) {
        this.now = now;
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        this.dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        this.monthStart = day.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Now, once it is at least a minute past and five minutes before midnight (UTC). */
    static Today awaitSafeTime() throws InterruptedException {
        Instant now = Instant.now();
        Instant dayStart = now.truncatedTo(ChronoUnit.DAYS);
        Instant next = dayStart.plus(Duration.ofDays(1));
        if (now.isAfter(next.minus(BEFORE_MIDNIGHT))) {
            Thread.sleep(Duration.between(now, next.plus(AFTER_MIDNIGHT)).toMillis());
        } else if (now.isBefore(dayStart.plus(AFTER_MIDNIGHT))) {
            Thread.sleep(Duration.between(now, dayStart.plus(AFTER_MIDNIGHT)).toMillis());
        }
        return new Today(Instant.now());
    }

    /** The {@code k}-th of nine instants spread over the month so far (1 ≤ k ≤ 9). */
    Instant thisMonth(int k) {
        return between(monthStart, k);
    }

    /** The {@code k}-th of nine instants spread over the day so far (1 ≤ k ≤ 9). */
    Instant today(int k) {
        return between(dayStart, k);
    }

    Instant lastMonth() {
        return monthStart.minus(Duration.ofDays(1));
    }

    Instant yesterday() {
        return dayStart.minus(Duration.ofHours(1));
    }

    private Instant between(Instant start, int k) {
        long span = Duration.between(start, now).toMillis();
        return start.plusMillis(span * k / 10);
    }
}
