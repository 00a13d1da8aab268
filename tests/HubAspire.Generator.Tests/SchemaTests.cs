using HubAspire.Generator.Tests.Support;

namespace HubAspire.Generator.Tests;

/// <summary>The files hold exactly DATA.md's columns, in order, with its types, as DuckDB reads them.</summary>
public sealed class SchemaTests(DatasetFixture dataset) : IClassFixture<DatasetFixture>
{
    private const string Id = "BIGINT", Int = "INTEGER", Real = "DOUBLE", Text = "VARCHAR", Time = "TIMESTAMP WITH TIME ZONE";

    // Written out from DATA.md on purpose, not taken from the production schema.
    public static TheoryData<string, string> ExpectedSchemas => new()
    {
        { "companies", $"company_id {Id}, company_name {Text}, industry {Text}, region {Text}, employee_count {Int}, annual_revenue {Real}, founded_year {Int}, website_traffic_monthly {Int}, created_at {Time}" },
        { "contacts", $"contact_id {Id}, email {Text}, company_id {Id}, job_title {Text}, lead_source {Text}, lead_score {Int}, lifecycle_stage {Text}, region {Text}, first_touch_date {Time}, num_page_views {Int}, num_form_submissions {Int}" },
        { "deals", $"deal_id {Id}, contact_id {Id}, company_id {Id}, deal_name {Text}, amount {Real}, stage {Text}, pipeline {Text}, probability {Real}, days_in_pipeline {Int}, created_at {Time}, industry {Text}, region {Text}" },
        { "marketing_events", $"event_id {Id}, contact_id {Id}, event_type {Text}, channel {Text}, campaign_id {Int}, utm_source {Text}, device_type {Text}, session_duration_sec {Int}, page_depth {Int}, timestamp {Time}" },
        { "email_campaigns", $"email_event_id {Id}, contact_id {Id}, campaign_id {Int}, campaign_type {Text}, action {Text}, subject_line_length {Int}, send_hour {Int}, send_day_of_week {Int}, timestamp {Time}" },
        { "support_tickets", $"ticket_id {Id}, contact_id {Id}, company_id {Id}, category {Text}, priority {Text}, status {Text}, resolution_hours {Real}, satisfaction_score {Int}, num_interactions {Int}, created_at {Time}" },
        { "web_analytics", $"session_id {Id}, page_url {Text}, referrer_domain {Text}, browser {Text}, device_type {Text}, country {Text}, session_duration_sec {Int}, page_views {Int}, bounce {Int}, conversion {Int}, timestamp {Time}" },
    };

    [Theory]
    [MemberData(nameof(ExpectedSchemas))]
    public void Columns_and_types_are_exactly_the_specified_ones(string entity, string expected)
    {
        var columns = dataset.Db.Rows($"describe select * from {entity}")
            .Select(row => $"{row[0]} {row[1]}");

        Assert.Equal(expected, string.Join(", ", columns));
    }

    [Fact]
    public void Files_are_laid_out_per_entity_with_part_numbers()
    {
        var files = Directory.GetFiles(dataset.Raw, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dataset.Raw, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "_manifest.json",
                "companies/part-00000.parquet", "contacts/part-00000.parquet", "deals/part-00000.parquet",
                "email_campaigns/part-00000.parquet", "marketing_events/part-00000.parquet",
                "support_tickets/part-00000.parquet", "web_analytics/part-00000.parquet",
            ],
            files);
    }

    [Fact]
    public void Every_column_is_snappy_compressed_and_categorical_strings_are_dictionary_encoded()
    {
        var chunks = dataset.Db.Rows($"select path_in_schema, compression, encodings from parquet_metadata('{dataset.Raw}/*/*.parquet')");

        Assert.NotEmpty(chunks);
        Assert.All(chunks, chunk => Assert.Equal("SNAPPY", chunk[1]));
        var dictionaryColumns = chunks.Where(c => ((string)c[2]!).Contains("DICTIONARY")).Select(c => (string)c[0]!).ToHashSet();
        foreach (var categorical in new[] { "industry", "region", "stage", "pipeline", "channel", "action", "priority", "status", "page_url", "country", "browser" })
        {
            Assert.Contains(categorical, dictionaryColumns);
        }

        // Unique names gain nothing from a dictionary.
        Assert.DoesNotContain("company_name", dictionaryColumns);
    }
}
