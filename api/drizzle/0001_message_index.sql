CREATE TABLE "message_copies" (
	"tenant_id" uuid NOT NULL,
	"mailbox_id" uuid NOT NULL,
	"mailbox_upn" text NOT NULL,
	"message_id" text NOT NULL,
	"internet_message_id" text NOT NULL,
	"sender" text,
	"recipients" text[] NOT NULL,
	"subject" text,
	"received_at" timestamp with time zone,
	"folder" text,
	"folder_id" text,
	"is_read" boolean,
	"source" text NOT NULL,
	"removed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "message_copies_tenant_id_mailbox_id_message_id_pk" PRIMARY KEY("tenant_id","mailbox_id","message_id")
);
--> statement-breakpoint
CREATE INDEX "message_copies_imid_idx" ON "message_copies" USING btree ("tenant_id","internet_message_id");--> statement-breakpoint
CREATE INDEX "message_copies_sender_idx" ON "message_copies" USING btree ("tenant_id","sender","received_at");--> statement-breakpoint
CREATE INDEX "message_copies_received_idx" ON "message_copies" USING btree ("tenant_id","received_at");