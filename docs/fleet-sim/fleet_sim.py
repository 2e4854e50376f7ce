#!/usr/bin/env python3
"""Queries per day that each DNS list operator sees from a fleet of MTAs, with and without a shared answer cache.

One simulated day: connections arrive uniformly over 24 h, each from an address drawn from a Zipf-shaped pool (a few
busy senders, a long tail) and handled by an MTA picked at random (a load balancer). Each check asks every list; an
answer is cached for its TTL (clamped like Dnsbl.Client's cache). Without the shared tier every MTA has only its own
cache; with it, an MTA's miss is answered by any answer another MTA fetched within its TTL (L1 per node stays, but
cannot change the count of DNS queries). Every list sees the same stream, so queries per operator = misses per list.
Usage: python3 docs/fleet-sim/fleet_sim.py docs/fleet-sim/inputs.json
"""
import bisect
import json
import random
import sys


def main(path):
    p = json.load(open(path))
    rng = random.Random(p["seed"])
    day = 86400.0
    arrivals = p["mtas"] * p["connectionsPerMtaPerDay"]
    pool = p["addressPool"]
    weights, total = [], 0.0
    for rank in range(1, pool + 1):
        total += rank ** -p["zipfExponent"]
        weights.append(total)
    listed = set(rng.sample(range(pool), int(pool * p["listedFraction"])))
    clamp = lambda t: max(p["minimumTtlSeconds"], min(p["maximumTtlSeconds"], t))
    ttl_pos, ttl_neg = clamp(p["positiveTtlSeconds"]), clamp(p["negativeTtlSeconds"])

    times = sorted(rng.random() * day for _ in range(arrivals))
    node_expiry = [dict() for _ in range(p["mtas"])]
    shared_expiry = {}
    alone = shared = 0
    seen = set()
    for now in times:
        address = bisect.bisect_left(weights, rng.random() * total)
        seen.add(address)
        node = rng.randrange(p["mtas"])
        ttl = ttl_pos if address in listed else ttl_neg
        cache = node_expiry[node]
        if cache.get(address, -1.0) <= now:  # this MTA alone must ask
            alone += 1
            cache[address] = now + ttl
        if shared_expiry.get(address, -1.0) <= now:  # nobody in the fleet holds a fresh answer
            shared += 1
            shared_expiry[address] = now + ttl

    lists = p["lists"]
    print(json.dumps({
        "connectionsPerDay": arrivals,
        "distinctAddressesPerDay": len(seen),
        "repeatRate": round(1 - len(seen) / arrivals, 3),
        "queriesPerOperatorPerDay": {"withoutSharedTier": alone, "withSharedTier": shared},
        "reduction": round(alone / shared, 2),
        "fleetQueriesPerDayAllLists": {"withoutSharedTier": alone * lists, "withSharedTier": shared * lists},
        "averageQueriesPerSecondPerOperator": {"withoutSharedTier": round(alone / day, 1), "withSharedTier": round(shared / day, 1)},
    }, indent=2))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/fleet-sim/inputs.json")
