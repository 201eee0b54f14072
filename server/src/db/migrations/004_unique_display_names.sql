-- Issue 15 item 6: display names are unique within a community (case-insensitively), so no member can pass
-- for another. Earlier duplicates keep the first holder's name; later ones get " (2)", " (3)"...
UPDATE members m SET display_name = m.display_name || ' (' || d.n || ')'
  FROM (SELECT id, row_number() OVER (PARTITION BY community_id, lower(display_name) ORDER BY joined_at, id) AS n
          FROM members WHERE removed_at IS NULL) d
 WHERE m.id = d.id AND d.n > 1;
CREATE UNIQUE INDEX members_display_name ON members (community_id, lower(display_name)) WHERE removed_at IS NULL;
