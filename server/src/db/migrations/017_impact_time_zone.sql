-- Issue 17 follow-up: the impact ledger's months are the community's local calendar months, in one IANA zone per
-- community that only an admin sets (PUT /v1/community/impact/settings). One zone per community, never one per
-- request: bins chosen by the reader would let two summaries in two zones be subtracted to isolate a few members
-- who answered near a month's edge (server/src/impact/aggregate.ts). Validated by the endpoint, not here: the
-- database's zone names and the endpoint's (ICU, through Intl) need not be the same list.
ALTER TABLE communities ADD COLUMN impact_time_zone text NOT NULL DEFAULT 'UTC';
