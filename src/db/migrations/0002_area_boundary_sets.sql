ALTER TABLE "areas" ADD COLUMN "boundary_sets" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
UPDATE "areas" SET "boundary_sets" = ARRAY["boundary_set"] WHERE "boundary_set" IS NOT NULL;