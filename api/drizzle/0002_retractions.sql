CREATE TABLE "auto_retraction_policies" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"policy" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL,
	"pending" jsonb
);
--> statement-breakpoint
CREATE TABLE "retraction_evidence" (
	"retraction_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"mailbox_id" text NOT NULL,
	"message_id" text NOT NULL,
	"mime" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"captured_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retraction_mailboxes" (
	"retraction_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"mailbox_id" text NOT NULL,
	"mailbox_upn" text NOT NULL,
	"state" text NOT NULL,
	"reason" text,
	"copies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"target_folder_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"found_in_round" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "retraction_mailboxes_retraction_id_mailbox_id_pk" PRIMARY KEY("retraction_id","mailbox_id")
);
--> statement-breakpoint
CREATE TABLE "retractions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"undo_of" uuid,
	"internet_message_id" text NOT NULL,
	"subject" text,
	"sender" text,
	"campaign_id" uuid,
	"action" text NOT NULL,
	"status" text NOT NULL,
	"dry_run" boolean NOT NULL,
	"reason" text,
	"source" text NOT NULL,
	"scope" jsonb NOT NULL,
	"requested_by" text NOT NULL,
	"requested_by_name" text,
	"requester_kind" text NOT NULL,
	"approval_required" boolean DEFAULT false NOT NULL,
	"approval_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"approved_by" text,
	"approved_by_name" text,
	"approved_at" timestamp with time zone,
	"approval_expires_at" timestamp with time zone,
	"plan" jsonb,
	"idempotency_key" text,
	"armed_until" timestamp with time zone,
	"rescans" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "retraction_mailboxes_state_idx" ON "retraction_mailboxes" USING btree ("retraction_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "retractions_idempotency_idx" ON "retractions" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "retractions_active_message_idx" ON "retractions" USING btree ("tenant_id","internet_message_id","kind") WHERE status in ('planning', 'awaitingApproval', 'running') and not dry_run;--> statement-breakpoint
CREATE INDEX "retractions_created_idx" ON "retractions" USING btree ("tenant_id","created_at");