using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;

namespace HubAspire.Generation.Entities;

public sealed class DealGenerator : IEntityGenerator
{
    /// <summary>Amount multiplier per pipeline, in <see cref="CrmValues.Pipelines"/> order.</summary>
    private static readonly double[] PipelineFactor = [3.0, 1.5, 0.6, 1.0];

    /// <summary>Centre of the probability per open stage (± 10); closed stages are exact.</summary>
    private static readonly double[] StageProbability = [10, 25, 45, 70, 100, 0];

    private const int FirstClosedStage = 4;

    public EntitySchema Schema => CrmSchema.Deals;

    public void Fill(ColumnBatch batch, long firstId, int count, ref RandomStream random, in KeyedRandom keyed)
    {
        var id = batch.Int64("deal_id");
        var contact = batch.Int64("contact_id");
        var company = batch.Int64("company_id");
        var name = batch.String("deal_name");
        var amount = batch.Double("amount");
        var stage = batch.String("stage");
        var pipeline = batch.String("pipeline");
        var probability = batch.Double("probability");
        var days = batch.Int32("days_in_pipeline");
        var created = batch.Timestamp("created_at");
        var industry = batch.String("industry");
        var region = batch.String("region");

        for (var i = 0; i < count; i++)
        {
            var dealId = firstId + i;
            var contactId = 1 + random.Below(keyed.Counts.Contacts);
            var companyId = keyed.ContactCompany(contactId);
            var stageIndex = random.PickIndex(CrmValues.DealStages.Probabilities);
            var pipelineIndex = random.PickIndex(CrmValues.Pipelines.Probabilities);

            id[i] = dealId;
            contact[i] = contactId;
            company[i] = companyId;
            name[i] = $"Deal_{dealId:D7}";
            amount[i] = Math.Round(random.LogNormal(9, 1.5) * PipelineFactor[pipelineIndex], 2);
            stage[i] = CrmValues.DealStages.Values[stageIndex];
            pipeline[i] = CrmValues.Pipelines.Values[pipelineIndex];
            probability[i] = stageIndex >= FirstClosedStage
                ? StageProbability[stageIndex]
                : Math.Round(Math.Clamp(StageProbability[stageIndex] + random.Uniform(-10.0, 10.0), 0, 100), 1);
            days[i] = random.Uniform(1, 365);
            created[i] = random.Timestamp();
            industry[i] = keyed.CompanyIndustry(companyId);
            region[i] = keyed.CompanyRegion(companyId);
        }

        batch.Count = count;
    }
}
