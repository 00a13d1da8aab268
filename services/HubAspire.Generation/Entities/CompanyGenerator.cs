using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;

namespace HubAspire.Generation.Entities;

public sealed class CompanyGenerator : IEntityGenerator
{
    public EntitySchema Schema => CrmSchema.Companies;

    public void Fill(ColumnBatch batch, long firstId, int count, ref RandomStream random, in KeyedRandom keyed)
    {
        var id = batch.Int64("company_id");
        var name = batch.String("company_name");
        var industry = batch.String("industry");
        var region = batch.String("region");
        var employees = batch.Int32("employee_count");
        var revenue = batch.Double("annual_revenue");
        var founded = batch.Int32("founded_year");
        var traffic = batch.Int32("website_traffic_monthly");
        var created = batch.Timestamp("created_at");

        for (var i = 0; i < count; i++)
        {
            var companyId = firstId + i;
            id[i] = companyId;
            name[i] = $"Company_{companyId:D6}";
            industry[i] = keyed.CompanyIndustry(companyId);
            region[i] = keyed.CompanyRegion(companyId);
            employees[i] = random.Uniform(5, 50_000);
            revenue[i] = Math.Round(random.LogNormal(14, 2), 2);
            founded[i] = random.Uniform(1950, 2024);
            traffic[i] = random.Uniform(100, 5_000_000);
            created[i] = random.Timestamp();
        }

        batch.Count = count;
    }
}
