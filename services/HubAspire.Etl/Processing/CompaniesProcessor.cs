using System.Runtime.CompilerServices;
using HubAspire.Core.Aggregations;
using HubAspire.Datasets.Reading;

namespace HubAspire.Etl.Processing;

public sealed class CompaniesProcessor : CubeProcessor
{
    public override CubeDefinition Cube => Cubes.Companies;

    public override IReadOnlyList<ColumnRequest> Columns =>
        [Month(), Categorical("industry"), Categorical("region"), Integer("employee_count"), Real("annual_revenue"), Integer("website_traffic_monthly")];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override CubeCells Map(RowGroupColumns columns)
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
}
