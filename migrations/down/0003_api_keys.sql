-- Reverts 0003_api_keys.sql: the keys are lost.
DROP TABLE IF EXISTS "api_keys";
