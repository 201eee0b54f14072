-- Issue 17: a member's "do not suggest me" for who-knows-what. Stored by the endpoint so every member's browser
-- honours it (routing reads GET /v1/members/expertise-opt-outs); false until the member switches it on.
ALTER TABLE members ADD COLUMN expertise_opt_out boolean NOT NULL DEFAULT false;
