CREATE TABLE "collection_batch_mailboxes" (
	"tenant_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"mailbox_id" text NOT NULL,
	"upn" text NOT NULL,
	"job" integer NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"progress" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"messages" integer DEFAULT 0 NOT NULL,
	"events" integer DEFAULT 0 NOT NULL,
	"attachments" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "collection_batch_mailboxes_batch_id_mailbox_id_pk" PRIMARY KEY("batch_id","mailbox_id")
);
--> statement-breakpoint
CREATE TABLE "collection_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"collection_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"windows" integer NOT NULL,
	"cold_start" boolean NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"retries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"next_retry_at" timestamp with time zone,
	"jobs" integer NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"requested_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "collection_folder_state" (
	"tenant_id" uuid NOT NULL,
	"collection_id" uuid NOT NULL,
	"mailbox_id" text NOT NULL,
	"folder_id" text NOT NULL,
	"delta_link" text,
	"max_received_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "collection_folder_state_collection_id_mailbox_id_folder_id_pk" PRIMARY KEY("collection_id","mailbox_id","folder_id")
);
--> statement-breakpoint
CREATE TABLE "collection_items" (
	"tenant_id" uuid NOT NULL,
	"collection_id" uuid NOT NULL,
	"mailbox_id" text NOT NULL,
	"item_id" text NOT NULL,
	"kind" text NOT NULL,
	"batch_id" uuid NOT NULL,
	"mailbox_upn" text NOT NULL,
	"internet_message_id" text,
	"subject" text,
	"sender" text,
	"to_recipients" text[] NOT NULL,
	"cc_recipients" text[] NOT NULL,
	"bcc_recipients" text[] NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"folder" text,
	"folder_id" text,
	"is_draft" boolean DEFAULT false NOT NULL,
	"meeting_message_type" text,
	"body_text" text NOT NULL,
	"attachments" jsonb NOT NULL,
	"event" jsonb,
	"collected_at" timestamp with time zone NOT NULL,
	CONSTRAINT "collection_items_collection_id_mailbox_id_item_id_pk" PRIMARY KEY("collection_id","mailbox_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "collections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"monitored" jsonb NOT NULL,
	"settings" jsonb NOT NULL,
	"enabled" boolean NOT NULL,
	"collect_from" timestamp with time zone NOT NULL,
	"next_window_start" timestamp with time zone NOT NULL,
	"batch_count" integer DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_authorizations" (
	"tenant_id" uuid NOT NULL,
	"function" text NOT NULL,
	"client_id" text NOT NULL,
	"consented_at" timestamp with time zone,
	"consented_by" text,
	"consented_by_name" text,
	"login_hint" text,
	"granted" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "directory_authorizations_tenant_id_function_pk" PRIMARY KEY("tenant_id","function")
);
--> statement-breakpoint
CREATE TABLE "directory_consent_states" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"function" text NOT NULL,
	"client_id" text NOT NULL,
	"started_by" text NOT NULL,
	"started_by_name" text,
	"login_hint" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "directory_domains" (
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"is_verified" boolean NOT NULL,
	"is_default" boolean NOT NULL,
	"is_initial" boolean NOT NULL,
	"present" boolean NOT NULL,
	"discovered_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" text,
	"published_by_name" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "directory_domains_tenant_id_name_pk" PRIMARY KEY("tenant_id","name")
);
--> statement-breakpoint
CREATE TABLE "directory_groups" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"display_name" text,
	"mail" text,
	"kind" text NOT NULL,
	"addresses" text[] NOT NULL,
	"domain" text,
	"sync_round" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "directory_groups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "directory_memberships" (
	"tenant_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"member_type" text NOT NULL,
	"sync_round" integer NOT NULL,
	CONSTRAINT "directory_memberships_tenant_id_group_id_member_id_pk" PRIMARY KEY("tenant_id","group_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "directory_organization" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"display_name" text,
	"synced_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_role_holders" (
	"tenant_id" uuid NOT NULL,
	"role_template_id" uuid NOT NULL,
	"role_name" text,
	"principal_id" uuid NOT NULL,
	"principal_type" text NOT NULL,
	"principal_name" text,
	CONSTRAINT "directory_role_holders_tenant_id_role_template_id_principal_id_pk" PRIMARY KEY("tenant_id","role_template_id","principal_id")
);
--> statement-breakpoint
CREATE TABLE "directory_sync_state" (
	"tenant_id" uuid NOT NULL,
	"resource" text NOT NULL,
	"status" text NOT NULL,
	"mode" text,
	"delta_link" text,
	"next_link" text,
	"round" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"pages" integer DEFAULT 0 NOT NULL,
	"expected" integer,
	"rate_per_second" real,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "directory_sync_state_tenant_id_resource_pk" PRIMARY KEY("tenant_id","resource")
);
--> statement-breakpoint
CREATE TABLE "directory_users" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"upn" text NOT NULL,
	"upn_lower" text NOT NULL,
	"display_name" text,
	"mail" text,
	"addresses" text[] NOT NULL,
	"account_enabled" boolean NOT NULL,
	"is_guest" boolean NOT NULL,
	"licensed" boolean NOT NULL,
	"mailbox_kind" text NOT NULL,
	"domain" text NOT NULL,
	"sync_round" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "directory_users_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "campaign_keys" (
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"campaign_id" uuid NOT NULL,
	CONSTRAINT "campaign_keys_tenant_id_kind_value_pk" PRIMARY KEY("tenant_id","kind","value")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"fingerprint" text NOT NULL,
	"internet_message_id" text NOT NULL,
	"subject" text,
	"sender" text,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	"report_count" integer NOT NULL,
	"reporter_count" integer NOT NULL,
	"estimated_recipients" integer NOT NULL,
	"status" text NOT NULL,
	"assignee" text,
	"disposition" text,
	"verdict_at" timestamp with time zone,
	"verdict_by" text,
	"verdict_source" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaigns_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "report_evidence" (
	"tenant_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"source" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"eml" "bytea" NOT NULL,
	CONSTRAINT "report_evidence_tenant_id_report_id_pk" PRIMARY KEY("tenant_id","report_id")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"reporter_id" uuid NOT NULL,
	"reporter_upn" text,
	"reporter_address" text,
	"message_id" text NOT NULL,
	"internet_message_id" text NOT NULL,
	"category" text NOT NULL,
	"comment" text,
	"options" text[] NOT NULL,
	"subject" text,
	"sender" text,
	"received_at" timestamp with time zone,
	"enrichment" jsonb NOT NULL,
	"fingerprint" text NOT NULL,
	"status" text NOT NULL,
	"assignee" text,
	"disposition" text,
	"verdict_at" timestamp with time zone,
	"verdict_by" text,
	"reported_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"forwarded_at" timestamp with time zone,
	"reporter_copy_moved_at" timestamp with time zone,
	"receipt_notified_at" timestamp with time zone,
	"outcome_notified_at" timestamp with time zone,
	"outcome_notified" text,
	CONSTRAINT "reports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "triage_notes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"author_id" text,
	"author_name" text,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "triage_notes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "user_reported_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
ALTER TABLE "collection_batch_mailboxes" ADD CONSTRAINT "collection_batch_mailboxes_batch_id_collection_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."collection_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_batches" ADD CONSTRAINT "collection_batches_collection_id_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."collections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_folder_state" ADD CONSTRAINT "collection_folder_state_collection_id_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."collections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_items" ADD CONSTRAINT "collection_items_collection_id_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."collections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collection_batch_mailboxes_job_idx" ON "collection_batch_mailboxes" USING btree ("batch_id","job","status");--> statement-breakpoint
CREATE UNIQUE INDEX "collection_batches_window_idx" ON "collection_batches" USING btree ("collection_id","window_start");--> statement-breakpoint
CREATE INDEX "collection_batches_list_idx" ON "collection_batches" USING btree ("tenant_id","collection_id","seq");--> statement-breakpoint
CREATE INDEX "collection_items_batch_idx" ON "collection_items" USING btree ("collection_id","batch_id","mailbox_id","item_id");--> statement-breakpoint
CREATE INDEX "collection_items_received_idx" ON "collection_items" USING btree ("collection_id","received_at","mailbox_id","item_id");--> statement-breakpoint
CREATE INDEX "collections_tenant_idx" ON "collections" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "directory_consent_states_expiry_idx" ON "directory_consent_states" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "directory_groups_addresses_idx" ON "directory_groups" USING gin ("addresses");--> statement-breakpoint
CREATE INDEX "directory_memberships_member_idx" ON "directory_memberships" USING btree ("tenant_id","member_id");--> statement-breakpoint
CREATE INDEX "directory_users_upn_idx" ON "directory_users" USING btree ("tenant_id","upn_lower");--> statement-breakpoint
CREATE INDEX "directory_users_addresses_idx" ON "directory_users" USING gin ("addresses");--> statement-breakpoint
CREATE INDEX "directory_users_domain_idx" ON "directory_users" USING btree ("tenant_id","domain","id");--> statement-breakpoint
CREATE INDEX "campaign_keys_campaign_idx" ON "campaign_keys" USING btree ("tenant_id","campaign_id");--> statement-breakpoint
CREATE INDEX "campaigns_last_seen_idx" ON "campaigns" USING btree ("tenant_id","last_seen","id");--> statement-breakpoint
CREATE INDEX "campaigns_reporters_idx" ON "campaigns" USING btree ("tenant_id","reporter_count","id");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_reporter_message_idx" ON "reports" USING btree ("tenant_id","reporter_id","internet_message_id");--> statement-breakpoint
CREATE INDEX "reports_reported_at_idx" ON "reports" USING btree ("tenant_id","reported_at","id");--> statement-breakpoint
CREATE INDEX "reports_campaign_idx" ON "reports" USING btree ("tenant_id","campaign_id");--> statement-breakpoint
CREATE INDEX "reports_reporter_idx" ON "reports" USING btree ("tenant_id","reporter_id","reported_at");--> statement-breakpoint
CREATE INDEX "triage_notes_target_idx" ON "triage_notes" USING btree ("tenant_id","target_type","target_id","created_at");