using HubAspire.Core.Features;
using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;
using HubAspire.Datasets.Reading;

namespace HubAspire.Etl.Processed.Derivations;

public sealed class CompaniesDerivation : EntityDerivation
{
    public override EntitySchema Raw => CrmSchema.Companies;

    public override IReadOnlyList<Column> Derived { get; } =
        [Label("employee_tier"), Real("revenue_per_employee"), Integer("company_age")];

    public override void Derive(RowGroupColumns raw, ColumnBatch batch)
    {
        var employees = raw.Int64("employee_count");
        var revenue = raw.Double("annual_revenue");
        var founded = raw.Int64("founded_year");
        var (tier, perEmployee, age) = (batch.String("employee_tier"), batch.Double("revenue_per_employee"), batch.Int32("company_age"));
        for (var i = 0; i < raw.RowCount; i++)
        {
            tier[i] = EntityFeatures.EmployeeTier(employees[i]);
            perEmployee[i] = EntityFeatures.RevenuePerEmployee(revenue[i], employees[i]);
            age[i] = checked((int)EntityFeatures.CompanyAge(founded[i]));
        }
    }
}
