using System.Runtime.CompilerServices;
using HubAspire.Core.Aggregations;
using HubAspire.Core.Features;
using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;
using HubAspire.Datasets.Reading;

namespace HubAspire.Mapping.Entities;

public sealed class CompaniesMap : EntityMap
{
    public override CubeDefinition Cube => Cubes.Companies;
    public override EntitySchema Raw => CrmSchema.Companies;

    public override IReadOnlyList<ColumnRequest> Columns =>
        [ReadMonth(), ReadCategory("industry"), ReadCategory("region"), ReadInteger("employee_count"), ReadReal("annual_revenue"), ReadInteger("website_traffic_monthly")];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override CubeCells Map(RowGroupColumns columns, ColumnBatch? derived)
    {
        var cube = Accumulator(columns, Category(columns, "industry"), Category(columns, "region"));
        var employees = columns.Int64("employee_count");
        var revenue = columns.Double("annual_revenue");
        var traffic = columns.Int64("website_traffic_monthly");
        var revenueUnits = MeasureOf("annual_revenue");
        int rows = Slot(Measure.Rows), employeeSum = Slot("employee_count"), revenueSum = Slot("annual_revenue"), trafficSum = Slot("website_traffic_monthly");

        Span<long> m = stackalloc long[Cube.Measures.Count];
        for (var i = 0; i < columns.RowCount; i++)
        {
            m[rows] = 1;
            m[employeeSum] = employees[i];
            m[revenueSum] = revenueUnits.ToUnits(revenue[i]);
            m[trafficSum] = traffic[i];
            cube.Add(i, m);
        }

        return cube.ToCells();
    }

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
