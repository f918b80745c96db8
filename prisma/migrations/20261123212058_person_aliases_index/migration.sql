-- CreateIndex
CREATE INDEX "Person_aliases_idx" ON "Person" USING GIN ("aliases");
