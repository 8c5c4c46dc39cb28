CREATE TABLE "entities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" text DEFAULT '' NOT NULL,
	"agent_id" text DEFAULT '' NOT NULL,
	"type" text NOT NULL,
	"text" text NOT NULL,
	"normalized_name" text NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entity_aliases" (
	"entity_id" uuid NOT NULL,
	"alias" text NOT NULL,
	"normalized_alias" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entity_aliases_entity_id_normalized_alias_pk" PRIMARY KEY("entity_id","normalized_alias")
);
--> statement-breakpoint
CREATE TABLE "memories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" text DEFAULT '' NOT NULL,
	"agent_id" text DEFAULT '' NOT NULL,
	"session_id" text DEFAULT '' NOT NULL,
	"memory_type" text NOT NULL,
	"content" text NOT NULL,
	"content_hash" text NOT NULL,
	"parent_id" uuid,
	"chunk_index" integer DEFAULT 0 NOT NULL,
	"searchable" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"migrated_from" text,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', content)) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memory_entities" (
	"memory_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"mention" text NOT NULL,
	"start_offset" integer NOT NULL,
	"end_offset" integer NOT NULL,
	"confidence" real NOT NULL,
	CONSTRAINT "memory_entities_memory_id_entity_id_start_offset_pk" PRIMARY KEY("memory_id","entity_id","start_offset")
);
--> statement-breakpoint
CREATE TABLE "memory_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"memory_id" uuid NOT NULL,
	"user_id" text DEFAULT '' NOT NULL,
	"agent_id" text DEFAULT '' NOT NULL,
	"event" text NOT NULL,
	"old_content" text,
	"new_content" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"memory_id" uuid NOT NULL,
	"user_id" text DEFAULT '' NOT NULL,
	"agent_id" text DEFAULT '' NOT NULL,
	"operation" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "relationship_evidence" (
	"relationship_id" uuid NOT NULL,
	"memory_id" uuid NOT NULL,
	"sentence" text NOT NULL,
	"confidence" real NOT NULL,
	CONSTRAINT "relationship_evidence_relationship_id_memory_id_pk" PRIMARY KEY("relationship_id","memory_id")
);
--> statement-breakpoint
CREATE TABLE "relationships" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source_entity_id" uuid NOT NULL,
	"target_entity_id" uuid NOT NULL,
	"relation_type" text NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"memory_id" uuid,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_to" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "entity_aliases" ADD CONSTRAINT "entity_aliases_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memories" ADD CONSTRAINT "memories_parent_id_memories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."memories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memory_entities" ADD CONSTRAINT "memory_entities_memory_id_memories_id_fk" FOREIGN KEY ("memory_id") REFERENCES "public"."memories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memory_entities" ADD CONSTRAINT "memory_entities_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_evidence" ADD CONSTRAINT "relationship_evidence_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_evidence" ADD CONSTRAINT "relationship_evidence_memory_id_memories_id_fk" FOREIGN KEY ("memory_id") REFERENCES "public"."memories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_source_entity_id_entities_id_fk" FOREIGN KEY ("source_entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_target_entity_id_entities_id_fk" FOREIGN KEY ("target_entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_memory_id_memories_id_fk" FOREIGN KEY ("memory_id") REFERENCES "public"."memories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_entities_type" ON "entities" USING btree ("type");--> statement-breakpoint
CREATE INDEX "idx_entities_name" ON "entities" USING btree ("normalized_name");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_entities_canonical" ON "entities" USING btree ("user_id","agent_id","type","normalized_name");--> statement-breakpoint
CREATE INDEX "idx_entity_aliases_name" ON "entity_aliases" USING btree ("normalized_alias");--> statement-breakpoint
CREATE INDEX "idx_memories_scope" ON "memories" USING btree ("user_id","agent_id","memory_type") WHERE searchable;--> statement-breakpoint
CREATE INDEX "idx_memories_parent" ON "memories" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "idx_memories_created_at" ON "memories" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "idx_memories_session_order" ON "memories" USING btree ("user_id","agent_id","session_id","created_at","id");--> statement-breakpoint
CREATE INDEX "idx_memories_search" ON "memories" USING gin ("search_vector");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_memories_content" ON "memories" USING btree ("user_id","agent_id","memory_type","content_hash") WHERE parent_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_memories_migrated_from" ON "memories" USING btree ("migrated_from");--> statement-breakpoint
CREATE INDEX "idx_memory_entities_entity" ON "memory_entities" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "idx_memory_history_memory" ON "memory_history" USING btree ("memory_id","id");--> statement-breakpoint
CREATE INDEX "idx_outbox_pending" ON "outbox" USING btree ("id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "idx_relationship_evidence_memory" ON "relationship_evidence" USING btree ("memory_id");--> statement-breakpoint
CREATE INDEX "idx_relationships_source" ON "relationships" USING btree ("source_entity_id");--> statement-breakpoint
CREATE INDEX "idx_relationships_target" ON "relationships" USING btree ("target_entity_id");--> statement-breakpoint
CREATE INDEX "idx_relationships_type" ON "relationships" USING btree ("relation_type");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_relationships_current" ON "relationships" USING btree ("source_entity_id","target_entity_id","relation_type") WHERE valid_to is null;