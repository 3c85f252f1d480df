package io.sluice.bench;

/**
 * What the read-side scale benchmark fills and measures: issue 13's figures (10 million index
 * entries, 1 million statuses, reads at 100 concurrent clients), or a smoke run of every step in
 * seconds so CI keeps the tool working.
 *
 * @param tenantShare one record in this many belongs to the development tenant, whose token reads them
 */
record ScalePlan(String mode, long assets, long statuses, int clients, int requestsPerKind, int tenantShare) {

    static ScalePlan full() {
        return new ScalePlan("full", 10_000_000, 1_000_000, 100, 20_000, 100);
    }

    static ScalePlan smoke() {
        return new ScalePlan("smoke", 20_000, 2_000, 20, 300, 100);
    }
}
