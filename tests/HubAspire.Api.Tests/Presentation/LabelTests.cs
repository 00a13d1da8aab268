using HubAspire.Core.Presentation;

namespace HubAspire.Api.Tests.Presentation;

/// <summary>Label orders and formats, with literal cases.</summary>
public sealed class LabelTests
{
    private static List<string> Sorted(LabelOrder order, params (string Label, double? First)[] rows)
    {
        var list = rows.Select(r => (r.Label, new[] { r.First })).ToList();
        order.Sort(list);
        return [.. list.Select(r => r.Label)];
    }

    [Fact]
    public void A_natural_order_puts_unknown_labels_last_a_to_z() =>
        Assert.Equal(["High", "Low", "Other", "Urgent"],
            Sorted(LabelOrder.Natural(["Critical", "High", "Medium", "Low"]), ("Urgent", 1), ("Low", 2), ("Other", 3), ("High", 4)));

    [Fact]
    public void Numeric_labels_sort_by_value() =>
        Assert.Equal(["0", "2", "9", "10", "23"], Sorted(LabelOrder.Numeric, ("10", 0), ("2", 0), ("23", 0), ("0", 0), ("9", 0)));

    [Fact]
    public void Months_and_quarters_sort_by_time() =>
        Assert.Equal(["2023Q4", "2024Q1", "2024Q2"], Sorted(LabelOrder.Chronological, ("2024Q2", 0), ("2023Q4", 0), ("2024Q1", 0)));

    [Fact]
    public void First_series_descending_breaks_ties_a_to_z_and_puts_nulls_last() =>
        Assert.Equal(["b", "a", "c", "d", "e"],
            Sorted(LabelOrder.FirstSeriesDescending, ("e", null), ("c", 5), ("a", 5), ("b", 9), ("d", 1)));

    [Fact]
    public void Alphabetical_is_ordinal() =>
        Assert.Equal(["Case Study", "Newsletter", "Re-engagement", "Survey"],
            Sorted(LabelOrder.Alphabetical, ("Survey", 9), ("Re-engagement", 1), ("Newsletter", 5), ("Case Study", 0)));

    [Theory]
    [InlineData("0", "00:00")]
    [InlineData("7", "07:00")]
    [InlineData("23", "23:00")]
    [InlineData("24", "24")]
    [InlineData("x", "x")]
    public void Hours_show_as_hh_00(string stored, string shown) => Assert.Equal(shown, LabelFormat.Hour.Apply(stored));
}
