-- CreateTable
CREATE TABLE "RankingModel" (
    "id" SERIAL NOT NULL,
    "fittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT NOT NULL,
    "model" JSONB NOT NULL,

    CONSTRAINT "RankingModel_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RankingModel_fittedAt_idx" ON "RankingModel"("fittedAt");
