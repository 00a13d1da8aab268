using HubAspire.Core.Presentation;

namespace HubAspire.Api.Tests.Presentation;

/// <summary>API.md's rounding pinned with literal cases: half to even, on the double value, percentages ×100.</summary>
public sealed class RoundingTests
{
    [Theory]
    [InlineData(Rounding.Count, 3.0, 3.0)]
    [InlineData(Rounding.Whole, 2.5, 2.0)]
    [InlineData(Rounding.Whole, 3.5, 4.0)]
    [InlineData(Rounding.Whole, 179.49, 179.0)]
    [InlineData(Rounding.Money, 0.125, 0.12)]
    [InlineData(Rounding.Money, 0.375, 0.38)]
    [InlineData(Rounding.Money, 1234567.891, 1234567.89)]
    [InlineData(Rounding.OneDecimal, 0.25, 0.2)]
    [InlineData(Rounding.OneDecimal, 0.75, 0.8)]
    [InlineData(Rounding.OneDecimal, 3.04, 3.0)]
    [InlineData(Rounding.Percent, 0.5, 50.0)]
    [InlineData(Rounding.Percent, 1.0 / 3, 33.3)]
    [InlineData(Rounding.Percent, 2.0 / 3, 66.7)]
    [InlineData(Rounding.Percent, 0.0009765625, 0.1)]
    [InlineData(Rounding.FinePercent, 1.0 / 3, 33.33)]
    [InlineData(Rounding.FinePercent, 0.00390625, 0.39)]
    [InlineData(Rounding.FinePercent, 0.0401, 4.01)]
    public void Each_kind_rounds_as_the_spec_says(Rounding rounding, double value, double shown) =>
        Assert.Equal(shown, rounding.Apply(value));

    [Fact]
    public void A_mean_over_no_rows_stays_null()
    {
        foreach (var rounding in Enum.GetValues<Rounding>())
        {
            Assert.Null(rounding.Apply(null));
        }
    }
}
