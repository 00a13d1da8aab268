using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HubAspire.Store.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    status = table.Column<string>(type: "text", nullable: false),
                    manifest_path = table.Column<string>(type: "text", nullable: false),
                    seed = table.Column<long>(type: "bigint", nullable: false),
                    scale = table.Column<double>(type: "double precision", nullable: false),
                    generator_version = table.Column<string>(type: "text", nullable: false),
                    manifest_created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    total_rows = table.Column<long>(type: "bigint", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rows_per_entity = table.Column<string>(type: "jsonb", nullable: true),
                    phase_durations_ms = table.Column<string>(type: "jsonb", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true),
                    trace_id = table.Column<string>(type: "text", nullable: true),
                    generator_trace_parent = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_runs", x => x.id);
                    table.CheckConstraint("ck_runs_finished_at", "(status = 'running') = (finished_at IS NULL)");
                    table.CheckConstraint("ck_runs_status", "status IN ('running', 'succeeded', 'failed')");
                });

            migrationBuilder.CreateTable(
                name: "companies_cube",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    dimension = table.Column<string>(type: "text", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    label = table.Column<string>(type: "text", nullable: false),
                    rows = table.Column<long>(type: "bigint", nullable: false),
                    employee_count = table.Column<long>(type: "bigint", nullable: false),
                    annual_revenue = table.Column<long>(type: "bigint", nullable: false),
                    website_traffic_monthly = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_companies_cube", x => new { x.run_id, x.dimension, x.month, x.label });
                    table.CheckConstraint("ck_companies_cube_dimension", "dimension IN ('all', 'industry', 'region')");
                    table.ForeignKey(
                        name: "fk_companies_cube_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contacts_cube",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    dimension = table.Column<string>(type: "text", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    label = table.Column<string>(type: "text", nullable: false),
                    rows = table.Column<long>(type: "bigint", nullable: false),
                    lead_score = table.Column<long>(type: "bigint", nullable: false),
                    engagement_index = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts_cube", x => new { x.run_id, x.dimension, x.month, x.label });
                    table.CheckConstraint("ck_contacts_cube_dimension", "dimension IN ('all', 'lifecycle_stage', 'lead_source')");
                    table.ForeignKey(
                        name: "fk_contacts_cube_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deals_cube",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    dimension = table.Column<string>(type: "text", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    label = table.Column<string>(type: "text", nullable: false),
                    rows = table.Column<long>(type: "bigint", nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    weighted_amount = table.Column<long>(type: "bigint", nullable: false),
                    won = table.Column<long>(type: "bigint", nullable: false),
                    lost = table.Column<long>(type: "bigint", nullable: false),
                    won_amount = table.Column<long>(type: "bigint", nullable: false),
                    open_weighted_amount = table.Column<long>(type: "bigint", nullable: false),
                    velocity_score = table.Column<long>(type: "bigint", nullable: false),
                    probability = table.Column<long>(type: "bigint", nullable: false),
                    days_in_pipeline = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deals_cube", x => new { x.run_id, x.dimension, x.month, x.label });
                    table.CheckConstraint("ck_deals_cube_dimension", "dimension IN ('all', 'region', 'industry', 'stage', 'pipeline')");
                    table.ForeignKey(
                        name: "fk_deals_cube_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "email_campaigns_cube",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    dimension = table.Column<string>(type: "text", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    label = table.Column<string>(type: "text", nullable: false),
                    rows = table.Column<long>(type: "bigint", nullable: false),
                    opened = table.Column<long>(type: "bigint", nullable: false),
                    clicked = table.Column<long>(type: "bigint", nullable: false),
                    bounced = table.Column<long>(type: "bigint", nullable: false),
                    unsubscribed = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_email_campaigns_cube", x => new { x.run_id, x.dimension, x.month, x.label });
                    table.CheckConstraint("ck_email_campaigns_cube_dimension", "dimension IN ('all', 'campaign_type', 'send_hour')");
                    table.ForeignKey(
                        name: "fk_email_campaigns_cube_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "marketing_events_cube",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    dimension = table.Column<string>(type: "text", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    label = table.Column<string>(type: "text", nullable: false),
                    rows = table.Column<long>(type: "bigint", nullable: false),
                    session_duration_sec = table.Column<long>(type: "bigint", nullable: false),
                    engaged = table.Column<long>(type: "bigint", nullable: false),
                    page_depth = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_marketing_events_cube", x => new { x.run_id, x.dimension, x.month, x.label });
                    table.CheckConstraint("ck_marketing_events_cube_dimension", "dimension IN ('all', 'channel', 'event_type')");
                    table.ForeignKey(
                        name: "fk_marketing_events_cube_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_tickets_cube",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    dimension = table.Column<string>(type: "text", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    label = table.Column<string>(type: "text", nullable: false),
                    rows = table.Column<long>(type: "bigint", nullable: false),
                    resolution_hours = table.Column<long>(type: "bigint", nullable: false),
                    sla_met = table.Column<long>(type: "bigint", nullable: false),
                    satisfaction_score = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_tickets_cube", x => new { x.run_id, x.dimension, x.month, x.label });
                    table.CheckConstraint("ck_support_tickets_cube_dimension", "dimension IN ('all', 'category', 'priority')");
                    table.ForeignKey(
                        name: "fk_support_tickets_cube_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "web_analytics_cube",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    dimension = table.Column<string>(type: "text", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    label = table.Column<string>(type: "text", nullable: false),
                    rows = table.Column<long>(type: "bigint", nullable: false),
                    session_duration_sec = table.Column<long>(type: "bigint", nullable: false),
                    bounce = table.Column<long>(type: "bigint", nullable: false),
                    conversion = table.Column<long>(type: "bigint", nullable: false),
                    page_views = table.Column<long>(type: "bigint", nullable: false),
                    engaged = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_web_analytics_cube", x => new { x.run_id, x.dimension, x.month, x.label });
                    table.CheckConstraint("ck_web_analytics_cube_dimension", "dimension IN ('all', 'page_url', 'country', 'device_type')");
                    table.ForeignKey(
                        name: "fk_web_analytics_cube_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "companies_cube");

            migrationBuilder.DropTable(
                name: "contacts_cube");

            migrationBuilder.DropTable(
                name: "deals_cube");

            migrationBuilder.DropTable(
                name: "email_campaigns_cube");

            migrationBuilder.DropTable(
                name: "marketing_events_cube");

            migrationBuilder.DropTable(
                name: "support_tickets_cube");

            migrationBuilder.DropTable(
                name: "web_analytics_cube");

            migrationBuilder.DropTable(
                name: "runs");
        }
    }
}
